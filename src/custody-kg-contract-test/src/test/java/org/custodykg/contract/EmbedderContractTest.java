package org.custodykg.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.custodykg.AccessAnswer;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.custodykg.Entity;
import org.custodykg.ErrorCode;
import org.custodykg.ExportFormat;
import org.custodykg.ExportPart;
import org.custodykg.KeyCustody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README's Java section shows, run on the library artifact alone (this module depends on
 * nothing else; its build fails if the library brings Jetty, Fuseki, picocli or an SLF4J binding).
 */
class EmbedderContractTest {
    private static final String ID = "https://w3id.org/custody-kg/id/";

    @TempDir
    Path temp;

    @Test
    void theReadmesJavaSectionAnswersOnTheEmbeddedGraph() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            List<KeyCustody> keys = graph.keyCustody("iCloud");
            assertEquals(List.of("Apple"), keys.stream().map(k -> k.keyHolder().map(Entity::label).orElse("?")).toList());
            assertEquals(List.of(ID + "organisation/apple"),
                    graph.ask("stances", Map.of("firm", "Apple")).table().rows().stream()
                            .map(row -> row.iri("firm")).distinct().toList());
            assertEquals(true, graph.sparql("ASK { ?s ?p ?o }").bool());
            assertEquals(List.of("iCloud", "iCloud data centre in mainland China"),
                    graph.search("iclou", Optional.empty(), 2).stream().map(hit -> hit.label()).toList());

            AccessAnswer access = graph.access("Hong Kong", "iCloud", Optional.empty(), false);
            assertEquals(List.of("as of 2021-06-09, the newest source"), access.notes());
            assertEquals(List.of("stated through a treaty"),
                    access.routes().stream().map(r -> r.grade().label() + " " + r.kind().label()).toList());

            ByteArrayOutputStream dump = new ByteArrayOutputStream();
            graph.export(ExportFormat.NQ, ExportPart.ALL, dump);
            assertEquals(3183, dump.toString(java.nio.charset.StandardCharsets.UTF_8).lines().count());
        }
    }

    @Test
    void aFolderAndATdb2StoreAnswerAsTheEmbeddedGraphDoes() throws IOException {
        Path dump = temp.resolve("custody-kg.nq");
        List<String> expected;
        List<org.custodykg.SearchHit> expectedHits;
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            graph.export(ExportFormat.NQ, ExportPart.ALL, dump, null);
            expected = graph.ask("key-custody", Map.of("service", "iCloud")).table().toText().lines().toList();
            expectedHits = graph.search("hong kong", Optional.empty(), 20);
        }
        Dataset store = TDB2Factory.connectDataset(temp.resolve("store").toString());
        Txn.executeWrite(store, () -> RDFDataMgr.read(store, dump.toString(), Lang.NQUADS));
        store.close();
        org.apache.jena.tdb2.sys.TDBInternal.expel(store.asDatasetGraph());
        try (CustodyGraph fromStore = CustodyGraph.openStore(temp.resolve("store"))) {
            assertEquals(expected, fromStore.ask("key-custody", Map.of("service", "iCloud")).table().toText().lines().toList());
            // a store written without 'custody load' gets its search index on its first search
            assertEquals(expectedHits, fromStore.search("hong kong", Optional.empty(), 20));
        }
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("extra.ttl"), """
                <https://w3id.org/custody-kg/id/service/icloud> <http://www.w3.org/2000/01/rdf-schema#comment> "an embedder's note"@en .
                """);
        try (CustodyGraph folder = CustodyGraph.openDirectory(data, CustodyGraph.Options.trusted())) {
            assertEquals(List.of(), folder.keyCustody(null));
        }
    }

    @Test
    void aBadArgumentNamesTheParameterNotAFlag() {
        Path missing = temp.resolve("missing");
        ArgumentException e = assertThrows(ArgumentException.class, () -> CustodyGraph.openStore(missing));
        assertEquals("store: expected the folder of a TDB2 store, but " + missing + " is not a folder", e.getMessage());
        assertEquals(ErrorCode.BAD_ARGUMENT, e.code());
        assertEquals(Optional.of("store"), e.parameter());
    }

    @Test
    void everyClassInTheLibraryJarLoadsOnTheLibrarysOwnDependencies() throws Exception {
        List<String> failed = new ArrayList<>();
        List<String> names = classNames();
        for (String name : names) {
            try {
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                type.getDeclaredMethods();   // resolves every type its signatures name
                type.getDeclaredFields();
            } catch (LinkageError | ClassNotFoundException e) {
                failed.add(name + ": " + e);
            }
        }
        assertEquals(List.of(), failed);
        assertEquals(true, names.contains("org.custodykg.CustodyGraph"));
        assertEquals(List.of(), names.stream().filter(n -> n.startsWith("org.custodykg.serve.")
                || n.startsWith("org.custodykg.cli.") || n.startsWith("org.custodykg.bench.")
                || n.startsWith("org.custodykg.generate.")).toList());
    }

    /** The classes of the library artifact: its jar, or its classes folder when run inside the build. */
    private static List<String> classNames() throws IOException, URISyntaxException {
        Path where = Path.of(CustodyGraph.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(where)) {
            try (Stream<Path> files = Files.walk(where)) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f ->
                        names.add(where.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "")));
            }
        } else {
            try (JarFile jar = new JarFile(where.toFile())) {
                for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                    if (entry.getName().endsWith(".class") && !entry.getName().contains("module-info")) {
                        names.add(entry.getName().replace('/', '.').replaceAll("\\.class$", ""));
                    }
                }
            }
        }
        names.sort(null);
        return names;
    }
}

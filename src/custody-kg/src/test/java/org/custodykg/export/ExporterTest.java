package org.custodykg.export;

import org.custodykg.ExportPart;
import org.custodykg.ExportFormat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.custodykg.CustodyGraph;
import org.custodykg.ExportResult;
import org.custodykg.CustodyKg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExporterTest {
    /**
     * Statements in the repository's graph: 1411 ontology, the 16 source documents, the facts of the BBC report
     * and of the 15 later sources, and the entailments of the inferred graph (issue 16 added 78 ontology
     * statements and 609 of data and entailments: the later sources, their attestations and facts).
     */
    static final int ALL_STATEMENTS = 3183;
    static final int ONTOLOGY_STATEMENTS = 1411;
    /** The folders of data/, one named graph each: the 16 source documents. */
    static final List<String> SOURCE_FOLDERS = folders(Path.of("data"));

    static List<String> folders(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CustodyGraph graph;

    @BeforeAll
    static void open() {
        graph = CustodyGraph.openDefault();
    }

    @AfterAll
    static void close() {
        graph.close();
    }

    static byte[] dump(CustodyGraph g, ExportFormat format, ExportPart part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        g.export(format, part, out);
        return out.toByteArray();
    }

    static Lang lang(ExportFormat format) {
        return switch (format) {
            case TTL -> Lang.TURTLE;
            case NT -> Lang.NTRIPLES;
            case JSONLD -> Lang.JSONLD;
            case RDFXML -> Lang.RDFXML;
            case TRIG -> Lang.TRIG;
            case NQ -> Lang.NQUADS;
        };
    }

    /** The named graphs of the part (never the default graph, which is only a copy of their union). */
    static DatasetGraph namedGraphs(CustodyGraph g, ExportPart part) {
        DatasetGraph copy = DatasetGraphFactory.create();
        Txn.executeRead(g.dataset(), () -> g.dataset().asDatasetGraph().find().forEachRemaining(q -> {
            if (!q.isDefaultGraph() && part.includes(q.getGraph())) {
                copy.add(q);
            }
        }));
        return copy;
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void everyFormatParsesBackToTheSameData(ExportFormat format) {
        byte[] bytes = dump(graph, format, ExportPart.ALL);
        DatasetGraph expected = namedGraphs(graph, ExportPart.ALL);
        if (format.keepsNamedGraphs()) {
            DatasetGraph parsed = DatasetGraphFactory.create();
            RDFParser.fromString(new String(bytes, StandardCharsets.UTF_8), lang(format)).parse(parsed);
            assertEquals(0, parsed.getDefaultGraph().size(), "a quad dump writes no default graph");
            List<String> names = new ArrayList<>();
            parsed.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
            names.sort(null);
            assertEquals(16, SOURCE_FOLDERS.size());
            List<String> expectedNames = new ArrayList<>(List.of(CustodyKg.INFERRED_GRAPH, CustodyKg.ONTOLOGY_GRAPH));
            SOURCE_FOLDERS.forEach(folder -> expectedNames.add(CustodyKg.sourceGraph(folder)));
            expectedNames.add(CustodyKg.SOURCES_GRAPH);
            assertEquals(expectedNames, names);
            assertTrue(IsoMatcher.isomorphic(expected, parsed), format + " dump is not isomorphic to the store");
        } else {
            Graph parsed = GraphFactory.createDefaultGraph();
            RDFParser.fromString(new String(bytes, StandardCharsets.UTF_8), lang(format)).parse(parsed);
            assertEquals(ALL_STATEMENTS, parsed.size());
            assertTrue(expected.getUnionGraph().isIsomorphicWith(parsed), format + " dump is not isomorphic to the union");
        }
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void sameDataGivesTheSameBytesAfterAReload(ExportFormat format) {
        byte[] first = dump(graph, format, ExportPart.ALL);
        try (CustodyGraph reloaded = CustodyGraph.openDefault()) {
            assertArrayEquals(first, dump(reloaded, format, ExportPart.ALL), format + " output changed after a reload");
        }
        assertArrayEquals(first, dump(graph, format, ExportPart.ALL), format + " output changed between two runs");
    }

    @Test
    void ntriplesAreSortedAndDistinct() {
        String[] lines = new String(dump(graph, ExportFormat.NT, ExportPart.ALL), StandardCharsets.UTF_8).split("\n");
        assertEquals(ALL_STATEMENTS, lines.length);
        String[] sorted = new TreeSet<>(List.of(lines)).toArray(String[]::new);
        assertArrayEquals(sorted, lines);
    }

    @Test
    void partsSplitTheOntologyFromTheData() {
        Result ontology = write(ExportFormat.NQ, ExportPart.ONTOLOGY);
        Result data = write(ExportFormat.NQ, ExportPart.DATA);
        assertEquals(new Result(ONTOLOGY_STATEMENTS, 1), ontology);
        assertEquals(new Result(ALL_STATEMENTS - ONTOLOGY_STATEMENTS, SOURCE_FOLDERS.size() + 2), data);
    }

    private record Result(long statements, int graphs) {}

    private static Result write(ExportFormat format, ExportPart part) {
        ExportResult r = graph.export(format, part, new ByteArrayOutputStream());
        return new Result(r.statements(), r.graphs());
    }

    @Test
    void jsonLdIsPlainJsonWithTheProjectsShortKeys() {
        JsonObject doc = JSON.parse(new String(dump(graph, ExportFormat.JSONLD, ExportPart.DATA), StandardCharsets.UTF_8));
        assertEquals(List.of("@context", "@graph"), List.copyOf(doc.keys()));
        JsonObject icloudKeys = null;
        Set<String> allKeys = new TreeSet<>();
        for (JsonValue node : doc.get("@graph").getAsArray()) {
            JsonObject object = node.getAsObject();
            allKeys.addAll(object.keys());
            if (object.get("id").getAsString().value().equals("fact/key-custody-icloud-hong-kong")) {
                icloudKeys = object;
            }
        }
        // its asserted class and the two the inferred graph adds (prov:Entity keeps its prefix: it is not ours)
        assertEquals(List.of("prov:Entity", "Fact", "KeyCustody"), icloudKeys.get("type").getAsArray().stream()
                .map(v -> v.getAsString().value()).toList());
        assertEquals("organisation/apple", icloudKeys.get("keyHolder").getAsString().value());
        assertEquals("service/icloud", icloudKeys.get("service").getAsString().value());
        assertEquals("ProviderHeldKeyEncryption", icloudKeys.get("encryption").getAsString().value());
        assertEquals("Apple holds the keys to Hong Kong users' iCloud data, in the United States",
                icloudKeys.get("label").getAsString().value());
        assertEquals("source/bbc-2020-07-07-hong-kong-data-pause", icloudKeys.get("source").getAsString().value());
        for (String key : allKeys) {
            assertFalse(key.contains(":"), "a full or prefixed IRI used as a key: " + key);
        }
    }

    @Test
    void jsonLdContextNamesEveryTermTheGraphUses() {
        JsonObject context = JSON.parse(org.custodykg.CustodyGraph.jsonLdContext()).get("@context").getAsObject();
        Set<String> missing = new TreeSet<>();
        Txn.executeRead(graph.dataset(), () -> graph.model().listStatements().forEachRemaining(s -> {
            String predicate = s.getPredicate().getURI();
            String local = s.getPredicate().getLocalName();
            boolean list = predicate.equals("http://www.w3.org/1999/02/22-rdf-syntax-ns#first")
                    || predicate.equals("http://www.w3.org/1999/02/22-rdf-syntax-ns#rest")
                    || predicate.equals("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
            if (!list && !context.hasKey(local)) {
                missing.add(predicate);
            }
            if (s.getSubject().isURIResource() && s.getSubject().getURI().startsWith(CustodyKg.ONTOLOGY_NS)
                    && Character.isLowerCase(s.getSubject().getLocalName().charAt(0))
                    && !context.hasKey(s.getSubject().getLocalName())) {
                missing.add(s.getSubject().getURI());
            }
        }));
        assertEquals(Set.of(), missing);
    }

    @Test
    void writeFileLeavesNothingBehindButTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("custody-kg.nq");
        ExportResult result = graph.export(ExportFormat.NQ, ExportPart.ALL, file, null);
        assertEquals(ALL_STATEMENTS, result.statements());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        assertArrayEquals(dump(graph, ExportFormat.NQ, ExportPart.ALL), Files.readAllBytes(file));
    }
}

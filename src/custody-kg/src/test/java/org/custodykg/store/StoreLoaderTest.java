package org.custodykg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;
import org.custodykg.Layout;
import org.custodykg.load.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading into a real TDB2 store on disk: all or nothing, one graph per file, the union seen by queries. */
class StoreLoaderTest {
    private static final String PREFIXES = """
            @prefix ckg: <https://w3id.org/custody-kg/ontology#> .
            @prefix place: <https://w3id.org/custody-kg/id/place/> .
            @prefix source: <https://w3id.org/custody-kg/id/source/> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            """;
    private static final String SOURCE = PREFIXES + """
            source:gen-test a ckg:SourceDocument ; rdfs:label "Test source"@en ; dct:title "Test source"@en ;
                dct:publisher "tests" ; dct:issued "2020-01-01"^^xsd:date ; ckg:noUrlReason "A test fixture." .
            """;
    private static final String STATES = PREFIXES + """
            place:gen-a a ckg:State ; rdfs:label "State A"@en ; ckg:describedIn source:gen-test .
            place:gen-b a ckg:State ; rdfs:label "State B"@en ; ckg:describedIn source:gen-test .
            """;
    private static final String REGION_QUADS = """
            <https://w3id.org/custody-kg/id/place/gen-r> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/custody-kg/ontology#LegalRegion> <https://w3id.org/custody-kg/graph/source/regions> .
            <https://w3id.org/custody-kg/id/place/gen-r> <http://www.w3.org/2000/01/rdf-schema#label> "Region R"@en <https://w3id.org/custody-kg/graph/source/regions> .
            <https://w3id.org/custody-kg/id/place/gen-r> <https://w3id.org/custody-kg/ontology#partOf> <https://w3id.org/custody-kg/id/place/gen-a> <https://w3id.org/custody-kg/graph/source/regions> .
            <https://w3id.org/custody-kg/id/place/gen-r> <https://w3id.org/custody-kg/ontology#describedIn> <https://w3id.org/custody-kg/id/source/gen-test> <https://w3id.org/custody-kg/graph/source/regions> .
            """;

    @TempDir
    Path temp;

    @Test
    void loadsEachFileIntoItsGraphAndAnswersAfterReopening() throws Exception {
        Path dir = temp.resolve("store");
        List<String> progress = new ArrayList<>();
        StoreLoader.Result result = load(dir, progress, write("sources.ttl", SOURCE), gzip("states.ttl.gz", STATES),
                write("regions.nq", REGION_QUADS));
        assertEquals(new StoreLoader.Result(16, 3, result.seconds()), result);
        assertEquals(List.of("parsed: 16 triples", "validated: 16 triples", "stored: 16 triples"),
                progress.stream().map(line -> line.substring(0, line.indexOf(" triples,") + " triples".length())).toList());
        long ontology = Loader.parseFile(Layout.embedded().ontology().resolve("custody.ttl")).size();
        try (CustodyGraph graph = CustodyGraph.openStore(dir, CustodyGraph.Options.trusted().withoutInferred())) {
            assertEquals(Map.of(CustodyKg.ONTOLOGY_GRAPH, ontology, CustodyKg.sourceGraph("sources"), 6L,
                    CustodyKg.sourceGraph("states"), 6L, CustodyKg.sourceGraph("regions"), 4L), graphSizes(graph.dataset()));
            assertEquals(3, count(graph, "SELECT (COUNT(*) AS ?n) { ?place a/rdfs:subClassOf* ckg:Jurisdiction }"));
            assertEquals(16 + ontology, count(graph, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"));
        }
    }

    @Test
    void aBadFileInTheMiddleLeavesTheStoreAsItWas() throws Exception {
        Path dir = temp.resolve("store");
        load(dir, new ArrayList<>(), write("sources.ttl", SOURCE));
        Map<String, Long> before = sizes(dir);
        Path bad = write("bad.ttl", PREFIXES + "place:gen-c a ckg:State ;\n  rdfs:label \"C\"@en ,, .\n");
        DataException failure = assertThrows(DataException.class,
                () -> load(dir, new ArrayList<>(), write("states.ttl", STATES), bad, write("more.ttl", STATES)));
        assertTrue(failure.getMessage().startsWith(bad + ":8:22: "), failure.getMessage());
        assertEquals(before, sizes(dir));
    }

    @Test
    void dataThatFailsTheShapesIsNotCommitted() throws Exception {
        Path dir = temp.resolve("store");
        DataException failure = assertThrows(DataException.class,
                () -> load(dir, new ArrayList<>(), write("states.ttl", STATES)));
        assertEquals("The data does not conform to the shapes (2 violations):", failure.getMessage().lines().findFirst().orElseThrow());
        assertEquals(Map.of(), sizes(dir));
    }

    @Test
    void aFailedFirstLoadCreatesNoStore() throws Exception {
        Path dir = temp.resolve("new-store");
        Path bad = write("bad.ttl", PREFIXES + "place:gen-c a ckg:State ;\n  rdfs:label \"C\"@en ,, .\n");
        assertThrows(DataException.class, () -> loadInto(dir, write("sources.ttl", SOURCE), bad));
        assertEquals(List.of(), Files.list(temp).filter(p -> p.getFileName().toString().contains("store")).toList());
        Path empty = Files.createDirectory(temp.resolve("empty"));
        assertThrows(DataException.class, () -> loadInto(empty, bad));
        assertEquals(List.of(), Files.list(empty).toList());
        assertEquals(new StoreLoader.Result(6, 1, 0), loadInto(empty, write("sources.ttl", SOURCE)));
        assertEquals(6L, sizes(empty).get(CustodyKg.sourceGraph("sources")));
        assertEquals(List.of("empty", "sources.ttl", "bad.ttl").stream().sorted().toList(),
                Files.list(temp).map(p -> p.getFileName().toString()).sorted().toList());
    }

    @Test
    void aFolderThatIsNeitherEmptyNorAStoreIsRefused() throws Exception {
        Path notes = Files.createDirectory(temp.resolve("notes"));
        Files.writeString(notes.resolve("todo.txt"), "keep me");
        assertEquals("store: the folder " + notes + " is neither empty nor a TDB2 store; give a new or empty folder, "
                        + "or a store written by 'custody load'",
                assertThrows(ArgumentException.class, () -> loadInto(notes, write("sources.ttl", SOURCE))).getMessage());
        assertEquals(List.of(notes.resolve("todo.txt")), Files.list(notes).toList());
    }

    @Test
    void anAbortedLoadGivesBackTheRoomItTook() throws Exception {
        Path dir = temp.resolve("store");
        loadInto(dir, write("sources.ttl", SOURCE));
        long before = diskBytes(dir);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            many.append("<https://example.org/s").append(i).append("> <https://example.org/p> \"").append(i).append("\" .\n");
        }
        Path big = write("big.nt", many.toString());
        Path bad = write("bad.ttl", PREFIXES + "place:gen-c a ckg:State ;\n  rdfs:label \"C\"@en ,, .\n");
        for (int i = 0; i < 3; i++) {
            assertThrows(DataException.class, () -> loadInto(dir, big, bad));
        }
        assertTrue(diskBytes(dir) <= before, diskBytes(dir) + " bytes after the aborted loads, " + before + " before");
        assertEquals(6L, sizes(dir).get(CustodyKg.sourceGraph("sources")));
    }

    private StoreLoader.Result loadInto(Path dir, Path... files) {
        StoreLoader.Result result = StoreLoader.loadInto(dir, GraphFactory.createDefaultGraph(), line -> { }, List.of(files), null);
        return new StoreLoader.Result(result.triples(), result.files(), 0);
    }

    private static long diskBytes(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void graphOptionPutsEveryTripleInOneGraph() throws Exception {
        Path dir = temp.resolve("store");
        Dataset store = Store.connect(dir);
        new StoreLoader(store, GraphFactory.createDefaultGraph(), line -> { })
                .load(List.of(write("sources.ttl", SOURCE), write("states.nt", toNTriples(STATES))), "https://example.org/g");
        store.close();
        assertEquals(12L, sizes(dir).get("https://example.org/g"));
    }

    @Test
    void everyQuadParsedIsWrittenThoughTheWriterIsStillBehindWhenParsingEnds() throws Exception {
        // without shapes the parser runs far ahead of the writer: dozens of batches are still queued at the commit
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            many.append("<https://example.org/s").append(i % 1_000).append("> <https://example.org/p").append(i % 7)
                    .append("> \"").append(i).append("\" .\n");
        }
        Path dir = temp.resolve("store");
        assertEquals(new StoreLoader.Result(200_000, 1, 0), loadInto(dir, write("many.nt", many.toString())));
        assertEquals(200_000L, sizes(dir).get(CustodyKg.sourceGraph("many")));
        assertEquals(new StoreLoader.Result(200_000, 1, 0), loadInto(dir, write("again.nt", many.toString())));
        assertEquals(200_000L, sizes(dir).get(CustodyKg.sourceGraph("again")));
    }

    @Test
    void theShapesSeeTheLastQuadParsedThoughTheWriterKeepsTheParsedCopy() throws Exception {
        // the writer's thread adds each parsed quad to the copy validation reads: the copy must be whole
        Path source = write("source.ttl", SOURCE);
        Path file = statesWithTheLastUnlabelled();
        String expected = "place:gen-last rdfs:label: Every entity must have a label (rdfs:label).";
        for (boolean newStore : new boolean[] {true, false}) {
            Path dir = temp.resolve(newStore ? "new" : "existing");
            DataException failure = assertThrows(DataException.class, () -> {
                if (newStore) {
                    StoreLoader.loadInto(dir, Loader.shapes(Layout.embedded()), line -> { }, List.of(source, file), null);
                } else {
                    load(dir, new ArrayList<>(), source, file);
                }
            });
            assertEquals(List.of("The data does not conform to the shapes (1 violations):", expected),
                    failure.getMessage().lines().toList(), newStore ? "new store" : "existing store");
        }
    }

    @Test
    void aNewStoresInferringLoadThatFailsTheShapesStopsDerivingAndLeavesNothing() throws Exception {
        // the conclusions are derived on a thread of their own while the shapes are checked
        Path source = write("source.ttl", SOURCE);
        Path file = statesWithTheLastUnlabelled();
        Path dir = temp.resolve("store");
        DataException failure = assertThrows(DataException.class,
                () -> StoreLoader.loadInto(dir, Loader.shapes(Layout.embedded()), line -> { }, List.of(source, file), null, true));
        assertEquals(List.of("The data does not conform to the shapes (1 violations):",
                "place:gen-last rdfs:label: Every entity must have a label (rdfs:label)."), failure.getMessage().lines().toList());
        try (var left = Files.list(temp)) {
            assertEquals(List.of("source.ttl", "states.ttl"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // the deriving thread ends once its task has (the load waited for the task, not for the thread)
        for (Thread deriving : Thread.getAllStackTraces().keySet()) {
            if (deriving.getName().equals("custody-derive")) {
                deriving.join(10_000);
                assertEquals(false, deriving.isAlive(), "the deriving thread still runs");
            }
        }
    }

    @Test
    void baseNameDropsTheExtensionAndGzip() {
        assertEquals("facts", StoreLoader.baseName(Path.of("a/b/facts.nt.gz")));
        assertEquals("facts", StoreLoader.baseName(Path.of("facts.trig")));
    }

    private StoreLoader.Result load(Path dir, List<String> progress, Path... files) {
        Dataset store = Store.connect(dir);
        try {
            // the writer reports from its own thread
            return StoreLoader.validating(store, line -> {
                synchronized (progress) {
                    progress.add(line);
                }
            }).load(List.of(files), null);
        } finally {
            store.close();
        }
    }

    private Map<String, Long> sizes(Path dir) {
        Dataset store = Store.connect(dir);
        try {
            return graphSizes(store);
        } finally {
            store.close();
        }
    }

    private static Map<String, Long> graphSizes(Dataset dataset) {
        return Txn.calculateRead(dataset, () -> {
            Map<String, Long> sizes = new HashMap<>();
            dataset.asDatasetGraph().listGraphNodes().forEachRemaining(g -> sizes.put(g.getURI(),
                    (long) dataset.asDatasetGraph().getGraph(g).size()));
            return sizes;
        });
    }

    private static long count(CustodyGraph graph, String select) {
        String query = "PREFIX ckg: <" + CustodyKg.ONTOLOGY_NS + "> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " + select;
        return Txn.calculateRead(graph.dataset(), () -> {
            try (QueryExec exec = QueryExec.dataset(graph.dataset().asDatasetGraph()).query(query).build()) {
                return ((Number) exec.select().next().get("n").getLiteralValue()).longValue();
            }
        });
    }

    private static String toNTriples(String turtle) {
        var graph = GraphFactory.createDefaultGraph();
        org.apache.jena.riot.RDFParser.fromString(turtle, org.apache.jena.riot.Lang.TURTLE).parse(graph);
        var out = new java.io.ByteArrayOutputStream();
        org.apache.jena.riot.RDFDataMgr.write(out, graph, org.apache.jena.riot.Lang.NTRIPLES);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** 90,001 triples: 30,000 states that conform, then one that lacks its label ({@code states.ttl}). */
    private Path statesWithTheLastUnlabelled() throws Exception {
        StringBuilder states = new StringBuilder(PREFIXES);
        for (int i = 0; i < 30_000; i++) {
            states.append("place:gen-").append(i).append(" a ckg:State ; rdfs:label \"State ").append(i)
                    .append("\"@en ; ckg:describedIn source:gen-test .\n");
        }
        states.append("place:gen-last a ckg:State ; ckg:describedIn source:gen-test .\n");
        return write("states.ttl", states.toString());
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path gzip(String name, String text) throws Exception {
        Path file = temp.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}

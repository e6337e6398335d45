package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void turtleToAFileSaysTheGraphsWereMerged(@TempDir Path dir) {
        Path file = dir.resolve("kg.ttl");
        Run run = run("export", "--format", "ttl", "--out", file.toString());
        assertEquals(new Run(0, "", "note: ttl has no named graphs; 19 graphs merged into one\n"), run);
        Graph graph = RDFDataMgr.loadGraph(file.toString());
        // 2,552 loaded triples and the 631 entailments materialised before exporting
        assertEquals(2552 + 631, graph.size());
    }

    @Test
    void nquadsOfTheOntologyGoToStandardOutput() {
        Run run = run("export", "--format", "nq", "--part", "ontology");
        assertEquals(0, run.exit());
        assertEquals("", run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(1411, lines.size());
        assertEquals(1411, lines.stream().filter(l -> l.endsWith(" <https://w3id.org/custody-kg/graph/ontology> .")).count());
    }

    @Test
    void anUnknownFormatIsAUsageError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kg.xyz");
        Run run = run("export", "--format", "xml", "--out", file.toString());
        assertEquals(new Run(2, "", "custody export: --format: expected one of ttl|nt|jsonld|rdfxml|trig|nq, but got 'xml'\n"), run);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void anUnknownPartIsAUsageError() {
        Run run = run("export", "--format", "nt", "--part", "facts");
        assertEquals(new Run(2, "", "custody export: --part: expected one of ontology|data|all, but got 'facts'\n"), run);
    }

    @Test
    void aBrokenDataFolderIsBadInputAndWritesNothing(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.writeString(data.resolve("broken.ttl"), "@prefix ex: <http://example.org/> .\nex:a ex:b \n");
        Path file = dir.resolve("kg.nt");
        Run run = run("export", "--format", "nt", "--data", data.toString(), "--out", file.toString());
        assertEquals(3, run.exit());
        assertEquals(false, Files.exists(file));
        assertEquals(true, run.err().startsWith("custody export: " + data.resolve("broken.ttl") + ":3:"), run.err());
    }

    @Test
    void aTdb2StoreExportsItsNamedGraphs(@TempDir Path dir) {
        Path store = dir.resolve("store");
        try (CustodyGraph source = CustodyGraph.openDefault()) {
            Dataset tdb = TDB2Factory.connectDataset(store.toString());
            Txn.executeRead(source.dataset(), () -> Txn.executeWrite(tdb, () ->
                    source.dataset().asDatasetGraph().find().forEachRemaining(q -> {
                        if (!q.isDefaultGraph()) {
                            tdb.asDatasetGraph().add(q);
                        }
                    })));
            tdb.close();
        }
        Run run = run("export", "--format", "nq", "--store", store.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(2552 + 631, run.out().lines().count());
        assertEquals(631, run.out().lines().filter(l -> l.endsWith(" <" + CustodyKg.INFERRED_GRAPH + "> .")).count());
        assertEquals(19, run.out().lines().map(l -> l.substring(l.lastIndexOf(" <"))).distinct().count()); // ontology, sources, inferred and the 16 documents' graphs
    }

    @Test
    void nquadsOfTheWholeGraphKeepTheInferredGraph() {
        Run run = run("export", "--format", "nq");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2552 + 631, lines.size());
        assertEquals(631, lines.stream().filter(l -> l.endsWith(" <" + CustodyKg.INFERRED_GRAPH + "> .")).count());
        assertEquals(5, lines.stream().filter(l -> l.contains("> <" + CustodyKg.ONTOLOGY_NS + "inJurisdiction> <")
                && l.endsWith(" <" + CustodyKg.INFERRED_GRAPH + "> .")).count());
    }
}

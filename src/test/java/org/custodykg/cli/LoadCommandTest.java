package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.custodykg.CustodyKg;
import org.custodykg.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custody generate} then {@code custody load}, in-process, with their exact output. */
class LoadCommandTest {
    @TempDir
    Path temp;

    @Test
    void generateThenLoadIntoAStore() {
        Path file = temp.resolve("gen.nt.gz");
        Path store = temp.resolve("store");
        Output generate = run("generate", "--triples", "20000", "--seed", "3", "--out", file.toString());
        assertEquals(0, generate.code());
        assertEquals("Wrote 20,000 triples (1,403 facts, 8 companies) to " + file + "\n", generate.out());

        Output load = run("load", "--store", store.toString(), "--no-validate", file.toString());
        assertEquals(0, load.code());
        assertTrue(load.out().matches("Loaded 20,000 triples from 1 files into " + store.toString().replace("\\", "\\\\")
                + " in \\d+\\.\\d s\n"), load.out());
        assertTrue(load.err().lines().anyMatch(line -> line.startsWith("parsed: 20,000 triples, ")), load.err());
        Dataset dataset = Store.connect(store);
        try {
            long sourceGraph = Txn.calculateRead(dataset, () -> dataset.asDatasetGraph()
                    .getGraph(NodeFactory.createURI(CustodyKg.sourceGraph("gen"))).size());
            assertEquals(20_000, sourceGraph);
        } finally {
            dataset.close();
        }
    }

    private record Output(int code, String out, String err) {}

    private static Output run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}

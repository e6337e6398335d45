package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
        CliTest.Run generate = CliTest.run("generate", "--triples", "20000", "--seed", "3", "--out", file.toString());
        assertEquals(0, generate.exit());
        assertEquals("Wrote 20,000 triples (1,390 facts, 8 companies) to " + file + "\n", generate.out());

        CliTest.Run load = CliTest.run("load", "--store", store.toString(), "--no-validate", file.toString());
        assertEquals(0, load.exit());
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

    @Test
    void aBadFileExitsWith3AndNamesItsPosition() throws Exception {
        Path bad = Files.writeString(temp.resolve("bad.nt"), "<urn:a> <urn:b> \"unterminated .\n");
        CliTest.Run load = CliTest.run("load", "--store", temp.resolve("store").toString(), bad.toString());
        assertEquals(3, load.exit());
        assertEquals("custody load: " + bad + ":2:1: Broken token (newline in string)\n",
                load.err().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void tooSmallASizeExitsWith2AndNamesTheOption() {
        CliTest.Run generate = CliTest.run("generate", "--triples", "10", "--out", temp.resolve("x.nt").toString());
        assertEquals(2, generate.exit());
        assertEquals("custody generate: --triples: expected at least 6545 (the fixed world of jurisdictions, laws and "
                + "treaties needs that many), but got 10\n", generate.err().replace(System.lineSeparator(), "\n"));
    }
}

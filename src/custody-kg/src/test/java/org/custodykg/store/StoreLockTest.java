package org.custodykg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.sparql.graph.GraphFactory;
import org.custodykg.CustodyException;
import org.custodykg.ErrorCode;
import org.custodykg.CustodyGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store held by another process (a second JVM that connects and waits) is refused with one message,
 * for reading and for loading, instead of TDB2's lock exceptions; once that process ends, it opens.
 */
class StoreLockTest {
    @TempDir
    Path temp;

    /** The other process: connects to the store named by its argument, says so, and waits to be killed. */
    public static void main(String[] args) throws Exception {
        Store.connect(Path.of(args[0]));
        System.out.println("holding");
        System.out.flush();
        Thread.sleep(120_000);
    }

    @Test
    void aStoreInUseElsewhereGivesOneClearMessage() throws Exception {
        Path dir = temp.resolve("store");
        Path file = Files.writeString(temp.resolve("a.nt"), "<https://example.org/a> <https://example.org/p> \"a\" .\n");
        StoreLoader.loadInto(dir, GraphFactory.createDefaultGraph(), line -> { }, List.of(file), null);
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreLockTest.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = said.readLine();
            } while (line != null && !line.equals("holding"));
            assertEquals("holding", line);
            String expected = "store: the store " + dir + " is in use by another process (a running 'custody serve' "
                    + "or 'custody load'); stop it, or use another store";
            CustodyException opening = assertThrows(CustodyException.class, () -> CustodyGraph.openStore(dir));
            assertEquals(expected, opening.getMessage());
            assertEquals(ErrorCode.STORE_UNAVAILABLE, opening.code());
            assertEquals(expected, assertThrows(CustodyException.class,
                    () -> StoreLoader.loadInto(dir, GraphFactory.createDefaultGraph(), l -> { }, List.of(file), null)).getMessage());
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        try (CustodyGraph graph = CustodyGraph.openStore(dir)) {
            assertEquals(true, graph.sparql("ASK { <https://example.org/a> ?p ?o }").bool());
        }
    }
}

package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the launcher runs to write its class-data archive: every command answers (a failure would leave
 * the launcher without an archive, silently), a store loaded from the embedded graph answers the access
 * question exactly as the embedded graph does, and nothing is left behind.
 */
class ArchiveTrainingTest {
    @TempDir
    Path temp;

    @Test
    void theTrainingAsksOnTheEmbeddedGraphAndOnAStoreAndLeavesNothingBehind() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(Main.OK, ArchiveTraining.train(temp, new PrintWriter(out, true), new PrintWriter(err, true)));

        String ask = CliTest.run("ask", "key-custody", "--service", "iCloud").out();
        String access = CliTest.run("access", "--authority", "Hong Kong", "--service", "iCloud", "--assumptions").out();
        String printed = out.toString().replace(System.lineSeparator(), "\n");
        assertTrue(printed.startsWith(ask), printed);
        assertTrue(printed.endsWith(access), printed);
        List<String> load = printed.substring(ask.length(), printed.length() - access.length()).lines().toList();
        String store = temp.resolve("store").toString();
        assertEquals(2, load.size(), load.toString());
        assertTrue(load.get(0).matches("Loaded [0-9,]+ triples from [0-9]+ files into \\Q" + store + "\\E in [0-9.]+ s"), load.get(0));
        assertTrue(load.get(1).matches("Derived [0-9,]+ triples into the inferred graph in [0-9.]+ s"), load.get(1));
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(), left.toList());
        }
    }
}

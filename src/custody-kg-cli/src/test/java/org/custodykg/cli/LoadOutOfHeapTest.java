package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.custodykg.generate.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load that runs out of heap says so in one line, with what to do, exits as for bad input, and leaves no
 * store behind: run in a JVM of its own with a small heap, on a generated file too large for it.
 */
class LoadOutOfHeapTest {
    @TempDir
    Path temp;

    @Test
    void aLoadTooLargeForTheHeapFailsInOneLineAndCreatesNoStore() throws Exception {
        Path file = temp.resolve("big.nt");
        Generator.generate(300_000, 1, file);
        Path store = temp.resolve("store");
        Process load = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "load", "--store", store.toString(), file.toString())
                .redirectOutput(temp.resolve("out.txt").toFile()).redirectError(temp.resolve("err.txt").toFile()).start();
        assertTrue(load.waitFor(5, TimeUnit.MINUTES), "the load ended");
        List<String> err = Files.readAllLines(temp.resolve("err.txt"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.matches("(loading|storing|parsed): .*")).toList();
        assertEquals(Main.BAD_INPUT, load.exitValue(), String.join("\n", err));
        assertEquals(1, err.size(), String.join("\n", err));
        assertTrue(err.get(0).matches("custody load: out of memory: these files need more heap than the [0-9]+ MiB this JVM has \\(the "
                + "parsed files are held in memory while they are validated, about 120 bytes a triple\\); nothing was loaded\\. "
                + "Give it more, for instance CUSTODY_JAVA_OPTS=-Xmx8g \\(docs/scale\\.md\\)"), err.get(0));
        assertFalse(Files.exists(store));
        assertFalse(Files.exists(temp.resolve(".store.loading")));
    }
}

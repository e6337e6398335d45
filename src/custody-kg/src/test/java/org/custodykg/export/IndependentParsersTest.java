package org.custodykg.export;

import org.custodykg.ExportPart;
import org.custodykg.ExportFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.custodykg.CustodyGraph;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The dumps read by parsers outside Jena: n3 (Turtle, N-Triples, TriG, N-Quads) and jsonld (JSON-LD),
 * installed by {@code npm install --prefix target/npm n3@2.13.12 jsonld@9.0.0}.
 */
class IndependentParsersTest {
    private static final Path NODE_MODULES = Path.of("target/npm/node_modules");
    private static final Path SCRIPT = Path.of("src/custody-kg/src/test/node/count-statements.cjs");

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"TTL", "NT", "JSONLD", "TRIG", "NQ"})
    void nodeParsersCountTheSameStatementsAsJena(ExportFormat format, @TempDir Path dir) throws Exception {
        assertTrue(Files.isDirectory(NODE_MODULES.resolve("n3")) && Files.isDirectory(NODE_MODULES.resolve("jsonld")),
                "n3 and jsonld are missing: run npm install --prefix target/npm n3@2.13.12 jsonld@9.0.0");
        Path file = dir.resolve("custody-kg." + format.extension());
        long jena;
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            jena = graph.export(format, ExportPart.ALL, file, null).statements();
        }
        assertEquals(ExporterTest.ALL_STATEMENTS, jena);
        assertEquals(jena + "", runNode(format.extension(), file));
    }

    private static String runNode(String format, Path file) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString(), format, file.toString())
                .redirectErrorStream(true);
        builder.environment().put("NODE_PATH", NODE_MODULES.toAbsolutePath().toString());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node did not finish within 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.exitValue(), "node failed: " + output);
        return output;
    }
}

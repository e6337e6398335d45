package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of the command line: every case in {@code bad-input/cli.tsv} (name, exit code,
 * arguments as a JSON array, the expected first line on stderr) is run in-process. Each must exit with
 * its code, begin stderr with its message, print no stack trace, and write nothing: the case's scratch
 * folder ({@code {tmp}}, where stores are pointed) is still empty afterwards. {@code {corpus}} stands for
 * the folder of case files, {@code bad-input/files}.
 */
class BadInputCorpusTest {
    static final Path CORPUS = Path.of("src/custody-kg-cli/src/test/resources/bad-input");

    @TempDir
    Path tmp;

    /** One line of the table. */
    record Case(String name, int exit, List<String> args, String message) {}

    static Stream<Arguments> cases() throws IOException {
        return Files.readAllLines(CORPUS.resolve("cli.tsv"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", -1))
                .map(cells -> Arguments.of(Named.of(cells[0], new Case(cells[0], Integer.parseInt(cells[1]),
                        JSON.parseAny(cells[2]).getAsArray().stream()
                                .map(value -> value.getAsString().value()).toList(), cells[3]))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithOneClearLineAndWritesNothing(Case badCase) {
        String[] args = badCase.args().stream().map(this::expand).toArray(String[]::new);
        CliTest.Run run = CliTest.run(args);
        // a load's progress lines (parsed: …, validated: …) come before its error
        List<String> err = run.err().lines().filter(line -> !line.matches("(parsed|validated): .*")).toList();
        assertEquals(List.of(), err.stream().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by")).toList(),
                badCase.name() + ": no stack trace");
        assertEquals(badCase.exit() + " " + expand(badCase.message()), run.exit() + " " + (err.isEmpty() ? "" : err.get(0)),
                badCase.name() + ": exit code and first line on stderr");
        assertEquals(List.of(), entries(tmp), badCase.name() + ": nothing written to the scratch folder");
    }

    private String expand(String text) {
        return text.replace("{corpus}", CORPUS.resolve("files").toString()).replace("{tmp}", tmp.toString());
    }

    private static List<Path> entries(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

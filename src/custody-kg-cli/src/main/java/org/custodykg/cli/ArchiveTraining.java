package org.custodykg.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.lib.FileOps;
import org.custodykg.Layout;
import org.custodykg.load.Loader;

/**
 * What the launcher ({@code ./custody}) runs once after each build, under {@code -XX:ArchiveClassesAtExit},
 * so that its class-data archive holds the classes a cold question loads whichever graph it reads: a named
 * question on the embedded graph, and an access question on a TDB2 store (opening the store, TDB2's query
 * engine, the rules), here a throw-away store loaded from the embedded ontology and data. A class the
 * archive lacks is read, parsed and verified from the jar in every process that needs it.
 *
 * <p>usage: {@code java -XX:ArchiveClassesAtExit=FILE -cp custody-kg-cli-0.1.0-app.jar org.custodykg.cli.ArchiveTraining};
 * it exits with the first failing command's exit code, or 0.
 */
final class ArchiveTraining {
    private ArchiveTraining() {}

    public static void main(String[] args) throws IOException {
        Path temp = Files.createTempDirectory("custody-archive-training");
        int exit;
        try (PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
                PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)) {
            exit = train(temp, out, err);
        } finally {
            Files.deleteIfExists(temp);
        }
        System.exit(exit);
    }

    /**
     * Runs the training commands in this process, in the empty folder {@code temp}, which is left empty.
     *
     * @return 0 when every command answered, else the first failing command's exit code
     */
    static int train(Path temp, PrintWriter out, PrintWriter err) {
        try {
            for (List<String> command : commands(copyEmbeddedGraph(temp), temp.resolve("store"))) {
                String[] arguments = command.toArray(String[]::new);
                int exit = Main.commandLine(arguments).setOut(out).setErr(err).execute(arguments);
                if (exit != Main.OK) {
                    return exit;
                }
            }
            return Main.OK;
        } finally {
            FileOps.clearAll(temp.toFile());
        }
    }

    /** The commands, in order: a named question, a load into a store, and an access question on it. */
    private static List<List<String>> commands(List<Path> files, Path store) {
        List<String> load = new ArrayList<>(List.of("load", "--store", store.toString(), "--infer"));
        files.forEach(file -> load.add(file.toString()));
        return List.of(List.of("ask", "key-custody", "--service", "iCloud"), load,
                List.of("access", "--store", store.toString(), "--authority", "Hong Kong", "--service", "iCloud", "--assumptions"));
    }

    /** The embedded ontology and data as files (the loader reads files, not the jar's entries). */
    private static List<Path> copyEmbeddedGraph(Path temp) {
        Layout embedded = Layout.embedded();
        List<Path> copies = new ArrayList<>();
        for (Path folder : List.of(embedded.ontology(), embedded.data())) {
            for (Path file : Loader.rdfFiles(folder)) {
                Path copy = temp.resolve(copies.size() + "-" + file.getFileName());
                try {
                    Files.copy(file, copy);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                copies.add(copy);
            }
        }
        return copies;
    }
}

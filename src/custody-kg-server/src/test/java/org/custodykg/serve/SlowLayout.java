package org.custodykg.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The repository's ontology, data and rules copied to a fresh folder under target/, with one more access
 * rule that is slow on purpose: it pairs every statement with every other twice over, so an access
 * question over this layout outlasts any timeout a test sets.
 */
final class SlowLayout {
    static final String RULE = """
            # Slow on purpose, for the timeout tests: a product of every statement with every other, twice.
            PREFIX ckg: <https://w3id.org/custody-kg/ontology#>
            CONSTRUCT { ?authority ckg:slowTestConclusion ?service }
            WHERE {
              ?authority a ckg:GovernmentBody .
              ?a ?p ?b . ?c ?q ?d . ?e ?r ?f .
              FILTER (CONCAT(STR(?a), STR(?c), STR(?e)) = "never")
            }
            """;

    private SlowLayout() {}

    /** A new folder holding the layout. */
    static Path create() {
        try {
            Path root = Files.createDirectories(Path.of("target")).resolve("slow-layout-" + System.nanoTime());
            for (String part : new String[] {"ontology", "data", "rules"}) {
                copy(Path.of(part), root.resolve(part));
            }
            Files.writeString(root.resolve("rules/3-routes/slow-test.rq"), RULE);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}

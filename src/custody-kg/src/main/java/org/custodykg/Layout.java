package org.custodykg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.tdb2.TDB2;

/**
 * Where a graph's three parts live: the ontology (with its shapes), the data, and the questions.
 * Either the copies packed into the jar ({@link #embedded()}), or a folder on disk ({@link #of(Path)}).
 */
public record Layout(Path ontology, Path data, Path queries) {
    private static final String EMBEDDED_ROOT = "custody-kg";

    /** The ontology, data and questions packed into the jar, readable with no files around. */
    public static Layout embedded() {
        Path root = embeddedRoot();
        return new Layout(root.resolve("ontology"), root.resolve("data"), root.resolve("queries"));
    }

    /**
     * A folder on disk. A folder laid out like the repository (with {@code ontology/} and {@code data/})
     * is used whole; any other folder is taken as data, with the embedded ontology and questions.
     *
     * @throws ArgumentException if the folder does not exist or cannot be read
     */
    public static Layout of(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ArgumentException("data", "expected a readable folder of Turtle files, but " + dir + " is not a folder");
        }
        if (!Files.isReadable(dir)) {
            throw new ArgumentException("data", "the folder " + dir + " cannot be read");
        }
        if (Files.isDirectory(dir.resolve("ontology")) && Files.isDirectory(dir.resolve("data"))) {
            Path queries = dir.resolve("queries");
            return new Layout(dir.resolve("ontology"), dir.resolve("data"),
                    Files.isDirectory(queries) ? queries : embedded().queries());
        }
        Layout embedded = embedded();
        return new Layout(embedded.ontology(), dir, embedded.queries());
    }

    /**
     * The union of a dataset's named graphs, as every reader must see it: an in-memory graph's default
     * graph is that union already ({@code load.UnionDefaultDataset}); a TDB2 store's default graph is
     * empty and its union is asked for by name.
     */
    public static Model union(Dataset dataset) {
        return dataset.getContext().isTrue(TDB2.symUnionDefaultGraph) ? dataset.getUnionModel() : dataset.getDefaultModel();
    }

    private static Path embeddedRoot() {
        URL url = Layout.class.getClassLoader().getResource(EMBEDDED_ROOT + "/ontology/custody.ttl");
        if (url == null) {
            throw new IllegalStateException("The embedded graph is missing from the classpath (" + EMBEDDED_ROOT + "/)");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // opened by an earlier call: Path.of(uri) below finds it
                }
            }
            return Path.of(uri).getParent().getParent();
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("Cannot open the embedded graph at " + url, e));
        }
    }
}

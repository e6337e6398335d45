package org.custodykg.load;

import org.custodykg.Layout;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Symbol;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;

/**
 * Reads a {@link Layout} into an in-memory dataset: the ontology into its named graph, each top-level
 * data file into the sources graph, each data sub-folder into the named graph of the source document
 * it is named after. Everything is parsed before anything is kept, so a file that fails to parse leaves
 * nothing half-loaded.
 *
 * <p>The default graph is the union of the named graphs: a read-only view over them (each quad is held
 * once, one in-memory graph per named graph), marked {@link #UNION_DEFAULT_GRAPH} in the dataset's context;
 * a TDB2 store uses its native union-default-graph setting instead.
 */
public final class Loader {
    /** The shapes file inside the ontology folder: used to validate, not loaded as data. */
    public static final String SHAPES_FILE = "shapes.ttl";

    /**
     * Set in the context of a loaded dataset: its default graph is a read-only view of the union of its
     * named graphs, so conclusions and other additions go to a named graph.
     */
    public static final Symbol UNION_DEFAULT_GRAPH = Symbol.create(CustodyKg.BASE + "unionDefaultGraph");

    private Loader() {}

    /**
     * Parses every RDF file of the layout.
     *
     * @throws DataException naming the file, line and column of the first syntax error, or the data folder
     *     when it holds no RDF file
     */
    public static Dataset load(Layout layout) {
        DatasetGraph loaded = new UnionDefaultDataset();
        for (Path file : rdfFiles(layout.ontology())) {
            if (!file.getFileName().toString().equals(SHAPES_FILE)) {
                parseInto(file, loaded, CustodyKg.ONTOLOGY_GRAPH);
            }
        }
        List<Path> dataFiles = rdfFiles(layout.data());
        if (dataFiles.isEmpty()) {
            throw new DataException(layout.data() + ": no RDF files in the folder (expected .ttl, .nt, .trig, .nq, .rdf "
                    + "or .jsonld files, optionally .gz)");
        }
        for (Path file : dataFiles) {
            parseInto(file, loaded, graphFor(layout.data(), file));
        }
        // only now, when every file has parsed, does the dataset leave this method
        loaded.prefixes().putAll(CustodyKg.prefixes().getNsPrefixMap());
        Dataset dataset = DatasetFactory.wrap(loaded);
        dataset.getContext().set(UNION_DEFAULT_GRAPH, true);
        return dataset;
    }

    /** Parses the layout's shapes (an empty graph when the ontology folder has none). */
    public static Graph shapes(Layout layout) {
        Graph shapes = GraphFactory.createDefaultGraph();
        Path file = layout.ontology().resolve(SHAPES_FILE);
        if (Files.exists(file)) {
            parse(file, StreamRDFLib.graph(shapes));
        }
        return shapes;
    }

    /**
     * Parses one file into a graph.
     *
     * @throws DataException naming the file, line and column of a syntax error, or a file that cannot be read
     */
    public static Graph parseFile(Path file) {
        Graph graph = GraphFactory.createDefaultGraph();
        parse(file, StreamRDFLib.graph(graph));
        return graph;
    }

    /** Lists the RDF files below a folder (Turtle, N-Triples, TriG, N-Quads, RDF/XML, JSON-LD), sorted. */
    public static List<Path> rdfFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir + ": expected a folder of RDF files, but it does not exist");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> langOf(p) != null)
                    .sorted(Comparator.comparing(p -> dir.relativize(p).toString()))
                    .toList();
        } catch (IOException e) {
            throw new DataException(dir + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
    }

    private static Lang langOf(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - ".gz".length());
        }
        if (name.endsWith(".jsonld") && !name.equals("context.jsonld")) {
            return Lang.JSONLD;
        }
        Lang lang = RDFLanguages.filenameToLang(name);
        return lang == null || lang == Lang.JSONLD || RDFLanguages.sameLang(lang, Lang.RDFTHRIFT) ? null : lang;
    }

    private static String graphFor(Path dataRoot, Path file) {
        Path relative = dataRoot.relativize(file);
        return relative.getNameCount() == 1 ? CustodyKg.SOURCES_GRAPH : CustodyKg.sourceGraph(relative.getName(0).toString());
    }

    private static void parseInto(Path file, DatasetGraph loaded, String graphName) {
        parseInto(file, StreamRDFLib.dataset(loaded), graphName);
    }

    /**
     * Streams one file's quads to a destination: the triples of a triple format, and the default-graph
     * triples of a quad format, go to the named graph {@code graphName}; named-graph quads keep their graph.
     *
     * @throws DataException naming the file, line and column of the first syntax error
     */
    public static void parseInto(Path file, StreamRDF quads, String graphName) {
        parse(file, new GraphRedirect(quads, NodeFactory.createURI(graphName)));
    }

    /**
     * Streams one file to a destination, as it is parsed. A name ending {@code .gz} is decompressed,
     * and its syntax is read from the extension before {@code .gz}.
     *
     * @throws DataException naming the file, line and column of the first syntax error, or a file
     *     that cannot be read or whose syntax is unknown
     */
    public static void parse(Path file, StreamRDF destination) {
        Lang lang = langOf(file);
        if (lang == null) {
            throw new DataException(file + ": unknown RDF syntax; expected a name ending .ttl, .nt, .trig or .nq (optionally .gz)");
        }
        if (Files.isDirectory(file)) {
            throw new DataException(file + ": is a folder; expected an RDF file");
        }
        try (CheckedInput in = open(file, lang)) {
            FailingErrorHandler errors = new FailingErrorHandler(file, lang);
            if (IriCachingProfile.reads(lang)) {
                IriCachingProfile.read(in, lang, file.toUri().toString(), errors, destination, Files.size(file));
            } else {
                RDFParser.source(in).lang(lang).base(file.toUri().toString()).errorHandler(errors).parse(destination);
            }
            in.rethrowFailure();
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new DataException(file + ": the file cannot be read (permission denied)");
        } catch (IOException e) {
            throw new DataException(file + ": cannot read the file (" + e.getMessage() + ")", e);
        } catch (RiotException e) {
            if (e.getCause() instanceof DataException located) {
                throw located;
            }
            throw new DataException(file + ": " + e.getMessage(), e);
        }
    }

    private static CheckedInput open(Path file, Lang lang) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            InputStream raw = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
            return new CheckedInput(raw, file, !RDFLanguages.sameLang(lang, Lang.RDFXML));
        } catch (EOFException empty) {
            in.close();
            throw new DataException(file + ": not a gzip file (it is empty)");
        } catch (IOException notGzip) {
            in.close();
            throw new DataException(file + ": not a gzip file (" + notGzip.getMessage() + ")");
        }
    }

    /**
     * Fails on the first warning or error, with the file, line and column in the message: for a problem
     * inside a Turtle or TriG multi-line string, the line and column where the string starts.
     */
    private record FailingErrorHandler(Path file, Lang lang) implements ErrorHandler {
        @Override
        public void warning(String message, long line, long col) {
            fail(message, line, col);
        }

        @Override
        public void error(String message, long line, long col) {
            fail(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            fail(message, line, col);
        }

        private void fail(String message, long line, long col) {
            if (line < 0) {
                throw new RiotException(message, new DataException(file + ": " + message));
            }
            LongStrings.Position at = new LongStrings.Position(line, col);
            Optional<LongStrings.Position> string = stringEnclosing(at);
            String located = string.map(start -> file + ":" + start + ": " + message + " (at " + at
                    + ", inside the multi-line string that starts here)").orElse(file + ":" + at + ": " + message);
            throw new RiotException(message, new DataException(located));
        }

        /** The start of the multi-line string the parser stopped in, reading the file again from its start. */
        private Optional<LongStrings.Position> stringEnclosing(LongStrings.Position at) {
            if (!RDFLanguages.sameLang(lang, Lang.TURTLE) && !RDFLanguages.sameLang(lang, Lang.TRIG)) {
                return Optional.empty();
            }
            try (Reader text = new InputStreamReader(open(file, lang), StandardCharsets.UTF_8)) {
                return LongStrings.enclosing(text, at);
            } catch (IOException | DataException unreadable) {
                // the parser's own position is still right for the reader
                return Optional.empty();
            }
        }
    }

    /** Sends every triple of a file into one named graph. */
    private static final class GraphRedirect extends StreamRDFWrapper {
        private final Node graph;

        GraphRedirect(StreamRDF quads, Node graph) {
            super(quads);
            this.graph = graph;
        }

        @Override
        public void triple(Triple triple) {
            quad(Quad.create(graph, triple));
        }

        @Override
        public void quad(Quad quad) {
            super.quad(quad.isDefaultGraph() ? Quad.create(graph, quad.asTriple()) : quad);
        }
    }
}

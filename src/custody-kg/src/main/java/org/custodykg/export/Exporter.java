package org.custodykg.export;

import org.custodykg.ExportPart;
import org.custodykg.ExportFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.custodykg.ExportResult;
import org.custodykg.CustodyKg;

/**
 * Writes the graph as a dump in one of the standard formats.
 *
 * <p>N-Quads and TriG keep the named graphs (ontology, sources, one per source document, inferred); the
 * triple formats merge them. The dataset's default graph is only a copy of the union of the named
 * graphs, so it is never written: a quad dump has the named graphs, a triple dump their union once.
 *
 * <p>The same data gives the same bytes, also after a reload: statements are sorted as N-Triples/N-Quads
 * lines, blank nodes get labels derived from their surroundings ({@link BlankNodeLabels}), and the
 * other formats are written from a graph built in that sorted order with the project's fixed prefixes.
 *
 * <p>Reached through the facade ({@code CustodyGraph.export}), which decides what the dataset holds.
 */
public final class Exporter {
    private final Dataset dataset;
    private PrintStream progress;

    /** An exporter over a dataset whose named graphs are the parts to write. */
    public Exporter(Dataset dataset) {
        this.dataset = dataset;
    }

    /** Prints a progress line to {@code out} at most once a second while reading the store; returns this. */
    public Exporter progressTo(PrintStream out) {
        this.progress = out;
        return this;
    }

    /** The project's JSON-LD context ({@code ontology/context.jsonld}), as published by the server. */
    public static String context() {
        return JsonLdCompactor.contextText();
    }

    /** Writes the part of the graph in the format to the stream (not closed). */
    public ExportResult write(ExportFormat format, ExportPart part, OutputStream out) {
        SortedDump dump = Txn.calculateRead(dataset, () -> collect(format, part));
        writeSorted(dump, format, out);
        return new ExportResult(dump.lines.size(), dump.graphCount);
    }

    /**
     * Writes one graph (for instance the description of a resource) in a triple format, sorted and
     * compacted exactly like a dump.
     *
     * @throws IllegalArgumentException for a format that keeps named graphs
     */
    public static void writeGraph(Graph graph, ExportFormat format, OutputStream out) {
        if (format.keepsNamedGraphs()) {
            throw new IllegalArgumentException(format + " is a quad format; a single graph needs a triple format");
        }
        List<Triple> blankTriples = new ArrayList<>();
        graph.find().forEachRemaining(t -> {
            if (t.getSubject().isBlank() || t.getObject().isBlank()) {
                blankTriples.add(t);
            }
        });
        Map<Node, Node> labels = BlankNodeLabels.of(blankTriples.stream().map(t -> Quad.create(Quad.defaultGraphIRI, t)).toList());
        List<String> lines = new ArrayList<>();
        graph.find().forEachRemaining(t -> lines.add(line(labels, t.getSubject(), t.getPredicate(), t.getObject(), "")));
        lines.sort(null);
        writeSorted(new SortedDump(lines, 1, Lang.NTRIPLES), format, out);
    }

    private static void writeSorted(SortedDump dump, ExportFormat format, OutputStream out) {
        try {
            switch (format) {
                case NT, NQ -> writeLines(dump.lines, out);
                case JSONLD -> JsonLdCompactor.write(dump.lines, out);
                case TTL -> RDFWriter.source(dump.graphs().getDefaultGraph()).format(RDFFormat.TURTLE_PRETTY).output(out);
                case RDFXML -> RDFWriter.source(dump.graphs().getDefaultGraph()).format(RDFFormat.RDFXML_PLAIN).output(out);
                case TRIG -> RDFWriter.source(dump.graphs()).format(RDFFormat.TRIG_PRETTY).output(out);
                default -> throw new IllegalStateException("unhandled format " + format);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(Map<Node, Node> labels, Node s, Node p, Node o, String graphTerm) {
        return NodeFmtLib.strNT(labels.getOrDefault(s, s)) + ' ' + NodeFmtLib.strNT(p) + ' '
                + NodeFmtLib.strNT(labels.getOrDefault(o, o)) + graphTerm + " .";
    }

    /**
     * Writes the dump to a file: first to a temporary file beside it, then moved into place, so a
     * failure leaves no half-written file.
     */
    public ExportResult writeFile(ExportFormat format, ExportPart part, Path file) throws IOException {
        return WholeFile.write(file, out -> write(format, part, out));
    }

    private SortedDump collect(ExportFormat format, ExportPart part) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        List<Node> graphs = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(g -> {
            if (part.includes(g)) {
                graphs.add(g);
            }
        });
        graphs.sort(Comparator.comparing(Node::getURI));
        List<Quad> blankQuads = new ArrayList<>();
        for (Node g : graphs) {
            dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (q.getSubject().isBlank() || q.getObject().isBlank()) {
                    blankQuads.add(q);
                }
            });
        }
        Map<Node, Node> labels = BlankNodeLabels.of(blankQuads);
        boolean keepGraphs = format.keepsNamedGraphs();
        Progress meter = new Progress(progress, keepGraphs ? "quads" : "triples");
        List<String> lines = new ArrayList<>();
        for (Node g : graphs) {
            String graphTerm = keepGraphs ? " " + NodeFmtLib.strNT(g) : "";
            dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                lines.add(line(labels, q.getSubject(), q.getPredicate(), q.getObject(), graphTerm));
                meter.tick();
            });
        }
        lines.sort(null);
        dropAdjacentDuplicates(lines);
        return new SortedDump(lines, graphs.size(), keepGraphs ? Lang.NQUADS : Lang.NTRIPLES);
    }

    private static void dropAdjacentDuplicates(List<String> sorted) {
        int kept = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (kept == 0 || !sorted.get(i).equals(sorted.get(kept - 1))) {
                sorted.set(kept++, sorted.get(i));
            }
        }
        sorted.subList(kept, sorted.size()).clear();
    }

    private static void writeLines(List<String> lines, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        for (String line : lines) {
            writer.write(line);
            writer.write('\n');
        }
        writer.flush();
    }

    /** The sorted statement lines of a dump, and how to rebuild them as a dataset for the pretty writers. */
    private record SortedDump(List<String> lines, int graphCount, Lang lang) {
        DatasetGraph graphs() {
            DatasetGraph dsg = DatasetGraphFactory.create();
            // Labels as given: a fresh random label per blank node would change the writers' output order.
            RDFParser.fromString(String.join("\n", lines), lang)
                    .labelToNode(LabelToNode.createUseLabelAsGiven())
                    .parse(dsg);
            dsg.prefixes().putAll(CustodyKg.prefixes().getNsPrefixMap());
            dsg.getDefaultGraph().getPrefixMapping().setNsPrefixes(CustodyKg.prefixes());
            return dsg;
        }
    }
}

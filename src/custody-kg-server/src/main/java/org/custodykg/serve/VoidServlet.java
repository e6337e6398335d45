package org.custodykg.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.ExportFormat;
import org.custodykg.query.AnswerCache;

/**
 * The dataset's VoID description at {@code /.well-known/void} (also a DCAT dataset with one
 * distribution per dump): triple counts in all and per named graph (as {@code void:subset}s), the dumps,
 * the SPARQL endpoint, the licence the ontology declares, and the source documents. A browser gets it as
 * a page ({@link VoidPage}, also at {@code /.well-known/void.html}); {@code .ttl}, {@code .jsonld} and the
 * other suffixes ask for one format. Computed once per data version and written once per format, with an
 * {@code ETag} (a client sending it back in {@code If-None-Match} gets a bodyless 304) and a
 * {@code Last-Modified} of when it was computed.
 */
final class VoidServlet extends HttpServlet {
    static final String PATH = "/.well-known/void";
    /** The description as a page for people (also what a browser asking {@link #PATH} for HTML gets). */
    static final String HTML_PATH = PATH + ".html";
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    private final transient CustodyGraph graph;
    private final String publicBase;
    private final transient LongSupplier version;
    /** The description of the data's current version, with the bodies written from it so far. */
    private transient volatile Described current;
    private final AtomicInteger computations = new AtomicInteger();

    /** One data version's description, each representation written once, and when it was computed. */
    private record Described(long version, Graph graph, Instant at, Map<Representation, AnswerBodies.Body> bodies,
            Map<String, String> pages) {
        /** The page, for the context path it is served under. */
        String page(String contextPath, java.util.function.Function<String, String> render) {
            return pages.computeIfAbsent(contextPath, render);
        }

        AnswerBodies.Body body(Representation r) {
            return bodies.computeIfAbsent(r, sent -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                CustodyGraph.writeGraph(graph, sent.format().orElseThrow(), out);
                return AnswerBodies.Body.of(out.toByteArray());
            });
        }
    }

    VoidServlet(CustodyGraph graph, String publicBase) {
        this.graph = graph;
        this.publicBase = publicBase;
        this.version = AnswerCache.versionOf(graph.dataset());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Described described = described();
        ResourceResponses.Target target = ResourceResponses.Target.of(req.getServletPath());
        Optional<Representation> r = ResourceResponses.choose(req, resp, target, req.getContextPath() + PATH);
        if (r.isPresent()) {
            if (r.get() == Representation.HTML) {
                ResourceResponses.send(resp, r.get(), described.graph(), () -> described.page(req.getContextPath(),
                        contextPath -> page(described.graph(), contextPath)));
                return;
            }
            Representation sent = r.get();
            AnswerBodies.Body body = described.body(sent);
            resp.setHeader("ETag", body.etag());
            resp.setHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(described.at().atZone(ZoneOffset.UTC)));
            resp.setHeader("Cache-Control", "no-cache");
            if (AnswerBodies.matches(Collections.list(req.getHeaders("If-None-Match")), body.etag())) {
                resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            Responses.bytes(resp, HttpServletResponse.SC_OK, sent.contentType(), body.bytes());
        }
    }

    private String page(Graph description, String contextPath) {
        Node self = uri(publicBase + PATH.substring(1) + "#custody-kg");
        return Txn.calculateRead(graph.dataset(),
                () -> VoidPage.render(description, self, graph.model().getGraph(), new LocalLinks(publicBase, contextPath)));
    }

    /** How many times the description was computed: once per data version. */
    int computations() {
        return computations.get();
    }

    /**
     * The description of the data as it is now, computed once per data version (a TDB2 store's moves
     * with each committed write; an in-memory graph keeps one): counting every triple takes seconds on a
     * million, and the absolute URLs come from the public base, never from the request's Host header.
     */
    private Described described() {
        long now = version.getAsLong();
        Described known = current;
        if (known == null || known.version() != now) {
            synchronized (this) {
                if (current == null || current.version() != now) {
                    String server = publicBase.substring(0, publicBase.length() - 1);
                    Graph description = Txn.calculateRead(graph.dataset(), () -> describe(graph.dataset(), server));
                    computations.incrementAndGet();
                    current = new Described(now, description, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                            new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
                }
                known = current;
            }
        }
        return known;
    }

    private Graph describe(Dataset dataset, String server) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        Graph union = graph.model().getGraph();
        Graph g = GraphFactory.createDefaultGraph();
        Node self = uri(publicBase + PATH.substring(1) + "#custody-kg");
        g.add(self, RDF.type.asNode(), uri(VOID + "Dataset"));
        g.add(self, RDF.type.asNode(), uri(DCAT + "Dataset"));
        g.add(self, DCTerms.title.asNode(), NodeFactory.createLiteralLang("custody-kg", "en"));
        g.add(self, DCTerms.description.asNode(), NodeFactory.createLiteralLang(
                "Who can get at people's data, and through which door.", "en"));
        union.find(uri(CustodyKg.ONTOLOGY_IRI), DCTerms.license.asNode(), Node.ANY)
                .forEachRemaining(t -> g.add(self, DCTerms.license.asNode(), t.getObject()));
        g.add(self, uri(VOID + "triples"), count(Iter.count(union.find())));
        g.add(self, uri(VOID + "sparqlEndpoint"), uri(server + "/sparql"));
        g.add(self, uri(VOID + "uriSpace"), NodeFactory.createLiteralString(publicBase + "id/"));
        g.add(self, uri(VOID + "vocabulary"), uri(publicBase + "ontology#"));
        for (ExportFormat format : ExportFormat.values()) {
            Node dump = uri(server + DumpServlet.path(format));
            g.add(self, uri(VOID + "dataDump"), dump);
            g.add(self, uri(DCAT + "distribution"), dump);
            g.add(dump, RDF.type.asNode(), uri(DCAT + "Distribution"));
            g.add(dump, uri(DCAT + "downloadURL"), dump);
            g.add(dump, uri(DCAT + "mediaType"), NodeFactory.createLiteralString(format.mediaType()));
        }
        union.find(Node.ANY, RDF.type.asNode(), uri(CustodyKg.ONTOLOGY_NS + "SourceDocument"))
                .forEachRemaining(t -> g.add(self, DCTerms.source.asNode(), t.getSubject()));
        List<Node> names = new ArrayList<>(Iter.toList(dsg.listGraphNodes()));
        names.sort(Comparator.comparing(Node::getURI));
        for (Node name : names) {
            Node subset = uri(publicBase + PATH.substring(1) + "#" + name.getURI().substring(CustodyKg.GRAPH_BASE.length()).replace('/', '-'));
            g.add(self, uri(VOID + "subset"), subset);
            g.add(subset, RDF.type.asNode(), uri(VOID + "Dataset"));
            g.add(subset, uri(SD + "name"), name);
            g.add(subset, uri(VOID + "triples"), count(dsg.getGraph(name).size()));
        }
        return g;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node count(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}

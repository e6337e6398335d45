package org.custodykg.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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

/**
 * The dataset's VoID description at {@code /.well-known/void} (also a DCAT dataset with one
 * distribution per dump): triple counts in all and per named graph (as {@code void:subset}s), the dumps,
 * the SPARQL endpoint, the licence the ontology declares, and the source documents. A browser gets it as
 * a page ({@link VoidPage}, also at {@code /.well-known/void.html}); {@code .ttl}, {@code .jsonld} and the
 * other suffixes ask for one format.
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
    /** Counted once: the served data does not change while the server runs (a TDB2 store is locked to it). */
    private transient volatile Graph description;
    /** Written once, from the description, for the same reason. */
    private transient volatile String page;

    VoidServlet(CustodyGraph graph, String publicBase) {
        this.graph = graph;
        this.publicBase = publicBase;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Graph description = description();
        ResourceResponses.Target target = ResourceResponses.Target.of(req.getServletPath());
        Optional<Representation> r = ResourceResponses.choose(req, resp, target, req.getContextPath() + PATH);
        if (r.isPresent()) {
            ResourceResponses.send(resp, r.get(), description, () -> page(description, req.getContextPath()));
        }
    }

    private String page(Graph description, String contextPath) {
        String known = page;
        if (known == null) {
            Node self = uri(publicBase + PATH.substring(1) + "#custody-kg");
            known = Txn.calculateRead(graph.dataset(),
                    () -> VoidPage.render(description, self, graph.model().getGraph(), new LocalLinks(publicBase, contextPath)));
            page = known;
        }
        return known;
    }

    /**
     * The description, computed on first use: counting every triple takes seconds on a million, and the
     * absolute URLs come from the public base, never from the request's Host header.
     */
    private Graph description() {
        Graph known = description;
        if (known == null) {
            synchronized (this) {
                if (description == null) {
                    String server = publicBase.substring(0, publicBase.length() - 1);
                    description = Txn.calculateRead(graph.dataset(), () -> describe(graph.dataset(), server));
                }
                known = description;
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

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
 * the SPARQL endpoint, the licence the ontology declares, and the source documents.
 */
final class VoidServlet extends HttpServlet {
    static final String PATH = "/.well-known/void";
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    private final transient CustodyGraph graph;
    private final String publicBase;

    VoidServlet(CustodyGraph graph, String publicBase) {
        this.graph = graph;
        this.publicBase = publicBase;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String server = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort() + req.getContextPath();
        Graph description = Txn.calculateRead(graph.dataset(), () -> describe(graph.dataset(), server));
        ResourceResponses.Target target = ResourceResponses.Target.of(req.getServletPath());
        Optional<Representation> r = ResourceResponses.choose(req, resp, target, req.getContextPath() + PATH);
        if (r.isPresent()) {
            // VoID is for machines: a browser asking for HTML gets the Turtle.
            Representation sent = r.get() == Representation.HTML ? Representation.TURTLE : r.get();
            ResourceResponses.send(resp, sent, description, () -> "");
        }
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

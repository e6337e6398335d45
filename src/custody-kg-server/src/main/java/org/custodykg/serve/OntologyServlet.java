package org.custodykg.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.custodykg.CustodyKg;
import org.custodykg.CustodyGraph;

/**
 * Answers the ontology's IRI ({@code /ontology}, so also every {@code ontology#Term}) with the whole
 * ontology graph by content negotiation, HTML with one anchored section per term; and
 * {@code /ontology/context.jsonld} with the JSON-LD context the dumps are compacted with.
 */
final class OntologyServlet extends HttpServlet {
    static final String CONTEXT_PATH = "/ontology/context.jsonld";

    private final transient Dataset dataset;
    private final String publicBase;

    OntologyServlet(Dataset dataset, String publicBase) {
        this.dataset = dataset;
        this.publicBase = publicBase;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getServletPath().equals(CONTEXT_PATH)) {
            resp.setContentType("application/ld+json;charset=utf-8");
            try (OutputStream out = resp.getOutputStream()) {
                out.write(CustodyGraph.jsonLdContext().getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        ResourceResponses.Target target = ResourceResponses.Target.of(req.getServletPath());
        String selfPath = req.getContextPath() + "/ontology";
        Graph ontology = Txn.calculateRead(dataset, () -> {
            Graph copy = GraphFactory.createDefaultGraph();
            dataset.asDatasetGraph().getGraph(org.apache.jena.graph.NodeFactory.createURI(CustodyKg.ONTOLOGY_GRAPH))
                    .find().forEachRemaining(copy::add);
            return copy;
        });
        Optional<Representation> r = ResourceResponses.choose(req, resp, target, selfPath);
        if (r.isPresent()) {
            LocalLinks links = new LocalLinks(publicBase, req.getContextPath());
            ResourceResponses.send(resp, r.get(), ontology, () -> OntologyPage.render(ontology, publicBase + "ontology#",
                    publicBase + "ontology", links));
        }
    }
}

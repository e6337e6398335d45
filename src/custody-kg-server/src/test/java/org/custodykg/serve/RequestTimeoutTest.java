package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.system.Txn;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server's timeout bounds its own pages, not only {@code /sparql}: an entity page of a hub with
 * 200,000 incoming links cannot be read within 1 ms, so it is stopped with 503 and the server's error
 * body, as HTML for a browser and JSON otherwise, and so is a servlet added to the server, doing nothing
 * about timeouts itself.
 */
class RequestTimeoutTest {
    private static final int LINKS = 200_000;
    private static final String HUB = CustodyKg.ID_BASE + "generated/hub";
    @RegisterExtension
    static final ServedGraph SERVED = ServedGraph.of(hub(), settings -> settings.timeout(Duration.ofMillis(1)));
    static final Http http = SERVED.http();

    private static CustodyGraph hub() {
        Dataset dataset = DatasetFactory.createTxnMem();
        Txn.executeWrite(dataset, () -> {
            Node hub = NodeFactory.createURI(HUB);
            Node links = NodeFactory.createURI("urn:generated:links");
            dataset.asDatasetGraph().getDefaultGraph().add(hub, links, hub);
            for (int i = 0; i < LINKS; i++) {
                dataset.asDatasetGraph().getDefaultGraph().add(NodeFactory.createURI(CustodyKg.ID_BASE + "generated/s" + i), links, hub);
            }
        });
        CustodyGraph graph = CustodyGraph.over(dataset);
        // the entailments are derived before serving, as custody serve does
        graph.dataset();
        return graph;
    }

    @Test
    void aHubsPageIsStoppedWithAnHtmlErrorForABrowser() {
        HttpResponse<String> page = http.get("id/generated/hub", "text/html");
        assertEquals(503, page.statusCode());
        assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>503 timeout</title>"
                + "<link rel=\"stylesheet\" href=\"/web/style.css\"></head><body><main><h1>503 timeout</h1>"
                + "<p class=\"error\">the question took longer than the server allows</p><p><a href=\"/\">custody-kg</a></p>"
                + "</main></body></html>\n", page.body());
    }

    @Test
    void aHubsRdfIsStoppedWithTheJsonError() {
        HttpResponse<String> rdf = http.get("id/generated/hub", "text/turtle");
        assertEquals(503, rdf.statusCode());
        assertEquals("the question took longer than the server allows", Http.error(rdf, "timeout"));
        assertEquals("nosniff", rdf.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(java.util.Optional.empty(), rdf.headers().firstValue("Content-Location"));
        assertEquals(java.util.Optional.empty(), rdf.headers().firstValue("Link"));
    }

    /** A servlet of one's own, reading the graph the way an entity page does, with no timeout handling of its own. */
    static final class Listing extends jakarta.servlet.http.HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient CustodyGraph graph;

        Listing(CustodyGraph graph) {
            this.graph = graph;
        }

        @Override
        protected void doGet(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
                throws java.io.IOException {
            long links = Txn.calculateRead(graph.dataset(), () -> (long) org.custodykg.query.Deadline.guard(graph.model().getGraph())
                    .find(null, null, NodeFactory.createURI(HUB)).toList().size());
            Responses.text(response, 200, Long.toString(links));
        }
    }

    @Test
    void aServletOfOnesOwnIsBoundedWithoutDoingAnything() {
        CustodyServer server = CustodyServer.builder(SERVED.graph()).port(0).timeout(Duration.ofMillis(1))
                .addServlet("/listing", new Listing(SERVED.graph())).build().start();
        try {
            HttpResponse<String> listing = new Http(server).get("listing", "application/json");
            assertEquals(503, listing.statusCode());
            assertEquals("the question took longer than the server allows", Http.error(listing, "timeout"));
        } finally {
            server.stop();
        }
    }
}

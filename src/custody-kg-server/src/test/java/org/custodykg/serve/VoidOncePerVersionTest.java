package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.custodykg.store.Store;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /.well-known/void} counts every triple, so it is computed once per data version, not per
 * request: repeated requests get the same tag (and 304 when they send it back), a committed write to the
 * served store computes it once more.
 */
class VoidOncePerVersionTest {
    private static final String VOID_TRIPLES = "<https://w3id.org/custody-kg/.well-known/void#custody-kg> "
            + "<http://rdfs.org/ns/void#triples> \"";

    @Test
    void computedOnceAndRevalidatedUntilTheStoreChanges(@TempDir Path dir) {
        Dataset store = Store.connect(dir);
        Txn.executeWrite(store, () -> store.asDatasetGraph().add(NodeFactory.createURI(CustodyKg.GRAPH_BASE + "test"),
                NodeFactory.createURI("urn:a"), NodeFactory.createURI("urn:b"), NodeFactory.createURI("urn:c")));
        try (CustodyGraph graph = CustodyGraph.over(store, CustodyGraph.Options.trusted().withoutInferred())) {
            VoidServlet description = (VoidServlet) LinkedData.over(graph).servlets().get(VoidServlet.PATH);
            CustodyServer server = CustodyServer.builder(graph).port(0).addServlet("/void-under-test", description)
                    .build().start();
            try {
                Http http = new Http(server);
                HttpResponse<String> first = http.get("void-under-test", "application/n-triples");
                HttpResponse<String> second = http.get("void-under-test", "application/n-triples");
                assertEquals(200, second.statusCode());
                assertEquals(1, description.computations());
                String tag = first.headers().firstValue("ETag").orElseThrow();
                assertEquals(tag, second.headers().firstValue("ETag").orElseThrow());
                assertEquals(first.headers().firstValue("Last-Modified"), second.headers().firstValue("Last-Modified"));
                assertEquals(first.body(), second.body());
                assertEquals(1, first.body().lines().filter(line -> line.startsWith(VOID_TRIPLES + "1\"")).count(), first.body());

                HttpResponse<String> unchanged = http.send(HttpRequest.newBuilder(URI.create(server.url() + "void-under-test"))
                        .header("Accept", "application/n-triples").header("If-None-Match", tag));
                assertEquals(304, unchanged.statusCode());
                assertEquals("", unchanged.body());
                assertEquals(1, description.computations());

                Txn.executeWrite(store, () -> store.asDatasetGraph().add(NodeFactory.createURI(CustodyKg.GRAPH_BASE + "test"),
                        NodeFactory.createURI("urn:a"), NodeFactory.createURI("urn:b"), NodeFactory.createURI("urn:d")));
                HttpResponse<String> changed = http.send(HttpRequest.newBuilder(URI.create(server.url() + "void-under-test"))
                        .header("Accept", "application/n-triples").header("If-None-Match", tag));
                assertEquals(200, changed.statusCode());
                assertEquals(2, description.computations());
                assertNotEquals(tag, changed.headers().firstValue("ETag").orElseThrow());
                assertEquals(1, changed.body().lines().filter(line -> line.startsWith(VOID_TRIPLES + "2\"")).count());
            } finally {
                server.stop();
            }
        }
    }
}

package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.jena.system.Txn;
import org.custodykg.CustodyGraph;
import org.custodykg.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over a TDB2 store on disk (what {@code custody serve --store DIR} opens) answers the same. */
class StoreServeTest {
    private static final String COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

    @Test
    void servesATdb2StoreWithTheSameAnswers(@TempDir Path dir) {
        long quads;
        try (CustodyGraph source = CustodyGraph.open(Layout.embedded(), CustodyGraph.Options.trusted().withoutInferred())) {
            quads = Txn.calculateRead(source.dataset(), () -> source.dataset().asDatasetGraph().stream().count());
        }
        try (CustodyGraph graph = ServedGraph.tdb2Copy(dir)) {
            CustodyServer server = CustodyServer.builder(graph).port(0).build().start();
            try {
                Http http = new Http(server);
                assertEquals(SparqlProtocolTest.KEY_CUSTODY_CSV, http.get("ask/key-custody?service=iCloud&format=csv", null).body());
                assertEquals(SparqlProtocolTest.KEY_CUSTODY_CSV,
                        http.query(SparqlProtocolTest.keyCustodySparql(graph), "text/csv").body());
                long namedGraphQuads = Txn.calculateRead(graph.dataset(),
                        () -> graph.dataset().asDatasetGraph().stream().filter(q -> !q.isDefaultGraph()).count());
                assertEquals("n\r\n" + namedGraphQuads + "\r\n", http.query(COUNT_QUADS, "text/csv").body());
                // building the server materialised the 631 entailments once, into the inferred graph only (the
                // store's default graph is the union); answering adds nothing, and answers as the embedded graph does
                assertEquals(quads + 631, Txn.calculateRead(graph.dataset(), () -> graph.dataset().asDatasetGraph().stream().count()));
                String served = http.get("access?authority=Hong+Kong&service=Messages&assumptions=true", null).body();
                assertEquals(quads + 631, Txn.calculateRead(graph.dataset(), () -> graph.dataset().asDatasetGraph().stream().count()));
                try (CustodyGraph memory = CustodyGraph.openDefault()) {
                    assertEquals(org.custodykg.present.RouteJson.of(memory.access("Hong Kong", "Messages", java.util.Optional.empty(), true))
                            .toString(), org.apache.jena.atlas.json.JSON.parse(served).toString());
                }
                // the pages read the store's union, as SPARQL does (its default graph is empty)
                HttpResponse<String> page = http.get("id/service/icloud", "text/html");
                assertEquals(200, page.statusCode());
                assertEquals(true, page.body().contains("<h1 id=\"label\">iCloud</h1>"), page.body());
                assertEquals(200, http.get("id/service/icloud.ttl", null).statusCode());
            } finally {
                server.stop();
            }
        }
    }
}

package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /search} honours the server's timeout: ranking 10,000 matching entities reads each one's label,
 * which cannot be done within 1 ms, so the search is stopped with 503 and the server's error body (on a
 * 1 M store under load an unbounded search had run 56 s, BENCHMARKS.md 6a).
 */
class SearchTimeoutTest {
    private static final int ENTITIES = 20_000;
    @RegisterExtension
    static final ServedGraph SERVED = ServedGraph.of(labelled(), settings -> settings.timeout(Duration.ofMillis(1)));

    private static CustodyGraph labelled() {
        Dataset dataset = DatasetFactory.createTxnMem();
        Node graph = NodeFactory.createURI(CustodyKg.GRAPH_BASE + "generated");
        Txn.executeWrite(dataset, () -> {
            for (int i = 0; i < ENTITIES; i++) {
                dataset.asDatasetGraph().add(graph, NodeFactory.createURI(CustodyKg.ID_BASE + "generated/s" + i),
                        RDFS.label.asNode(), NodeFactory.createLiteralLang("Generated service " + i, "en"));
            }
        });
        return CustodyGraph.over(dataset);
    }

    @Test
    void aSearchMatchingTenThousandEntitiesIsStoppedWithTheJsonError() {
        HttpResponse<String> search = SERVED.http().get("search?q=generated&limit=20", "application/json");
        assertEquals(503, search.statusCode());
        assertEquals("the question took longer than the server allows", Http.error(search, "timeout"));
    }
}

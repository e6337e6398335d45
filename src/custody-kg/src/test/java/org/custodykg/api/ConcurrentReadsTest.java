package org.custodykg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.jena.graph.NodeFactory;
import org.custodykg.CustodyGraph;
import org.custodykg.query.EntityResolver;
import org.junit.jupiter.api.Test;

/** Eight threads asking fifty mixed questions each of one graph all get the exact answers. */
class ConcurrentReadsTest {
    private static final int THREADS = 8;
    private static final int ASKS = 50;

    @Test
    void eightThreadsOfFiftyMixedAsks() throws Exception {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            List<Supplier<Object>> asks = List.of(
                    () -> graph.keyCustody("iCloud").get(0).keyHolder().orElseThrow().label(),
                    () -> graph.storage("icloud").size(),
                    () -> graph.stances("Apple").get(0).stanceType().orElseThrow(),
                    () -> graph.ask("operators", Map.of("service", "Office 365")).table().size(),
                    () -> graph.sparql("ASK { ?s a <https://w3id.org/custody-kg/ontology#KeyCustody> }").bool(),
                    () -> graph.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").table().rows().get(0).integer("n"),
                    () -> graph.resolve("Apple iCloud", EntityResolver.ANY_CLASS).getURI(),
                    () -> graph.ask("describe", Map.of("entity", "iCloud")).graph().size(),
                    () -> graph.label(NodeFactory.createURI("https://w3id.org/custody-kg/id/organisation/apple")));
            List<Object> expected = List.of("Apple", 2, "assessment", 2, true,
                    graph.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").table().rows().get(0).integer("n"),
                    "https://w3id.org/custody-kg/id/service/icloud", 61L, "Apple");
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<List<Object>>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int offset = t;
                    results.add(pool.submit(() -> {
                        List<Object> answers = new ArrayList<>();
                        for (int i = 0; i < ASKS; i++) {
                            answers.add(asks.get((i + offset) % asks.size()).get());
                        }
                        return answers;
                    }));
                }
                for (int t = 0; t < THREADS; t++) {
                    List<Object> answers = results.get(t).get(60, TimeUnit.SECONDS);
                    assertEquals(ASKS, answers.size());
                    for (int i = 0; i < ASKS; i++) {
                        assertEquals(expected.get((i + t) % asks.size()), answers.get(i), "thread " + t + ", ask " + i);
                    }
                }
            } finally {
                pool.shutdownNow();
                assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            }
        }
    }
}

package org.custodykg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;

/** One time limit over several queries and graph reads on one thread. */
class DeadlineTest {
    private static final Node P = NodeFactory.createURI("urn:p");

    private static Graph chain(int length) {
        Graph graph = GraphFactory.createDefaultGraph();
        for (int i = 0; i < length; i++) {
            graph.add(NodeFactory.createURI("urn:s" + i), P, NodeFactory.createURI("urn:s" + (i + 1)));
        }
        return graph;
    }

    @Test
    void aGuardedGraphReadsFreelyOutsideAndInTime() {
        Graph guarded = Deadline.guard(chain(10));
        assertEquals(10, guarded.find().toList().size());
        assertEquals(10, Deadline.within(Duration.ofMinutes(1), () -> guarded.find().toList().size()));
    }

    @Test
    void aGuardedGraphStopsReadingOnceTheTimeIsUp() {
        Graph guarded = Deadline.guard(chain(10));
        ExtendedIterator<Triple> reading = guarded.find();
        assertThrows(QueryCancelledException.class, () -> Deadline.within(Duration.ofNanos(1), () -> {
            spin();
            return reading.toList();
        }));
        assertThrows(QueryCancelledException.class, () -> Deadline.within(Duration.ofNanos(1), () -> {
            spin();
            return guarded.find(null, P, null);
        }));
    }

    @Test
    void aQueryStartedWithinIsGivenWhatRemainsAndStops() {
        Dataset dataset = DatasetFactory.createTxnMem();
        Txn.executeWrite(dataset, () -> chain(2_000).find().forEachRemaining(dataset.asDatasetGraph().getDefaultGraph()::add));
        String product = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }";
        assertThrows(QueryCancelledException.class, () -> Deadline.within(Duration.ofMillis(200),
                () -> QueryRunner.run(dataset, QueryRunner.parse("query", product), Map.of())));
        String small = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b }";
        assertEquals(2_000, QueryRunner.run(dataset, QueryRunner.parse("query", small), Map.of()).table().rows().get(0).integer("n"));
    }

    @Test
    void theNearerLimitHoldsInsideAnotherAndTheOuterOneAfterIt() {
        assertThrows(QueryCancelledException.class, () -> Deadline.within(Duration.ofMinutes(1),
                () -> Deadline.within(Duration.ofNanos(1), () -> {
                    spin();
                    Deadline.check();
                    return null;
                })));
        assertEquals("done", Deadline.within(Duration.ofMinutes(1), () -> {
            try {
                Deadline.within(Duration.ofNanos(1), () -> {
                    spin();
                    Deadline.check();
                    return null;
                });
            } catch (QueryCancelledException inner) {
                Deadline.check();
            }
            return "done";
        }));
        Deadline.check();
    }

    @Test
    void cancellingTheScopeStopsTheQueriesRunningInItAtOnce() {
        Dataset dataset = DatasetFactory.createTxnMem();
        Txn.executeWrite(dataset, () -> chain(2_000).find().forEachRemaining(dataset.asDatasetGraph().getDefaultGraph()::add));
        String product = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }";
        Deadline.Scope scope = new Deadline.Scope();
        java.util.concurrent.CompletableFuture.runAsync(scope::cancelAll,
                java.util.concurrent.CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS));
        assertThrows(QueryCancelledException.class, () -> Deadline.within(Duration.ofDays(1), scope,
                () -> QueryRunner.run(dataset, QueryRunner.parse("query", product), Map.of())));
        // work started in a scope already cancelled stops at its first query
        assertThrows(QueryCancelledException.class, () -> Deadline.within(Duration.ofDays(1), scope,
                () -> QueryRunner.run(dataset, QueryRunner.parse("query", "ASK {}"), Map.of())));
        int[] ran = {0};
        try (Deadline.Scope.Registration late = scope.register(() -> ran[0]++)) {
            assertEquals(1, ran[0]);
        }
    }

    /** Lets a nanosecond pass. */
    private static void spin() {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 1_000) {
            Thread.onSpinWait();
        }
    }
}

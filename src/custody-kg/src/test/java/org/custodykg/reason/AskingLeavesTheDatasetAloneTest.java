package org.custodykg.reason;

import org.custodykg.AccessRoute;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.custodykg.CustodyGraph;
import org.custodykg.Layout;
import org.junit.jupiter.api.Test;

/** Asking about a date derives its conclusions for that call only: the dataset neither grows nor is written. */
class AskingLeavesTheDatasetAloneTest {
    private static final LocalDate FIRST = LocalDate.of(2020, 5, 1);

    static long quads(Dataset dataset) {
        return Txn.calculateRead(dataset, () -> org.apache.jena.atlas.iterator.Iter.count(dataset.asDatasetGraph().find()));
    }

    @Test
    void fiftyDatesAfterTheOneOffMaterialisationLeaveTheQuadCountUnchanged() {
        try (CustodyGraph graph = CustodyGraph.open(Layout.embedded(), CustodyGraph.Options.trusted().withoutInferred())) {
            long loaded = quads(graph.dataset());
            assertEquals(2552, loaded);
            assertEquals(MATERIALISED, graph.materialiseInferred());
            long materialised = quads(graph.dataset());
            // once each, in the inferred graph (the default graph is a view of the union, not a copy)
            assertEquals(2552 + MATERIALISED, materialised);
            for (int day = 0; day < 50; day++) {
                graph.access("Hong Kong", "Office 365", Optional.of(FIRST.plusDays(day)), true);
            }
            assertEquals(materialised, quads(graph.dataset()));
            assertEquals(0, graph.materialiseInferred());
        }
    }

    @Test
    void eightThreadsAskingDifferentDatesGetExactAnswers() throws Exception {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    LocalDate date = FIRST.plusDays(20L * i);
                    answers.add(pool.submit(() -> date + " " + summary(graph.access("Hong Kong government", "Office 365", Optional.of(date), true).routes())));
                }
                List<String> got = new ArrayList<>();
                for (Future<String> answer : answers) {
                    got.add(answer.get(120, TimeUnit.SECONDS));
                }
                assertEquals(List.of(
                        "2020-05-01 ckg:RouteOpen [] []",
                        "2020-05-21 ckg:RouteOpen [] []",
                        "2020-06-10 ckg:RouteOpen [] []",
                        "2020-06-30 ckg:RouteOpen [] [fact:stance-microsoft-pause-hong-kong]",
                        "2020-07-20 ckg:RouteBlocked [fact:stance-microsoft-pause-hong-kong] []",
                        "2020-08-09 ckg:RouteBlocked [fact:stance-microsoft-pause-hong-kong] []",
                        "2020-08-29 ckg:RouteBlocked [fact:stance-microsoft-pause-hong-kong] []",
                        "2020-09-18 ckg:RouteBlocked [fact:stance-microsoft-pause-hong-kong] []"), got);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static String summary(List<AccessRoute> routes) {
        assertEquals(1, routes.size(), routes.toString());
        AccessRoute r = routes.get(0);
        return r.status().shortForm() + " " + r.obstacles().stream().map(e -> e.fact().shortForm()).toList()
                + " " + r.possibleObstacles().stream().map(e -> e.fact().shortForm()).toList();
    }

    /** The conclusions of the rules that read no question on the report's graph (1-entailment, 2-places). */
    private static final long MATERIALISED = 631;
}

package org.custodykg.query;

import org.custodykg.Answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.AddDeniedException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.cache.BoundedCache;
import org.custodykg.store.Store;
import org.custodykg.store.StoreLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade's answer cache: the same answer while the data stays, a fresh one after a load. */
class AnswerCacheTest {
    private static final String PREFIXES = """
            @prefix ckg: <https://w3id.org/custody-kg/ontology#> .
            @prefix fact: <https://w3id.org/custody-kg/id/fact/> .
            @prefix service: <https://w3id.org/custody-kg/id/service/> .
            @prefix organisation: <https://w3id.org/custody-kg/id/organisation/> .
            """;

    @TempDir
    Path temp;

    @Test
    void aLoadIntoTheStoreDropsTheCachedAnswers() throws Exception {
        Path dir = temp.resolve("store");
        Map<String, Node> icloud = Map.of("service", NodeFactory.createURI(CustodyKg.ID_BASE + "service/gen-s"));
        try (CustodyGraph graph = CustodyGraph.over(Store.connect(dir))) {
            StoreLoader loader = new StoreLoader(graph.dataset(), GraphFactory.createDefaultGraph(), line -> { });
            loader.load(List.of(write("one.ttl", "fact:gen-1 a ckg:KeyCustody ; ckg:service service:gen-s ; ckg:keyHolder organisation:gen-a .")), null);
            Answer first = graph.askBound("key-custody", icloud);
            assertEquals(1, first.table().size());
            assertSame(first, graph.askBound("key-custody", icloud));

            loader.load(List.of(write("two.ttl", "fact:gen-2 a ckg:KeyCustody ; ckg:service service:gen-s ; ckg:keyHolder organisation:gen-b .")), null);
            assertEquals(2, graph.askBound("key-custody", icloud).table().size());
        }
    }

    @Test
    void graphAnswersAreHandedOutReadOnly() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            Map<String, String> icloud = Map.of("entity", "iCloud");
            long size = graph.ask("describe", icloud).graph().size();
            var cached = graph.ask("describe", icloud).graph();
            assertEquals(size, cached.size());
            assertThrows(AddDeniedException.class, () -> cached.add(cached.createResource("urn:x"),
                    cached.createProperty("urn:p"), "o"));
        }
    }

    @Test
    void theCacheStaysWithinItsLimitInBytesDroppingTheLeastRecentlyUsed() {
        long yesNo = AnswerCache.weigh(Answer.of(true));
        assertEquals(96, yesNo);
        AnswerCache cache = AnswerCache.versioned(() -> 0L, 3 * yesNo);
        int[] computed = {0};
        for (int i = 0; i < 5; i++) {
            cache.get("q" + i, Map.of(), () -> {
                computed[0]++;
                return Answer.of(true);
            });
        }
        assertEquals(new BoundedCache.Usage(3, 3 * yesNo, 3 * yesNo), cache.usage());
        cache.get("q0", Map.of(), () -> {
            computed[0]++;
            return Answer.of(true);
        });
        assertEquals(6, computed[0], "q0 was dropped, so it is computed again");
        assertEquals(new BoundedCache.Usage(3, 3 * yesNo, 3 * yesNo), cache.usage());

        cache.limitBytes(yesNo);
        assertEquals(new BoundedCache.Usage(1, yesNo, yesNo), cache.usage());
        cache.limitBytes(0);
        assertEquals(new BoundedCache.Usage(0, 0, 0), cache.usage());
    }

    @Test
    void anAnswerIsWeighedByItsTermsAndOneHeavierThanTheLimitIsNotKept() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            Answer table = graph.ask("key-custody", Map.of("service", "iCloud"));
            long weight = AnswerCache.weigh(table);
            graph.limitAnswers(weight - 1);
            graph.clearAnswers();
            graph.ask("key-custody", Map.of("service", "iCloud"));
            assertEquals(new BoundedCache.Usage(0, 0, weight - 1), graph.answerCache());
            graph.limitAnswers(weight);
            graph.ask("key-custody", Map.of("service", "iCloud"));
            assertEquals(new BoundedCache.Usage(1, weight, weight), graph.answerCache());
        }
    }

    private Path write(String name, String turtle) throws Exception {
        return Files.writeString(temp.resolve(name), PREFIXES + turtle);
    }
}

package org.custodykg.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.Layout;
import org.custodykg.TestData;
import org.custodykg.query.EntityResolver;
import org.custodykg.reason.AccessPaths;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The caches that grow with the questions asked, on the embedded graph and on a TDB2 store: each is
 * bounded in bytes, drops the least recently used past its limit, and {@link CustodyGraph#caches()} says
 * how full it is.
 */
class CachesOnBothStoresTest {
    private static final Optional<LocalDate> JULY_2020 = Optional.of(LocalDate.of(2020, 7, 7));

    @TempDir
    Path temp;

    private CustodyGraph open(String store) {
        if (store.equals("memory")) {
            return CustodyGraph.openDefault();
        }
        try (CustodyGraph source = CustodyGraph.open(Layout.embedded(), CustodyGraph.Options.trusted().withoutInferred())) {
            TestData.copyNamedGraphs(source.dataset(), temp.resolve("store"));
        }
        return CustodyGraph.openStore(temp.resolve("store"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "TDB2"})
    void theCachesStartEmptyWithTheirDefaultLimits(String store) {
        try (CustodyGraph graph = open(store)) {
            assertEquals(Map.of("answerCache", new BoundedCache.Usage(0, 0, 64L << 20),
                    "accessCache", new BoundedCache.Usage(0, 0, AccessPaths.DEFAULT_LIMIT_BYTES),
                    "labelCache", new BoundedCache.Usage(0, 0, EntityResolver.LABELS_LIMIT_BYTES)), graph.caches());
            assertEquals(List.of("answerCache", "accessCache", "labelCache"), List.copyOf(graph.caches().keySet()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "TDB2"})
    void accessAnswersPastTheLimitDropTheLeastRecentlyAsked(String store) {
        try (CustodyGraph graph = open(store)) {
            graph.access("Hong Kong", "iCloud", JULY_2020, false);
            BoundedCache.Usage one = graph.caches().get("accessCache");
            assertEquals(2, one.entries(), "kept under the words asked and under the entities they name");

            graph.clearAnswers();
            graph.limitAccessAnswers(one.bytes());
            graph.access("China", "iCloud", JULY_2020, false);
            graph.access("Hong Kong", "iCloud", JULY_2020, false);
            assertEquals(new BoundedCache.Usage(2, one.bytes(), one.bytes()), graph.caches().get("accessCache"),
                    "the China answer went to make room");

            graph.limitAccessAnswers(0);
            graph.access("Hong Kong", "iCloud", JULY_2020, false);
            assertEquals(new BoundedCache.Usage(0, 0, 0), graph.caches().get("accessCache"));
            assertEquals("access cache: expected a limit of 0 bytes or more, got -1",
                    assertThrows(IllegalArgumentException.class, () -> graph.limitAccessAnswers(-1)).getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "TDB2"})
    void eachLabelLookedUpIsWeighedByItsIriAndText(String store) {
        try (CustodyGraph graph = open(store)) {
            long expected = 0;
            for (String local : List.of("service/icloud", "organisation/apple", "place/hong-kong")) {
                Node entity = NodeFactory.createURI(CustodyKg.ID_BASE + local);
                String label = graph.label(entity);
                expected += BoundedCache.ENTRY_BYTES + Footprint.TERM + entity.getURI().length() + 40 + label.length();
            }
            graph.label(NodeFactory.createURI(CustodyKg.ID_BASE + "service/icloud"));
            assertEquals(new BoundedCache.Usage(3, expected, EntityResolver.LABELS_LIMIT_BYTES), graph.caches().get("labelCache"));
        }
    }
}

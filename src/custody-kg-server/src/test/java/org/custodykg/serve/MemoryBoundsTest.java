package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.custodykg.CustodyGraph;
import org.custodykg.cache.BoundedCache;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Everything the server keeps between requests is bounded in bytes and shown in {@code /health}, the same
 * from memory and from a TDB2 store: the answers, the access answers, the labels, the written bodies, and
 * Jetty's buffers.
 */
class MemoryBoundsTest {
    private static final long ANSWERS = 1L << 20;
    private static final long ACCESS = 3L << 20;
    @RegisterExtension
    static final ServedGraph MEMORY = ServedGraph.of(CustodyGraph.openDefault(),
            settings -> settings.answerCacheBytes(ANSWERS).accessCacheBytes(ACCESS));
    @RegisterExtension
    static final ServedGraph TDB2 = ServedGraph.onStore(settings -> settings.answerCacheBytes(ANSWERS).accessCacheBytes(ACCESS));

    private static ServedGraph served(String store) {
        return store.equals("memory") ? MEMORY : TDB2;
    }

    private static Map<String, BoundedCache.Usage> health(ServedGraph served) {
        HttpResponse<String> response = served.http().get("health", null);
        assertEquals(200, response.statusCode());
        JsonObject body = JSON.parse(response.body());
        Map<String, BoundedCache.Usage> shown = new java.util.LinkedHashMap<>();
        for (String name : List.of("answerCache", "accessCache", "labelCache", "bodyCache", "requestBuffers")) {
            JsonObject usage = body.getObj(name);
            shown.put(name, new BoundedCache.Usage(usage.get("entries").getAsNumber().value().intValue(),
                    usage.get("bytes").getAsNumber().value().longValue(), usage.get("limitBytes").getAsNumber().value().longValue()));
        }
        return shown;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "TDB2"})
    void healthShowsWhatEachCacheHoldsAsTheGraphCountsIt(String store) {
        ServedGraph served = served(store);
        HttpResponse<String> keys = served.http().get("ask/key-custody?service=Zoom", "text/csv");
        assertEquals(200, keys.statusCode());
        assertEquals(200, served.http().get("access?authority=China&service=Zoom&asOf=2020-07-07", "application/json").statusCode());
        Map<String, BoundedCache.Usage> shown = health(served);
        Map<String, BoundedCache.Usage> counted = served.graph().caches();
        assertEquals(counted.get("answerCache"), shown.get("answerCache"));
        assertEquals(counted.get("accessCache"), shown.get("accessCache"));
        assertEquals(counted.get("labelCache"), shown.get("labelCache"));
        assertEquals(ACCESS, shown.get("accessCache").limitBytes());
        assertEquals(ANSWERS, shown.get("answerCache").limitBytes());

        // the body just written is kept (with its tag, key and entry), under the answers' limit
        int length = keys.body().getBytes(StandardCharsets.UTF_8).length;
        long weight = BoundedCache.ENTRY_BYTES + AnswerBodies.KEY_BYTES + (16 + 2 * 8) + (16 + length) + (40 + 29);
        assertEquals(new BoundedCache.Usage(1, weight, ANSWERS), shown.get("bodyCache"));

        BoundedCache.Usage buffers = shown.get("requestBuffers");
        assertEquals(2 * (Runtime.getRuntime().maxMemory() / 8), buffers.limitBytes());
        assertTrue(buffers.bytes() <= buffers.limitBytes(), buffers.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "TDB2"})
    void accessAnswersPastTheLimitDropTheOldestAndHealthSaysSo(String store) {
        ServedGraph served = served(store);
        String hongKong = "access?authority=Hong+Kong&service=iCloud&asOf=2020-07-07";
        try {
            served.graph().clearAnswers();
            assertEquals(200, served.http().get(hongKong, "application/json").statusCode());
            BoundedCache.Usage one = health(served).get("accessCache");
            assertEquals(2, one.entries(), "one answer, under the words asked and the entities they name");

            served.graph().clearAnswers();
            served.graph().limitAccessAnswers(one.bytes());
            assertEquals(200, served.http().get("access?authority=China&service=iCloud&asOf=2020-07-07", "application/json")
                    .statusCode());
            assertEquals(200, served.http().get(hongKong, "application/json").statusCode());
            assertEquals(new BoundedCache.Usage(2, one.bytes(), one.bytes()), health(served).get("accessCache"),
                    "the China answer went to make room");
        } finally {
            served.graph().limitAccessAnswers(ACCESS);
        }
    }
}

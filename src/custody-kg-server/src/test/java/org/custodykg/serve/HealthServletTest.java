package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.custodykg.CustodyGraph;
import org.custodykg.cache.BoundedCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /health} reports the answer cache's size and limit, and the limit holds under many questions. */
class HealthServletTest {
    private static final long LIMIT = 3_000;
    @RegisterExtension
    static final ServedGraph SERVED = ServedGraph.of(CustodyGraph.openDefault(), settings -> settings.answerCacheBytes(LIMIT));
    static final Http http = SERVED.http();

    private static JsonObject health() {
        HttpResponse<String> response = http.get("health", null);
        assertEquals(200, response.statusCode());
        assertEquals("application/json;charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        JsonObject body = JSON.parse(response.body());
        assertEquals(Set.of("status", "answerCache", "accessCache", "labelCache", "bodyCache", "requestBuffers"), body.keys());
        assertEquals("ok", body.getString("status"));
        assertEquals(Set.of("entries", "bytes", "limitBytes"), body.getObj("answerCache").keys());
        return body.getObj("answerCache");
    }

    private static long number(JsonObject object, String key) {
        return object.get(key).getAsNumber().value().longValue();
    }

    @Test
    void theCacheIsFilledPastItsLimitAndStaysWithinIt() {
        List<String> asked = List.of("key-custody?service=iCloud", "key-custody?service=Zoom", "storage?service=iCloud",
                "storage?service=Zoom", "stances", "key-custody", "storage");
        for (String question : asked) {
            assertEquals(200, http.get("ask/" + question, "text/csv").statusCode(), question);
        }
        JsonObject cache = health();
        assertEquals(LIMIT, number(cache, "limitBytes"));
        long bytes = number(cache, "bytes");
        long entries = number(cache, "entries");
        assertTrue(bytes <= LIMIT, bytes + " bytes kept over a limit of " + LIMIT);
        assertTrue(entries < asked.size(), entries + " answers kept of " + asked.size() + ": none was dropped");
        assertEquals(new BoundedCache.Usage((int) entries, bytes, LIMIT), SERVED.graph().answerCache());
    }
}

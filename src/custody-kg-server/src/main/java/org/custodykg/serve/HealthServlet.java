package org.custodykg.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.json.JsonObject;
import org.custodykg.CustodyGraph;
import org.custodykg.query.AnswerCache;

/**
 * Readiness for load balancers and scripts: 200 once the server answers requests, with what the server
 * holds in memory beyond the data, as JSON:
 * {@code {"status": "ok", "answerCache": {"entries": …, "bytes": …, "limitBytes": …}}}.
 */
final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient CustodyGraph graph;

    HealthServlet(CustodyGraph graph) {
        this.graph = graph;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AnswerCache.Usage answers = graph.answerCache();
        JsonObject cache = new JsonObject();
        cache.put("entries", answers.entries());
        cache.put("bytes", answers.bytes());
        cache.put("limitBytes", answers.limitBytes());
        JsonObject health = new JsonObject();
        health.put("status", "ok");
        health.put("answerCache", cache);
        response.setHeader("Cache-Control", "no-store");
        Responses.bytes(response, 200, "application/json;charset=utf-8", health.toString().getBytes(StandardCharsets.UTF_8));
    }
}

package org.custodykg.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.json.JsonObject;
import org.custodykg.CustodyGraph;
import org.custodykg.cache.BoundedCache;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;

/**
 * Readiness for load balancers and scripts: 200 once the server answers requests, with what the server
 * keeps in memory beyond the data, each as {@code {"entries": …, "bytes": …, "limitBytes": …}}:
 * {@code answerCache}, {@code accessCache} and {@code labelCache} ({@link CustodyGraph#caches()}),
 * {@code bodyCache}, the answers' written bodies ({@link AnswerBodies}), and {@code requestBuffers}, the
 * buffers Jetty keeps for reading requests and writing answers (its default pool, bounded by Jetty at an
 * eighth of the maximum heap for heap buffers and as much again for direct ones).
 */
final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient CustodyGraph graph;
    private final transient AnswerBodies bodies;

    HealthServlet(CustodyGraph graph, AnswerBodies bodies) {
        this.graph = graph;
        this.bodies = bodies;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject health = new JsonObject();
        health.put("status", "ok");
        graph.caches().forEach((name, usage) -> health.put(name, json(usage)));
        health.put("bodyCache", json(bodies.usage()));
        ByteBufferPool pool = ServletContextHandler.getServletContextHandler(getServletContext()).getServer().getByteBufferPool();
        if (pool instanceof ArrayByteBufferPool buffers) {
            health.put("requestBuffers", json(requestBuffers(buffers)));
        }
        response.setHeader("Cache-Control", "no-store");
        Responses.bytes(response, 200, "application/json;charset=utf-8", health.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Jetty's kept buffers: their number, their bytes, and the bound its default pool sets on them. */
    static BoundedCache.Usage requestBuffers(ArrayByteBufferPool buffers) {
        long count = buffers.getHeapByteBufferCount() + buffers.getDirectByteBufferCount();
        long bytes = buffers.getHeapMemory() + buffers.getDirectMemory();
        return new BoundedCache.Usage((int) count, bytes, 2 * (Runtime.getRuntime().maxMemory() / 8));
    }

    private static JsonObject json(BoundedCache.Usage usage) {
        JsonObject object = new JsonObject();
        object.put("entries", usage.entries());
        object.put("bytes", usage.bytes());
        object.put("limitBytes", usage.limitBytes());
        return object;
    }
}

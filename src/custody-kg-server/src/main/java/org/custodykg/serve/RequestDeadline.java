package org.custodykg.serve;

import java.time.Duration;
import java.util.function.Supplier;
import org.custodykg.CustodyGraph;
import org.custodykg.query.Deadline;

/**
 * The server's timeout for a whole request of a servlet of its own, not only for {@code /sparql}: the
 * work runs within a {@link Deadline} of the query timeout set in the served graph's context, so an
 * access question or an entity page stops as a SPARQL query does. A servlet wraps the work that reads the
 * graph and sends what it throws to {@link ErrorResponses#send} (a timeout is 503 with its message):
 *
 * <pre>{@code
 * try {
 *     Result result = RequestDeadline.call(graph, () -> compute(request));
 *     ... write the result ...
 * } catch (RuntimeException e) {
 *     ErrorResponses.send(request, response, e);
 * }
 * }</pre>
 */
final class RequestDeadline {
    private RequestDeadline() {}

    /** Runs the work within the served graph's query timeout (unbounded when it has none). */
    static <T> T call(CustodyGraph graph, Supplier<T> work) {
        long millis = Deadline.timeoutMillis(graph.dataset().getContext());
        return millis < 0 ? work.get() : Deadline.within(Duration.ofMillis(millis), work);
    }
}

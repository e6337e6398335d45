package org.custodykg.serve;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.custodykg.CustodyGraph;
import org.custodykg.query.Deadline;

/**
 * The server's timeout for a whole request of a servlet of its own, not only for {@code /sparql}: the
 * work runs within a {@link Deadline} of the query timeout set in the served graph's context, so an
 * access question or an entity page stops as a SPARQL query does (and is cancelled when the server
 * stops). A servlet wraps the work that reads the graph and sends what it throws to
 * {@link ErrorResponses#send} (a timeout is 503 with its message):
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
    /** The server's running work ({@link Deadline.Scope}), kept in the served graph's context: a stop cancels it. */
    static final Symbol SCOPE = Symbol.create("https://w3id.org/custody-kg/serve#running");

    private RequestDeadline() {}

    /** Runs the work within the served graph's query timeout, cancelled too if the server stops meanwhile. */
    static <T> T call(CustodyGraph graph, Supplier<T> work) {
        Context context = graph.dataset().getContext();
        long millis = Deadline.timeoutMillis(context);
        Duration limit = millis < 0 ? Duration.ofDays(1) : Duration.ofMillis(millis);
        Object running = context.get(SCOPE);
        return running instanceof Deadline.Scope scope ? Deadline.within(limit, scope, work) : Deadline.within(limit, work);
    }
}

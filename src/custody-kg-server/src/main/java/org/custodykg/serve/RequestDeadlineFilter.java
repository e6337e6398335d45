package org.custodykg.serve;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.apache.jena.query.QueryCancelledException;
import org.custodykg.query.Deadline;

/**
 * The server's timeout for every request, not only for {@code /sparql}: each runs within one
 * {@link Deadline} of the timeout, cancelled early if the server stops. An access question (dozens of
 * rule queries), an entity page (graph reads), a named question: every query started while answering
 * gets what remains, and a graph read through {@link Deadline#guard} fails once it passes, so the
 * request ends on its own thread and nothing of it is left running. A servlet of its own (a new
 * {@code /search}) is bounded the same way without doing anything: what it throws on a timeout reaches
 * {@link ErrorResponses#send} in its own catch, or is answered here with 503 and the server's error body
 * when the response is not yet committed. A SPARQL query's timeout on {@code /sparql} is answered with the
 * same body by {@link BoundedQueryProcessor}, before Fuseki would answer it in plain text.
 */
final class RequestDeadlineFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private final Duration timeout;
    private final transient Deadline.Scope running;

    /** @param running the server's running work, cancelled when it stops */
    RequestDeadlineFilter(Duration timeout, Deadline.Scope running) {
        this.timeout = timeout;
        this.running = running;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Failure failure;
        try {
            failure = Deadline.within(timeout, running, () -> {
                try {
                    chain.doFilter(request, response);
                    return null;
                } catch (IOException | ServletException e) {
                    return new Failure(e);
                }
            });
        } catch (QueryCancelledException e) {
            if (response.isCommitted()) {
                throw e;
            }
            ErrorResponses.instead(request, response, e);
            return;
        }
        if (failure != null) {
            failure.rethrow();
        }
    }

    /** A checked exception of the chain, carried out of the deadline's work. */
    private record Failure(Exception exception) {
        void rethrow() throws IOException, ServletException {
            if (exception instanceof IOException io) {
                throw io;
            }
            throw (ServletException) exception;
        }
    }
}

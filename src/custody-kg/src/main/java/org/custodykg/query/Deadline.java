package org.custodykg.query;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.Timeouts;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.NiceIterator;

/**
 * One time limit for a whole piece of work on this thread, however many queries and graph reads it is
 * made of: an access question runs dozens of rule queries, an entity page reads the graph directly, and a
 * per-query timeout would let each of them run the full time. Every query started inside the work gets
 * what remains as its timeout ({@link #bound}), and a guarded graph ({@link #guard}) fails its reads once
 * the time is up; either way the work ends with {@link QueryCancelledException} on the thread that runs
 * it, so when the caller answers, nothing is left running.
 *
 * <pre>{@code
 * AccessAnswer answer = Deadline.within(Duration.ofSeconds(2), () -> graph.access("Hong Kong", "iCloud", asOf, false));
 * }</pre>
 */
public final class Deadline {
    /** The end of the current work, in {@link System#nanoTime()}; absent outside {@link #within}. */
    private static final ThreadLocal<Long> END = new ThreadLocal<>();

    private Deadline() {}

    /**
     * Runs the work with a time limit (the nearer one, when already inside another).
     *
     * @throws QueryCancelledException when the limit passes before the work is done
     */
    public static <T> T within(Duration limit, Supplier<T> work) {
        Long outer = END.get();
        long end = System.nanoTime() + limit.toNanos();
        END.set(outer == null ? end : Math.min(outer, end));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                END.remove();
            } else {
                END.set(outer);
            }
        }
    }

    /** @throws QueryCancelledException when the current work's time is up (nothing happens outside {@link #within}) */
    public static void check() {
        Long end = END.get();
        if (end != null && System.nanoTime() - end >= 0) {
            throw new QueryCancelledException();
        }
    }

    /**
     * Gives a query about to start the time the current work has left (the builder unchanged outside
     * {@link #within}).
     *
     * @throws QueryCancelledException when no time is left
     */
    public static QueryExecBuilder bound(QueryExecBuilder builder) {
        Long end = END.get();
        if (end == null) {
            return builder;
        }
        check();
        return builder.timeout(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())), TimeUnit.MILLISECONDS);
    }

    /** The query timeout a context sets, in milliseconds (the whole query's, else the first row's); -1 for none. */
    public static long timeoutMillis(Context context) {
        Timeouts.Timeout limit = Timeouts.extractQueryTimeout(context);
        return limit.hasOverallTimeout() ? limit.overallTimeoutMillis()
                : limit.hasInitialTimeout() ? limit.initialTimeoutMillis() : -1;
    }

    /** The milliseconds left to the current work, capped at {@code limit}; {@code limit} outside {@link #within}. */
    static long remainingMillis(long limit) {
        Long end = END.get();
        if (end == null) {
            return limit;
        }
        check();
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()));
        return limit < 0 ? left : Math.min(limit, left);
    }

    /** The graph, its reads failing with {@link QueryCancelledException} once the current work's time is up. */
    public static Graph guard(Graph graph) {
        return new GraphWrapper(graph) {
            @Override
            public ExtendedIterator<Triple> find(Triple pattern) {
                check();
                return checked(super.find(pattern));
            }

            @Override
            public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
                check();
                return checked(super.find(s, p, o));
            }
        };
    }

    private static ExtendedIterator<Triple> checked(ExtendedIterator<Triple> found) {
        return new NiceIterator<Triple>() {
            @Override
            public boolean hasNext() {
                check();
                return found.hasNext();
            }

            @Override
            public Triple next() {
                return found.next();
            }

            @Override
            public void close() {
                found.close();
            }
        };
    }
}

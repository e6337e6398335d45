package org.custodykg.query;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.ARQConstants;
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
 * the time is up, or when the work is cancelled early through its {@link Scope}; either way the work ends with {@link QueryCancelledException} on the thread that runs
 * it, so when the caller answers, nothing is left running.
 *
 * <pre>{@code
 * AccessAnswer answer = Deadline.within(Duration.ofSeconds(2), () -> graph.access("Hong Kong", "iCloud", asOf, false));
 * }</pre>
 */
public final class Deadline {
    /** The current work's end and its cancel signal; absent outside {@link #within}. */
    private static final ThreadLocal<Work> CURRENT = new ThreadLocal<>();

    /**
     * @param end in {@link System#nanoTime()}
     * @param cancelled shared with every query started within: setting it stops them all at once
     */
    private record Work(long end, AtomicBoolean cancelled) {}

    /**
     * Work that can be stopped before its time is up, all at once (a server stopping): each piece of work
     * run {@link #within(Duration, Scope, Supplier) within} the scope, and each action registered, is
     * cancelled by {@link #cancelAll()}.
     */
    public static final class Scope {
        private final Set<Runnable> running = ConcurrentHashMap.newKeySet();
        private volatile boolean cancelled;

        /**
         * Runs the action when the scope is cancelled while the returned handle is open; at once if it
         * already was.
         */
        public Registration register(Runnable cancel) {
            running.add(cancel);
            if (cancelled) {
                cancel.run();
            }
            return () -> running.remove(cancel);
        }

        /** An action registered with a scope: closing it takes the action off. */
        public interface Registration extends AutoCloseable {
            @Override
            void close();
        }

        /** Cancels every piece of work and action in the scope now, and those started later. */
        public void cancelAll() {
            cancelled = true;
            running.forEach(Runnable::run);
        }
    }

    private Deadline() {}

    /**
     * Runs the work with a time limit (the nearer one, when already inside another).
     *
     * @throws QueryCancelledException when the limit passes before the work is done
     */
    public static <T> T within(Duration limit, Supplier<T> work) {
        Work outer = CURRENT.get();
        long end = System.nanoTime() + limit.toNanos();
        CURRENT.set(outer == null ? new Work(end, new AtomicBoolean())
                : new Work(Math.min(outer.end(), end), outer.cancelled()));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * Runs the work with a time limit, stopped early too when the scope is cancelled.
     *
     * @throws QueryCancelledException when the limit passes, or the scope is cancelled, before the work is done
     */
    public static <T> T within(Duration limit, Scope scope, Supplier<T> work) {
        return within(limit, () -> {
            AtomicBoolean cancelled = CURRENT.get().cancelled();
            try (Scope.Registration registered = scope.register(() -> cancelled.set(true))) {
                return work.get();
            }
        });
    }

    /**
     * @throws QueryCancelledException when the current work's time is up or it was cancelled (nothing
     *     happens outside {@link #within})
     */
    public static void check() {
        Work work = CURRENT.get();
        if (work != null && (work.cancelled().get() || System.nanoTime() - work.end() >= 0)) {
            throw new QueryCancelledException();
        }
    }

    /**
     * Gives a query about to start the time the current work has left, and its cancel signal (the builder
     * unchanged outside {@link #within}).
     *
     * @throws QueryCancelledException when no time is left
     */
    public static QueryExecBuilder bound(QueryExecBuilder builder) {
        Work work = CURRENT.get();
        if (work == null) {
            return builder;
        }
        check();
        return builder.set(ARQConstants.symCancelQuery, work.cancelled())
                .timeout(Math.max(1, TimeUnit.NANOSECONDS.toMillis(work.end() - System.nanoTime())), TimeUnit.MILLISECONDS);
    }

    /** Shares the current work's cancel signal with a query to be run in that context (nothing outside {@link #within}). */
    public static void share(Context context) {
        Work work = CURRENT.get();
        if (work != null) {
            context.set(ARQConstants.symCancelQuery, work.cancelled());
        }
    }

    /** The query timeout a context sets, in milliseconds (the whole query's, else the first row's); -1 for none. */
    public static long timeoutMillis(Context context) {
        Timeouts.Timeout limit = Timeouts.extractQueryTimeout(context);
        return limit.hasOverallTimeout() ? limit.overallTimeoutMillis()
                : limit.hasInitialTimeout() ? limit.initialTimeoutMillis() : -1;
    }

    /**
     * The milliseconds left to the current work, capped at {@code limit} (none when negative); {@code limit}
     * outside {@link #within}.
     *
     * @throws QueryCancelledException when no time is left
     */
    public static long remainingMillis(long limit) {
        Work work = CURRENT.get();
        if (work == null) {
            return limit;
        }
        check();
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(work.end() - System.nanoTime()));
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

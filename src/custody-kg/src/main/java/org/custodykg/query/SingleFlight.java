package org.custodykg.query;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.jena.query.QueryCancelledException;

/**
 * Concurrent requests for the same value not yet kept: the first computes it, the others wait for its
 * result instead of each computing it again. Without this, 64 clients asking one new access question
 * at once run 64 derivations, slow each other past the timeout, and none is kept to answer the next.
 *
 * <p>A waiting request keeps its own time limit ({@link Deadline}): it stops with
 * {@link QueryCancelledException} when its time is up or it is cancelled. When the computing request's own
 * time runs out first, a waiting one that still has time computes the value itself; any other failure is
 * every waiting request's failure.
 *
 * @param <K> what identifies a value
 * @param <V> the values
 */
public final class SingleFlight<K, V> {
    /** How often a waiting request looks at its own time limit, in milliseconds. */
    private static final long CHECK_MILLIS = 20;

    private final ConcurrentHashMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    /** The value for the key: computed on this thread, or the result of the computation already running for it. */
    public V get(K key, Supplier<V> compute) {
        while (true) {
            CompletableFuture<V> mine = new CompletableFuture<>();
            CompletableFuture<V> theirs = running.putIfAbsent(key, mine);
            if (theirs == null) {
                try {
                    V value = compute.get();
                    mine.complete(value);
                    return value;
                } catch (RuntimeException | Error e) {
                    mine.completeExceptionally(e);
                    throw e;
                } finally {
                    running.remove(key, mine);
                }
            }
            try {
                return await(theirs);
            } catch (QueryCancelledException theirTimeRanOut) {
                Deadline.check();
                // their time ran out, not ours: compute it with what we have left
            }
        }
    }

    private static <V> V await(CompletableFuture<V> result) {
        while (true) {
            Deadline.check();
            try {
                return result.get(CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                // look at our own time again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueryCancelledException();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw (Error) e.getCause();
            }
        }
    }
}

package org.custodykg.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * One write transaction run on a thread of its own, fed with quads while the caller is still parsing or deriving
 * them, and written index by index ({@link SortedIndexWrite}), so that
 * writing the store's indexes (most of a load's time) overlaps parsing and validating on the other core. The
 * caller decides at the end whether it commits ({@link #commit}) or is aborted ({@link #abort}); until then
 * nothing written is visible, and an abort leaves the store as it was.
 *
 * <p>The transaction starts with {@code prepare}, which reads what validation needs of the store as it was
 * before this write (inside the same transaction, so no other writer comes between); the caller waits for it
 * with {@link #before}.
 *
 * <p>Into a store being created ({@link #intoNewStore}) the transaction gives the nodes their ids and commits
 * as soon as the data ends; the indexes are then built bottom-up, one after another, unless aborted by then.
 * Such a store is not all-or-nothing: after an abort it is only fit for deleting, which its creator does.
 */
public final class BackgroundWrite {
    private static final int BATCH = 8_192;
    private static final List<Quad> END = List.of();
    /** Marks where the quads to copy end (its own instance: only its identity counts). */
    private static final List<Quad> COPIED = Collections.unmodifiableList(new ArrayList<>(0));
    private final BlockingQueue<List<Quad>> batches = new ArrayBlockingQueue<>(64);
    private final CompletableFuture<Graph> before = new CompletableFuture<>();
    private final CompletableFuture<Boolean> verdict = new CompletableFuture<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final CompletableFuture<Void> copied = new CompletableFuture<>();
    private final StreamRDF copy;
    private List<Quad> batch = new ArrayList<>(BATCH);
    /** Whether the caller has handed the end of the data (only the caller's thread reads and writes it). */
    private boolean ended;
    private final boolean newStore;

    /**
     * Starts the transaction on its own thread.
     *
     * @param prepare run first in the transaction, given the store and a stream for quads to write before the
     *     caller's (not counted by {@code watch}); returns the graph {@link #before} gives
     * @param watch wraps the stream the quads are written through ({@link SortedIndexWrite}), to count them
     * @param finish run in the transaction once the quads are written, unless aborted by then; before it commits
     */
    public BackgroundWrite(Dataset store, BiFunction<DatasetGraph, StreamRDF, Graph> prepare, UnaryOperator<StreamRDF> watch,
            Consumer<DatasetGraph> finish) {
        this(store, false, prepare, watch, finish, StreamRDFLib.sinkNull());
    }

    /**
     * As {@link #BackgroundWrite(Dataset, BiFunction, UnaryOperator, Consumer)}; every quad handed before
     * {@link #copied} is also given to {@code copy}, on the writer's thread: a caller that keeps the parsed
     * quads in memory thus leaves its own thread to parsing (adding them there took a fifth of its time).
     */
    public BackgroundWrite(Dataset store, BiFunction<DatasetGraph, StreamRDF, Graph> prepare, UnaryOperator<StreamRDF> watch,
            Consumer<DatasetGraph> finish, StreamRDF copy) {
        this(store, false, prepare, watch, finish, copy);
    }

    private BackgroundWrite(Dataset store, boolean newStore, BiFunction<DatasetGraph, StreamRDF, Graph> prepare,
            UnaryOperator<StreamRDF> watch, Consumer<DatasetGraph> finish, StreamRDF copy) {
        this.newStore = newStore;
        this.copy = copy;
        Thread writer = new Thread(() -> run(store, prepare, watch, finish), "custody-store-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * A write into a TDB2 store that holds nothing yet, not even in its indexes, and that its caller deletes
     * if the write is aborted; as the constructor with a copy otherwise.
     */
    public static BackgroundWrite intoNewStore(Dataset store, BiFunction<DatasetGraph, StreamRDF, Graph> prepare,
            UnaryOperator<StreamRDF> watch, Consumer<DatasetGraph> finish, StreamRDF copy) {
        return new BackgroundWrite(store, true, prepare, watch, finish, copy);
    }

    private void run(Dataset store, BiFunction<DatasetGraph, StreamRDF, Graph> prepare, UnaryOperator<StreamRDF> watch,
            Consumer<DatasetGraph> finish) {
        try {
            SortedIndexWrite indexed;
            boolean committed;
            store.begin(TxnType.WRITE);
            try {
                DatasetGraph target = store.asDatasetGraph();
                indexed = new SortedIndexWrite(target);
                before.complete(prepare.apply(target, indexed));
                StreamRDF writing = watch.apply(indexed);
                boolean copying = true;
                for (List<Quad> next = batches.take(); next != END; next = batches.take()) {
                    if (next == COPIED) {
                        copying = false;
                        copied.complete(null);
                    } else if (verdict.getNow(true)) {
                        for (Quad quad : next) {
                            if (copying) {
                                copy.quad(quad);
                            }
                            writing.quad(quad);
                        }
                    } // else aborted: drain without writing
                }
                copied.complete(null); // a copied() asked after the end (or an abort) waits for nothing more
                if (verdict.getNow(true)) { // while the caller may still be deciding
                    indexed.giveIds();
                    if (!newStore) {
                        indexed.writeIndexes();
                    }
                    finish.accept(target);
                }
                // a new store's nodes are committed without waiting: its indexes are built after the transaction
                committed = newStore ? verdict.getNow(true) : verdict.join();
                if (committed) {
                    store.commit();
                } else {
                    store.abort();
                }
            } catch (Throwable failure) {
                store.abort();
                throw failure;
            } finally {
                store.end();
            }
            if (newStore && committed) {
                indexed.packIndexes(() -> verdict.getNow(true));
            }
            done.complete(null);
        } catch (Throwable failure) {
            before.completeExceptionally(failure);
            copied.completeExceptionally(failure);
            done.completeExceptionally(failure);
        }
    }

    /** Queues one quad for writing (in batches); blocks while the writer is far behind. */
    public void add(Quad quad) {
        batch.add(quad);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /**
     * Waits until the writer has taken every quad handed so far, and so given each to the copy; the quads
     * handed after this are written only. Rethrows what failed on the writer's thread.
     */
    public void copied() {
        hand(batch);
        batch = new ArrayList<>(BATCH);
        hand(COPIED);
        unwrap(copied);
    }

    /** What {@code prepare} read of the store, once the transaction has started. */
    public Graph before() {
        return unwrap(before);
    }

    /**
     * Says that no more quads come: the writer runs {@code finish} once it has written them, while the
     * caller goes on (validating) before it calls {@link #commit} or {@link #abort}.
     */
    public void endOfData() {
        if (!ended) {
            ended = true;
            hand(batch);
            hand(END);
        }
    }

    /** Writes what is still queued and commits; rethrows what failed on the writer's thread. */
    public void commit() {
        endOfData();
        verdict.complete(true);
        unwrap(done);
    }

    /** Aborts: nothing queued is written, and the store is left as it was. Waits for the writer to finish. */
    public void abort() {
        verdict.complete(false);
        // clearing may remove an end already handed: hand one again (one the writer never reads is harmless)
        batches.clear();
        ended = true;
        hand(END);
        done.exceptionally(failure -> null).join();
    }

    private void hand(List<Quad> quads) {
        try {
            while (!batches.offer(quads, 100, TimeUnit.MILLISECONDS)) {
                if (done.isDone()) {
                    unwrap(done); // the writer failed: rethrow its failure here
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        }
    }

    /** Waits for the future and gives its value, or throws its failure as it was thrown (not wrapped). */
    public static <T> T unwrap(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}

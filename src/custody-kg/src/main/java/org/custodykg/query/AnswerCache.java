package org.custodykg.query;

import org.custodykg.Answer;
import org.custodykg.Row;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.custodykg.cache.BoundedCache;
import org.custodykg.cache.Footprint;

/**
 * Answers to named questions, kept by question and bound values, for data that is read far more often
 * than it changes. An entry is used only while the data has the version it was computed at: a TDB2
 * store's version moves with every committed write, so a load empties the cache; an in-memory graph is
 * taken to stay as loaded (call {@link #clear()} after changing it directly).
 *
 * <p>Tables and yes/no answers are immutable and shared; a graph answer is handed out read-only.
 * The cache is bounded in bytes, not entries (one answer may be one row or ten thousand): each answer is
 * weighed once when kept (an estimate from its terms' lengths, see {@link #weigh}), least recently used
 * entries go first beyond the limit, and an answer heavier than the whole limit is not kept.
 */
public final class AnswerCache {
    /** The default limit: 64 MiB. */
    public static final long DEFAULT_LIMIT_BYTES = 64L << 20;
    private static final int ENTRY_BYTES = 96;
    private static final int ROW_BYTES = 32;

    private record Key(String question, Map<String, Node> bindings) {}

    private final LongSupplier version;
    private final BoundedCache<Key, Answer> answers;
    private final SingleFlight<Key, Answer> computing = new SingleFlight<>();
    private long cachedVersion;

    private AnswerCache(LongSupplier version, long limitBytes) {
        this.version = version;
        this.answers = new BoundedCache<>("answer cache", limitBytes, (key, answer) -> weigh(answer));
    }

    /** A cache over a dataset, following its TDB2 data version when it is a TDB2 store. */
    public static AnswerCache over(Dataset dataset, long limitBytes) {
        return new AnswerCache(versionOf(dataset), limitBytes);
    }

    /**
     * The dataset's version: a TDB2 store's data version, which moves with every committed write; 0 for an
     * in-memory dataset, which is taken to stay as loaded.
     */
    public static LongSupplier versionOf(Dataset dataset) {
        DatasetGraph store = dataset.asDatasetGraph();
        if (TDBInternal.isTDB2(store)) {
            return () -> Txn.calculateRead(dataset,
                    () -> TDBInternal.getDatasetGraphTDB(store).getTxnSystem().getThreadTransaction().getDataVersion());
        }
        return () -> 0L;
    }

    /** A cache whose entries hold while {@code version} gives the value they were computed at. */
    public static AnswerCache versioned(LongSupplier version, long limitBytes) {
        return new AnswerCache(version, limitBytes);
    }

    /** The cached answer to the question with these bindings, computing and keeping it when absent or stale. */
    public Answer get(String question, Map<String, Node> bindings, Supplier<Answer> compute) {
        Key key = new Key(question, Map.copyOf(bindings));
        long now = version.getAsLong();
        Answer kept;
        synchronized (this) {
            if (now != cachedVersion) {
                answers.clear();
                cachedVersion = now;
            }
            kept = answers.get(key);
        }
        if (kept == null) {
            // many clients asking the same new question wait for one computation
            kept = computing.get(key, compute);
            synchronized (this) {
                if (version.getAsLong() == now) {
                    answers.put(key, kept);
                }
            }
        }
        return shareable(kept);
    }

    /** Forgets every answer. */
    public void clear() {
        answers.clear();
    }

    /** How many answers are kept, their estimated bytes and the limit. */
    public BoundedCache.Usage usage() {
        return answers.usage();
    }

    /**
     * Sets the most bytes the kept answers may take, dropping the least recently used beyond it.
     *
     * @throws IllegalArgumentException if the limit is negative
     */
    public void limitBytes(long limit) {
        answers.limitBytes(limit);
    }

    /**
     * An answer's size in memory, estimated from its terms: a fixed cost per entry, row and term, plus each
     * term's characters. Terms shared between answers are counted in each, so the estimate errs high.
     */
    static long weigh(Answer answer) {
        long total = ENTRY_BYTES;
        switch (answer.kind()) {
            case TABLE -> {
                List<String> vars = answer.table().vars();
                for (Row row : answer.table().rows()) {
                    total += ROW_BYTES;
                    for (String var : vars) {
                        total += row.node(var).map(Footprint::of).orElse(0L);
                    }
                }
            }
            case GRAPH -> {
                Iterator<Triple> triples = answer.graph().getGraph().find();
                while (triples.hasNext()) {
                    Triple t = triples.next();
                    total += ROW_BYTES + Footprint.of(t.getSubject()) + Footprint.of(t.getPredicate())
                            + Footprint.of(t.getObject());
                }
            }
            case BOOLEAN -> { }
        }
        return total;
    }

    private static Answer shareable(Answer answer) {
        if (answer.kind() != Answer.Kind.GRAPH) {
            return answer;
        }
        return Answer.of(ModelFactory.createModelForGraph(new GraphReadOnly(answer.graph().getGraph())));
    }
}

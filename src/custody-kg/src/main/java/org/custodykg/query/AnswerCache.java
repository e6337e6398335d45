package org.custodykg.query;

import org.custodykg.Answer;
import org.custodykg.Row;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
    private static final int TERM_BYTES = 48;

    private record Key(String question, Map<String, Node> bindings) {}

    private record Kept(Answer answer, long bytes) {}

    /**
     * How full the cache is.
     *
     * @param entries the answers kept
     * @param bytes their estimated size
     * @param limitBytes the most they may take
     */
    public record Usage(int entries, long bytes, long limitBytes) {}

    private final LongSupplier version;
    private final LinkedHashMap<Key, Kept> answers = new LinkedHashMap<>(16, 0.75f, true);
    private long limitBytes;
    private long bytes;
    private long cachedVersion;

    private AnswerCache(LongSupplier version, long limitBytes) {
        this.version = version;
        this.limitBytes = checked(limitBytes);
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
        Kept kept;
        synchronized (this) {
            if (now != cachedVersion) {
                clear();
                cachedVersion = now;
            }
            kept = answers.get(key);
        }
        if (kept == null) {
            Answer answer = compute.get();
            kept = new Kept(answer, weigh(answer));
            synchronized (this) {
                if (version.getAsLong() == now && kept.bytes() <= limitBytes) {
                    Kept replaced = answers.put(key, kept);
                    bytes += kept.bytes() - (replaced == null ? 0 : replaced.bytes());
                    evict();
                }
            }
        }
        return shareable(kept.answer());
    }

    /** Forgets every answer. */
    public synchronized void clear() {
        answers.clear();
        bytes = 0;
    }

    /** How many answers are kept, their estimated bytes and the limit. */
    public synchronized Usage usage() {
        return new Usage(answers.size(), bytes, limitBytes);
    }

    /**
     * Sets the most bytes the kept answers may take, dropping the least recently used beyond it.
     *
     * @throws IllegalArgumentException if the limit is negative
     */
    public synchronized void limitBytes(long limit) {
        limitBytes = checked(limit);
        evict();
    }

    private void evict() {
        Iterator<Kept> eldest = answers.values().iterator();
        while (bytes > limitBytes && eldest.hasNext()) {
            bytes -= eldest.next().bytes();
            eldest.remove();
        }
    }

    private static long checked(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("answer cache: expected a limit of 0 bytes or more, got " + limit);
        }
        return limit;
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
                        total += row.node(var).map(AnswerCache::weigh).orElse(0L);
                    }
                }
            }
            case GRAPH -> {
                Iterator<Triple> triples = answer.graph().getGraph().find();
                while (triples.hasNext()) {
                    Triple t = triples.next();
                    total += ROW_BYTES + weigh(t.getSubject()) + weigh(t.getPredicate()) + weigh(t.getObject());
                }
            }
            case BOOLEAN -> { }
        }
        return total;
    }

    private static long weigh(Node term) {
        if (term.isURI()) {
            return TERM_BYTES + term.getURI().length();
        }
        if (term.isLiteral()) {
            return TERM_BYTES + term.getLiteralLexicalForm().length() + term.getLiteralLanguage().length();
        }
        return TERM_BYTES;
    }

    private static Answer shareable(Answer answer) {
        if (answer.kind() != Answer.Kind.GRAPH) {
            return answer;
        }
        return Answer.of(ModelFactory.createModelForGraph(new GraphReadOnly(answer.graph().getGraph())));
    }
}

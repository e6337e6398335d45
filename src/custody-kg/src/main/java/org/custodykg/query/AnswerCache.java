package org.custodykg.query;

import org.custodykg.Answer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
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
 * Least recently used entries go first beyond {@code capacity}.
 */
public final class AnswerCache {
    private record Key(String question, Map<String, Node> bindings) {}

    private final LongSupplier version;
    private final Map<Key, Answer> answers;
    private long cachedVersion;

    private AnswerCache(LongSupplier version, int capacity) {
        this.version = version;
        this.answers = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A cache over a dataset, following its TDB2 data version when it is a TDB2 store. */
    public static AnswerCache over(Dataset dataset, int capacity) {
        return new AnswerCache(versionOf(dataset), capacity);
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
    public static AnswerCache versioned(LongSupplier version, int capacity) {
        return new AnswerCache(version, capacity);
    }

    /** The cached answer to the question with these bindings, computing and keeping it when absent or stale. */
    public Answer get(String question, Map<String, Node> bindings, Supplier<Answer> compute) {
        Key key = new Key(question, Map.copyOf(bindings));
        long now = version.getAsLong();
        Answer answer;
        synchronized (this) {
            if (now != cachedVersion) {
                answers.clear();
                cachedVersion = now;
            }
            answer = answers.get(key);
        }
        if (answer == null) {
            answer = compute.get();
            synchronized (this) {
                if (version.getAsLong() == now) {
                    answers.put(key, answer);
                }
            }
        }
        return shareable(answer);
    }

    /** Forgets every answer. */
    public synchronized void clear() {
        answers.clear();
    }

    private static Answer shareable(Answer answer) {
        if (answer.kind() != Answer.Kind.GRAPH) {
            return answer;
        }
        return Answer.of(ModelFactory.createModelForGraph(new GraphReadOnly(answer.graph().getGraph())));
    }
}

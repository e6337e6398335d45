package org.custodykg.load;

import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.TransactionHandler;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.riot.system.Prefixes;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.TransactionHandlerView;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.NullIterator;

/**
 * A read-only view of the union of a dataset's named graphs, each triple once. A triple found in one
 * graph is dropped when an earlier graph holds it: an index probe per triple, instead of the set of every
 * triple seen that Jena's {@code GraphUnionRead} builds for each lookup.
 */
public final class UnionView extends GraphBase {
    private final DatasetGraph dataset;
    private final Supplier<List<Graph>> namedGraphs;

    /** A view over {@code dataset}, whose named graphs {@code namedGraphs} lists (kept by the dataset). */
    UnionView(DatasetGraph dataset, Supplier<List<Graph>> namedGraphs) {
        this.dataset = dataset;
        this.namedGraphs = namedGraphs;
    }

    /**
     * A read-only union of graphs, each triple once, found as this view finds them: for two graphs whose
     * triples are to be read together without copying them, such as parsed files and a store's data.
     */
    public static Graph of(Graph first, Graph second) {
        return new GraphBase() {
            @Override
            protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
                return findEachOnce(List.of(first, second), pattern);
            }

            @Override
            protected boolean graphBaseContains(Triple triple) {
                return triple.isConcrete() ? heldBy(List.of(first, second), triple) : super.graphBaseContains(triple);
            }
        };
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        return findEachOnce(namedGraphs.get(), pattern);
    }

    private static ExtendedIterator<Triple> findEachOnce(List<Graph> graphs, Triple pattern) {
        ExtendedIterator<Triple> found = null;
        for (int i = 0; i < graphs.size(); i++) {
            ExtendedIterator<Triple> inThis = graphs.get(i).find(pattern);
            if (!inThis.hasNext()) {
                // most lookups (a node's values, as validation makes them) match in one graph only: the
                // others add no iterator around it (wrapping each lookup took a quarter of validating)
                inThis.close();
                continue;
            }
            if (i > 0) {
                List<Graph> earlier = graphs.subList(0, i);
                inThis = inThis.filterDrop(t -> heldBy(earlier, t));
            }
            found = found == null ? inThis : found.andThen(inThis);
        }
        return found == null ? NullIterator.instance() : found;
    }

    @Override
    protected boolean graphBaseContains(Triple triple) {
        return triple.isConcrete() ? heldBy(namedGraphs.get(), triple) : super.graphBaseContains(triple);
    }

    private static boolean heldBy(List<Graph> graphs, Triple triple) {
        for (Graph graph : graphs) {
            if (graph.contains(triple)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected PrefixMapping createPrefixMapping() {
        return Prefixes.adapt(dataset.prefixes());
    }

    @Override
    public TransactionHandler getTransactionHandler() {
        return new TransactionHandlerView(dataset);
    }
}

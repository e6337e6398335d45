package org.custodykg.query;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;

/**
 * A fixed SELECT query compiled and optimised once per set of bound parameters, then run many times
 * with different values.
 *
 * <p>Why: a named question is asked over and over with only its parameter values changing, and ARQ
 * spends about a quarter of a point lookup's time (measured on 1 M triples: key-custody, 0.43 ms a run)
 * turning the query into algebra and optimising it again. Here that is done on the first ask with
 * those parameters; later asks hand the plan to the dataset's own query engine (so TDB2 still gets its
 * quad-form, union-graph execution) with the values as the starting binding and ARQ's optimiser off,
 * which substitutes the values into the plan's patterns before it runs. Queries other than SELECT go
 * through {@link QueryRunner#run}.
 */
public final class PreparedQuery {
    private final Query query;
    private final Map<Set<String>, Op> plans = new ConcurrentHashMap<>();

    /** Prepares {@code query}, which is never modified. */
    public PreparedQuery(Query query) {
        this.query = query;
    }

    /** The parsed query. */
    public Query query() {
        return query;
    }

    /** Runs the query with the given variables bound to the given values, in a read transaction. */
    public Answer run(Dataset dataset, Map<String, Node> bindings) {
        if (!query.isSelectType()) {
            return QueryRunner.run(dataset, query, bindings);
        }
        Op plan = plans.computeIfAbsent(Set.copyOf(bindings.keySet()),
                bound -> Algebra.optimize(Algebra.compile(BoundFirst.reorder(query, bound))));
        Binding start = start(bindings);
        return Txn.calculateRead(dataset, () -> {
            DatasetGraph dsg = dataset.asDatasetGraph();
            Context context = Context.setupContextForDataset(ARQ.getContext(), dsg);
            context.set(ARQ.optimization, false);
            Plan execution = QueryEngineRegistry.findFactory(plan, dsg, context).create(plan, dsg, start, context);
            QueryIterator rows = execution.iterator();
            try {
                return Answer.of(new ResultTable(RowSet.create(rows, query.getProjectVars())));
            } finally {
                rows.close();
                execution.close();
            }
        });
    }

    private static Binding start(Map<String, Node> bindings) {
        BindingBuilder start = Binding.builder();
        bindings.forEach((name, value) -> start.add(Var.alloc(name), value));
        return start.build();
    }
}

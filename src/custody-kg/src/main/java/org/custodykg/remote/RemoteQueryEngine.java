package org.custodykg.remote;

import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpNull;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.PlanOp;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.util.Context;

/**
 * Hands a whole query over a {@link RemoteDatasetGraph} to the remote store, instead of letting ARQ
 * evaluate it pattern by pattern through lookups. Whatever runs a query on the dataset (the library's
 * questions, an embedded Fuseki's {@code /sparql}) gets the store's answer: a SELECT's rows; an ASK's
 * yes as one empty row; for a CONSTRUCT or DESCRIBE, the rows of its WHERE clause, from which ARQ
 * builds the graph (a DESCRIBE's resources are then read by lookups).
 */
final class RemoteQueryEngine implements QueryEngineFactory {
    @Override
    public boolean accept(Query query, DatasetGraph dataset, Context context) {
        return remote(dataset) != null;
    }

    @Override
    public Plan create(Query query, DatasetGraph dataset, Binding start, Context context) {
        RemoteDatasetGraph remote = remote(dataset);
        Query sent = RemoteDatasetGraph.bound(query, start);
        List<Binding> rows;
        if (sent.isSelectType()) {
            rows = remote.select(sent);
        } else if (sent.isAskType()) {
            rows = remote.ask(sent) ? List.of(BindingFactory.empty()) : List.of();
        } else if (sent.getQueryPattern() == null) {
            rows = List.of(BindingFactory.empty());
        } else {
            Query where = sent.cloneQuery();
            boolean describe = sent.isDescribeType();
            where.setQuerySelectType();
            if (!describe || sent.isQueryResultStar()) {
                where.setQueryResultStar(true);
            }
            rows = remote.select(where);
        }
        return new PlanOp(OpNull.create(), null, QueryIterPlainWrapper.create(rows.iterator()));
    }

    /** Whole algebra expressions are never sent: only queries, as their text is what the store reads. */
    @Override
    public boolean accept(Op op, DatasetGraph dataset, Context context) {
        return false;
    }

    @Override
    public Plan create(Op op, DatasetGraph dataset, Binding start, Context context) {
        throw new UnsupportedOperationException("a remote store is sent queries, not algebra");
    }

    /** The remote dataset under any wrappers (Fuseki wraps a read-only dataset), or null. */
    private static RemoteDatasetGraph remote(DatasetGraph dataset) {
        DatasetGraph current = dataset;
        while (current instanceof DatasetGraphWrapper wrapper) {
            current = wrapper.getWrapped();
        }
        return current instanceof RemoteDatasetGraph remote ? remote : null;
    }
}

package org.custodykg.serve;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.web.HttpSC;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.custodykg.RemoteException;
import org.custodykg.query.Deadline;

/**
 * Fuseki's SPARQL query handling, except that every answer is computed in full, up to the row cap,
 * before the response starts. Fuseki streams a SELECT after its first row, so a timeout firing later
 * would cut a response that already said 200; here the timeout can only fire before the status is
 * sent, and it is sent as 503 with a message.
 *
 * <p>A query stopped by the timeout (or by the server stopping) answers 503 with the server's error body,
 * negotiated as on every other door ({@link ErrorResponses}: JSON unless HTML or plain text is asked for),
 * rather than Fuseki's plain {@code Query timed out}: nothing of the answer has been sent by then.
 *
 * <p>An answer longer than the cap is cut to the cap and flagged with
 * {@link CustodyServer#TRUNCATED_HEADER}: the rows sent are correct, and the client is told there are
 * more (page with LIMIT/OFFSET). A refusal would give the client nothing to page from.
 */
final class BoundedQueryProcessor extends SPARQL_QueryDataset {
    private final int maxRows;
    private final Deadline.Scope running;

    /** @param running the server's running work, cancelled when it stops: each query is aborted with it */
    BoundedQueryProcessor(int maxRows, Deadline.Scope running) {
        this.maxRows = maxRows;
        this.running = running;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        try {
            super.execute(queryString, action);
        } catch (QueryCancelledException stopped) {
            HttpServletResponse response = action.getResponse();
            if (response.isCommitted()) {
                throw stopped;
            }
            try {
                ErrorResponses.instead(action.getRequest(), response, stopped);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            action.setResponseStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query query, String queryStringLog) {
        try (Deadline.Scope.Registration stoppable = running.register(exec::abort)) {
            return bounded(action, exec, query, queryStringLog);
        } catch (RuntimeException e) {
            // over a remote store: its failure is the upstream's (502), not this server's
            RemoteException remote = RemoteFailureFilter.remoteCause(e).orElseThrow(() -> e);
            ServletOps.error(HttpSC.BAD_GATEWAY_502, remote.getMessage());
            throw e;
        }
    }

    private QueryExecResult bounded(HttpAction action, QueryExec exec, Query query, String queryStringLog) {
        if (query.isSelectType()) {
            RowSet rows = exec.select();
            List<Binding> kept = take(rows, action);
            return new QueryExecResult(RowSetStream.create(rows.getResultVars(), kept.iterator()));
        }
        if (query.isConstructType()) {
            DatasetGraph result = DatasetGraphFactory.create();
            take(exec.constructQuads(), action).forEach(result::add);
            return new QueryExecResult(result);
        }
        if (query.isDescribeType()) {
            Graph result = GraphFactory.createDefaultGraph();
            take(exec.describeTriples(), action).forEach(result::add);
            return new QueryExecResult(result);
        }
        return super.executeQuery(action, exec, query, queryStringLog);
    }

    /** Reads up to the cap, flagging the response when there was more. */
    private <T> List<T> take(Iterator<T> source, HttpAction action) {
        List<T> kept = new ArrayList<>();
        while (source.hasNext()) {
            T next = source.next();
            if (kept.size() == maxRows) {
                action.setResponseHeader(CustodyServer.TRUNCATED_HEADER, "true");
                action.setResponseHeader(CustodyServer.MAX_ROWS_HEADER, Integer.toString(maxRows));
                break;
            }
            kept.add(next);
        }
        return kept;
    }
}

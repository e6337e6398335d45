package org.custodykg.query;

import org.custodykg.ResultTable;
import org.custodykg.Answer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.system.Txn;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;

/**
 * Runs a parsed query in a read transaction and copies the answer out. Parameters are bound by
 * substitution in the parsed query's syntax tree, never by editing query text.
 */
public final class QueryRunner {
    private static final Pattern POSITION = Pattern.compile("at line (\\d+), column (\\d+)");

    private QueryRunner() {}

    /**
     * Parses SPARQL text.
     *
     * @param origin where the text came from (a file name, or "query"), for the error message
     * @throws DataException giving the line and column of a syntax error
     */
    public static Query parse(String origin, String text) {
        try {
            return QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw located(origin, e);
        }
    }

    /**
     * The parser's first message line, placed at the token it stopped at. JavaCC's exception carries the
     * position of the last good token; its message names the offending one, which is where the reader looks.
     */
    private static DataException located(String origin, QueryParseException e) {
        String message = e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("syntax error");
        Matcher at = POSITION.matcher(message);
        String where = at.find() ? at.group(1) + ":" + at.group(2) : e.getLine() + ":" + e.getColumn();
        return new DataException(origin + ":" + where + ": " + message, e);
    }

    /**
     * Runs the query with the given variables bound to the given values, the patterns that mention a
     * bound variable evaluated first ({@link BoundFirst}).
     */
    public static Answer run(Dataset dataset, Query query, Map<String, Node> bindings) {
        try {
            return runInTransaction(dataset, query, bindings);
        } catch (QueryDeniedException e) {
            throw new DataException("query: SERVICE is not allowed (the graph never calls other endpoints)", e);
        }
    }

    private static Answer runInTransaction(Dataset dataset, Query query, Map<String, Node> bindings) {
        return Txn.calculateRead(dataset, () -> {
            QueryExecBuilder builder = QueryExec.dataset(dataset.asDatasetGraph()).query(BoundFirst.reorder(query, bindings.keySet()));
            bindings.forEach(builder::substitution);
            try (QueryExec execution = Deadline.bound(builder).build()) {
                if (query.isSelectType()) {
                    return Answer.of(new ResultTable(execution.select()));
                }
                if (query.isAskType()) {
                    return Answer.of(execution.ask());
                }
                Graph result = query.isConstructType() ? execution.construct() : execution.describe();
                Model graph = ModelFactory.createModelForGraph(result);
                graph.setNsPrefixes(CustodyKg.prefixes());
                return Answer.of(graph);
            }
        });
    }
}

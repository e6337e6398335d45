package org.custodykg.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;

/**
 * The entity page's account of its sources: how many independent sources support each fact about the
 * entity (the corroboration question) and where they disagree (the conflicts question), both asked
 * of the page's graph with the entity bound, so the page says what {@code custody ask} says.
 */
final class SourceSupport {
    private static final Map<String, Query> QUESTIONS = new ConcurrentHashMap<>();

    private SourceSupport() {}

    /** Appends the two sections when the entity has a fact several sources support or one they dispute. */
    static void section(Html html, Graph union, Node entity) {
        List<Binding> support = ask(union, "corroboration", "entity", entity);
        if (support.stream().noneMatch(row -> number(row, "sources") > 1 || "true".equals(text(row, "disputed")))) {
            return;
        }
        html.raw("<h2>Sources per fact</h2>\n<table id=\"support\">\n<tr><th>fact</th><th>independent sources</th><th>disputed</th></tr>\n");
        for (Binding row : support) {
            html.raw("<tr><td>").term(row.get("fact")).raw("</td><td>").text(Long.toString(number(row, "sources")))
                    .raw("</td><td>").text("true".equals(text(row, "disputed")) ? "disputed" : "").raw("</td></tr>\n");
        }
        html.raw("</table>\n");
        List<Binding> conflicts = ask(union, "conflicts", "entity", entity);
        if (conflicts.isEmpty()) {
            return;
        }
        html.raw("<h2>Where the sources disagree</h2>\n<table id=\"conflicts\">\n"
                + "<tr><th>fact</th><th>property</th><th>value</th><th>source</th><th>its words</th></tr>\n");
        for (Binding row : conflicts) {
            html.raw("<tr><td>").term(row.get("fact")).raw("</td><td>").term(row.get("property")).raw("</td><td>")
                    .term(row.get("value")).raw("</td><td>").term(row.get("source")).raw("</td><td>")
                    .text(text(row, "evidence")).raw("</td></tr>\n");
        }
        html.raw("</table>\n");
    }

    /** The rows of a named question of the embedded catalogue, one parameter bound in its syntax tree. */
    static List<Binding> ask(Graph union, String question, String parameter, Node value) {
        Query query = QUESTIONS.computeIfAbsent(question, SourceSupport::read);
        try (QueryExec exec = QueryExec.graph(union).query(query).substitution(parameter, value).build()) {
            RowSet rows = exec.select();
            return rows.materialize().stream().toList();
        }
    }

    private static Query read(String question) {
        String resource = "custody-kg/queries/" + question + ".rq";
        try (InputStream in = SourceSupport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the question " + resource + " is missing from the jar");
            }
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long number(Binding row, String variable) {
        Node n = row.get(variable);
        return n == null ? 0 : Long.parseLong(n.getLiteralLexicalForm());
    }

    static String text(Binding row, String variable) {
        Node n = row.get(variable);
        return n == null ? "" : n.getLiteralLexicalForm();
    }
}

package org.custodykg.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.jena.sparql.graph.GraphFactory;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.custodykg.SearchHit;

/**
 * {@code GET /search?q=…[&type=CLASS][&limit=N]}: the entities whose names, descriptions or quotations
 * match, best first ({@link CustodyGraph#search}). A page with the search box and the hits linked to
 * their pages, or, by Accept or {@code format=json}, the hits as SPARQL results JSON, the same bytes as
 * {@code custody search --format json}. A missing or blank {@code q}, an unknown {@code type} or a bad
 * {@code limit} is a 400 naming it.
 */
final class SearchServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int DEFAULT_LIMIT = 20;
    private final transient CustodyGraph graph;
    private final String publicBase;

    SearchServlet(CustodyGraph graph, String publicBase) {
        this.graph = graph;
        this.publicBase = publicBase;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", "Accept");
        String q = request.getParameter("q");
        List<SearchHit> hits;
        try {
            if (q == null || q.isBlank()) {
                throw new ArgumentException("q", "expected words to search for, but got nothing");
            }
            hits = search(q, Optional.ofNullable(request.getParameter("type")).filter(t -> !t.isBlank()), limit(request));
        } catch (RuntimeException e) {
            ErrorResponses.send(request, response, e);
            return;
        }
        if (HtmlOrJson.wantsJson(request)) {
            Responses.bytes(response, 200, "application/json;charset=utf-8",
                    SearchHit.table(hits).toJson().getBytes(StandardCharsets.UTF_8));
        } else {
            Responses.bytes(response, 200, "text/html;charset=utf-8", page(request, q, hits).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The library names the words {@code text}; here the user typed them as {@code q}. */
    private List<SearchHit> search(String q, Optional<String> type, int limit) {
        try {
            return graph.search(q, type, limit);
        } catch (ArgumentException e) {
            if (e.parameter().filter("text"::equals).isPresent()) {
                throw new ArgumentException("q", e.getMessage().substring("text: ".length()));
            }
            throw e;
        }
    }

    private static int limit(HttpServletRequest request) {
        String value = request.getParameter("limit");
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ArgumentException("limit", "expected a whole number from 1 to " + CustodyGraph.MAX_SEARCH_HITS
                    + ", but got '" + value.replaceAll("\\p{Cntrl}", "?") + "'");
        }
    }

    private String page(HttpServletRequest request, String q, List<SearchHit> hits) {
        LocalLinks links = new LocalLinks(publicBase, request.getContextPath());
        Html html = new Html(links, GraphFactory.createDefaultGraph());
        html.head("Search: " + q, null, q).raw("<main>\n<h1>Search</h1>\n");
        if (hits.isEmpty()) {
            html.raw("<p id=\"no-hits\">Nothing in the graph matches ").text("'" + q + "'").raw(".</p>\n");
        } else {
            html.raw("<ol id=\"hits\">\n");
            for (SearchHit hit : hits) {
                html.raw("<li>").entity(hit.iri(), hit.label())
                        .raw(" <span class=\"types\">").text(String.join(", ", hit.types())).raw("</span>");
                if (!hit.matched().equals(hit.label())) {
                    html.raw(" — <q>").text(hit.matched()).raw("</q>");
                }
                html.raw("</li>\n");
            }
            html.raw("</ol>\n");
        }
        return html.raw("</main>\n").end().toString();
    }
}

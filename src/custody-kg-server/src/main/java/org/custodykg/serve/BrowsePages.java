package org.custodykg.serve;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.sparql.graph.GraphFactory;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyException;
import org.custodykg.CustodyGraph;
import org.custodykg.Entity;
import org.custodykg.EntityKind;
import org.custodykg.ErrorCode;

/**
 * Browsing the entities: {@code /id/} lists the kinds with their counts, {@code /id/service/} (one page
 * per kind) the entities of a kind sorted by label, {@value #PAGE_SIZE} a page ({@code ?page=N}, from 0),
 * each linked to its page. HTML, or JSON by Accept or {@code format=json}. The lists come from
 * {@link CustodyGraph#kinds()}, worked out once per version of the data.
 */
final class BrowsePages {
    static final int PAGE_SIZE = 100;
    private static final Pattern KIND = Pattern.compile("/([A-Za-z0-9._-]+)/");

    private final CustodyGraph graph;
    private final String publicBase;

    BrowsePages(CustodyGraph graph, String publicBase) {
        this.graph = graph;
        this.publicBase = publicBase;
    }

    /** Whether the path after {@code /id} is a listing ({@code /} or {@code /KIND/}) rather than an entity. */
    static boolean isListing(String pathInfo) {
        return pathInfo == null || pathInfo.equals("/") || KIND.matcher(pathInfo).matches();
    }

    void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", "Accept");
        String path = request.getPathInfo();
        String self = request.getContextPath() + request.getServletPath();
        try {
            if (path == null || path.equals("/")) {
                send(response, request, kinds(self), kindsPage(request, self));
                return;
            }
            String kind = path.substring(1, path.length() - 1);
            List<Entity> all;
            try {
                all = graph.entitiesOfKind(kind);
            } catch (ArgumentException unknown) {
                throw new CustodyException(ErrorCode.NOT_FOUND, "kind", unknown.getMessage().substring("kind: ".length()), null);
            }
            int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
            int page = page(request, pages);
            List<Entity> shown = all.subList(page * PAGE_SIZE, Math.min(all.size(), (page + 1) * PAGE_SIZE));
            String listing = self + "/" + kind + "/";
            if (page + 1 < pages) {
                response.addHeader("Link", "<" + listing + "?page=" + (page + 1) + ">; rel=\"next\"");
            }
            send(response, request, listingJson(request, kind, all.size(), page, pages, shown, listing),
                    listingPage(request, kind, all.size(), page, pages, shown, listing));
        } catch (RuntimeException e) {
            ErrorResponses.send(request, response, e);
        }
    }

    private static void send(HttpServletResponse response, HttpServletRequest request, JsonObject json, String html)
            throws IOException {
        if (HtmlOrJson.wantsJson(request)) {
            Responses.bytes(response, 200, "application/json;charset=utf-8", json.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            Responses.bytes(response, 200, "text/html;charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static int page(HttpServletRequest request, int pages) {
        String value = request.getParameter("page");
        if (value == null) {
            return 0;
        }
        try {
            int page = Integer.parseInt(value);
            if (page >= 0 && page < pages) {
                return page;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ArgumentException("page", "expected a whole number from 0 to " + (pages - 1) + ", but got '"
                + value.replaceAll("\\p{Cntrl}", "?") + "'");
    }

    private JsonObject kinds(String self) {
        JsonArray kinds = new JsonArray();
        for (EntityKind kind : graph.kinds()) {
            JsonObject entry = new JsonObject();
            entry.put("kind", kind.name());
            entry.put("count", kind.count());
            entry.put("href", self + "/" + kind.name() + "/");
            kinds.add(entry);
        }
        JsonObject json = new JsonObject();
        json.put("kinds", kinds);
        return json;
    }

    private String kindsPage(HttpServletRequest request, String self) {
        Html html = html(request).head("Browse", null).raw("<main>\n<h1>Browse</h1>\n<ul id=\"kinds\">\n");
        for (EntityKind kind : graph.kinds()) {
            html.raw("<li>").link(self + "/" + kind.name() + "/", kind.name()).text(" (" + kind.count() + ")").raw("</li>\n");
        }
        return html.raw("</ul>\n</main>\n").end().toString();
    }

    private JsonObject listingJson(HttpServletRequest request, String kind, int count, int page, int pages,
            List<Entity> shown, String listing) {
        LocalLinks links = new LocalLinks(publicBase, request.getContextPath());
        JsonArray entities = new JsonArray();
        for (Entity e : shown) {
            JsonObject entry = new JsonObject();
            entry.put("iri", e.iri());
            entry.put("label", e.label());
            links.localPath(e.iri()).ifPresent(href -> entry.put("href", href));
            entities.add(entry);
        }
        JsonObject json = new JsonObject();
        json.put("kind", kind);
        json.put("count", count);
        json.put("page", page);
        json.put("pages", pages);
        json.put("pageSize", PAGE_SIZE);
        json.put("entities", entities);
        if (page + 1 < pages) {
            json.put("next", listing + "?page=" + (page + 1));
        }
        return json;
    }

    private String listingPage(HttpServletRequest request, String kind, int count, int page, int pages,
            List<Entity> shown, String listing) {
        Html html = html(request).head(kind + " — browse", null).raw("<main>\n<h1>").text(kind).raw("</h1>\n<p id=\"count\">")
                .text(count + (count == 1 ? " entity" : " entities") + (pages > 1 ? ", page " + (page + 1) + " of " + pages : ""))
                .raw("</p>\n<ol id=\"entities\" start=\"").text(Integer.toString(page * PAGE_SIZE + 1)).raw("\">\n");
        for (Entity e : shown) {
            html.raw("<li>").entity(e.iri(), e.label()).raw("</li>\n");
        }
        html.raw("</ol>\n<nav>");
        if (page > 0) {
            html.link(listing + "?page=" + (page - 1), "previous").raw(" ");
        }
        if (page + 1 < pages) {
            html.link(listing + "?page=" + (page + 1), "next").raw(" ");
        }
        html.link(listing.substring(0, listing.length() - kind.length() - 1), "all kinds");
        return html.raw("</nav>\n</main>\n").end().toString();
    }

    private Html html(HttpServletRequest request) {
        return new Html(new LocalLinks(publicBase, request.getContextPath()), GraphFactory.createDefaultGraph());
    }
}

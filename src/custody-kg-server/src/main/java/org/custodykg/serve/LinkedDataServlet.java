package org.custodykg.serve;

import org.custodykg.CustodyGraph;
import org.custodykg.ErrorCode;
import org.custodykg.CustodyException;
import org.custodykg.ArgumentException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.custodykg.query.Deadline;

/**
 * Answers an entity's IRI ({@code /id/service/icloud}) with its description: 200 with content
 * negotiation on the IRI itself (see docs/notes-export.md for why not 303), a suffix for one format,
 * {@code ?page=N} for further incoming links, 404 for an IRI the graph does not describe.
 */
final class LinkedDataServlet extends HttpServlet {
    private final transient CustodyGraph graph;
    private final String publicBase;
    private final String iriPrefix;
    /** The listings of {@code /id/} and {@code /id/KIND/}; null where there are none ({@code /ontology/}). */
    private final transient BrowsePages browse;

    /**
     * @param iriPrefix the IRI that the path after the servlet's mount point is appended to
     *     ({@code https://w3id.org/custody-kg/id/} for {@code /id/*})
     */
    LinkedDataServlet(CustodyGraph graph, String publicBase, String iriPrefix, BrowsePages browse) {
        this.graph = graph;
        this.publicBase = publicBase;
        this.iriPrefix = iriPrefix;
        this.browse = browse;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String pathInfo = req.getPathInfo();
        if (browse != null && BrowsePages.isListing(pathInfo)) {
            browse.send(req, resp);
            return;
        }
        if (pathInfo == null || pathInfo.length() < 2) {
            ErrorResponses.send(req, resp, new CustodyException(ErrorCode.NOT_FOUND, "name an entity, such as /id/service/icloud"));
            return;
        }
        ResourceResponses.Target target = ResourceResponses.Target.of(pathInfo);
        int page;
        try {
            page = req.getParameter("page") == null ? 0 : Integer.parseInt(req.getParameter("page"));
        } catch (NumberFormatException e) {
            page = -1;
        }
        if (page < 0) {
            ErrorResponses.send(req, resp, new ArgumentException("page", "expected a whole number from 0, but got '"
                    + req.getParameter("page") + "'"));
            return;
        }
        String iri = iriPrefix + target.path().substring(1);
        String selfPath = req.getContextPath() + req.getServletPath() + target.path();
        int chosenPage = page;
        Txn.executeRead(graph.dataset(), () -> {
            try {
                // the page's reads stop at the request's deadline (RequestDeadlineFilter), as a query does
                Graph union = Deadline.guard(graph.model().getGraph());
                Description d = Description.of(union, NodeFactory.createURI(iri), chosenPage);
                if (!d.exists()) {
                    ErrorResponses.send(req, resp, new CustodyException(ErrorCode.NOT_FOUND, "the graph says nothing about <" + iri + ">"));
                    return;
                }
                Optional<Representation> r = ResourceResponses.choose(req, resp, target, selfPath);
                if (r.isPresent()) {
                    if (d.morePages()) {
                        resp.addHeader("Link", "<" + selfPath + "?page=" + (chosenPage + 1) + ">; rel=\"next\"");
                    }
                    // rendered before the status is sent, so that a timeout can still be answered 503
                    String html = r.get().format().isPresent() ? ""
                            : ResourcePage.render(d, union, graph, new LocalLinks(publicBase, req.getContextPath()), selfPath);
                    ResourceResponses.send(resp, r.get(), d.graph(), () -> html);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}

package org.custodykg.serve;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;

/**
 * Sends a resource in the representation a request asks for. A suffix ({@code .ttl}) fixes the format;
 * otherwise the Accept header chooses, the answer says {@code Vary: Accept}, and Content-Location names
 * the suffixed URL of the form sent. Every answer lists the other forms in {@code Link: rel=alternate}.
 */
final class ResourceResponses {
    private ResourceResponses() {}

    /** The path without a known suffix, and the representation the suffix names (if any). */
    record Target(String path, Optional<Representation> fixed) {
        static Target of(String path) {
            int slash = path.lastIndexOf('/');
            int dot = path.lastIndexOf('.');
            if (dot > slash) {
                Optional<Representation> r = Representation.forSuffix(path.substring(dot + 1));
                if (r.isPresent()) {
                    return new Target(path.substring(0, dot), r);
                }
            }
            return new Target(path, Optional.empty());
        }
    }

    /**
     * Picks the representation, or answers 406 and returns empty.
     *
     * @param selfPath the local path of the resource without suffix
     */
    static Optional<Representation> choose(HttpServletRequest req, HttpServletResponse resp, Target target,
            String selfPath) throws IOException {
        StringJoiner link = new StringJoiner(", ");
        for (Representation r : Representation.values()) {
            link.add("<" + selfPath + "." + r.suffix() + ">; rel=\"alternate\"; type=\"" + r.mediaType() + "\"");
        }
        resp.setHeader("Link", link.toString());
        if (target.fixed().isPresent()) {
            return target.fixed();
        }
        resp.setHeader("Vary", "Accept");
        Optional<Representation> chosen = Representation.negotiate(req.getHeader("Accept"));
        if (chosen.isEmpty()) {
            ErrorResponses.send(req, resp, HttpServletResponse.SC_NOT_ACCEPTABLE, new ArgumentException("Accept",
                    "none of " + req.getHeader("Accept") + " is available; available: text/turtle, application/ld+json,"
                    + " application/rdf+xml, application/n-triples, text/html"));
            return Optional.empty();
        }
        resp.setHeader("Content-Location", selfPath + "." + chosen.get().suffix());
        return chosen;
    }

    /** Sends the graph in an RDF representation, or the page for HTML. */
    static void send(HttpServletResponse resp, Representation r, Graph graph, Supplier<String> html) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(r.contentType());
        try (OutputStream out = resp.getOutputStream()) {
            if (r.format().isPresent()) {
                CustodyGraph.writeGraph(graph, r.format().get(), out);
            } else {
                out.write(html.get().getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}

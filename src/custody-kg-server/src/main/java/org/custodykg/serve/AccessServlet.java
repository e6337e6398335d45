package org.custodykg.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFWriter;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.custodykg.AccessAnswer;
import org.custodykg.present.RouteJson;
import org.custodykg.present.RoutePicture;
import org.custodykg.present.RouteRdf;
import org.custodykg.reason.AccessPaths;

/**
 * {@code GET /access?authority=…&service=…[&asOf=YYYY-MM-DD][&assumptions=true]}: the access answer as
 * JSON (the default) or, by content negotiation, as RDF (Turtle, N-Triples, JSON-LD, RDF/XML) or as the
 * {@link RoutePicture} ({@code image/svg+xml}) — the route
 * nodes derived for that question (never stored: asking does not grow the graph), written by
 * {@link RouteJson} and {@link RouteRdf} as the command line writes its table. A missing or bad parameter,
 * or a date outside 1900-01-01..2100-12-31, is a 400 with the message; bad data or rules a 500.
 */
public final class AccessServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final MediaType JSON_TYPE = MediaType.create("application", "json");
    private static final AcceptList OFFER = AcceptList.create("application/json", "text/turtle",
            "application/n-triples", "application/ld+json", "application/rdf+xml", RoutePicture.MEDIA_TYPE);
    private final transient CustodyGraph graph;

    /** Serves routes from this graph (see {@link CustodyGraph#access}). */
    public AccessServlet(CustodyGraph graph) {
        this.graph = graph;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", "Accept");
        AccessAnswer found;
        try {
            found = graph.access(required(request, "authority"), required(request, "service"), asOf(request),
                    assumptions(request));
        } catch (RuntimeException e) {
            ErrorResponses.send(request, response, e);
            return;
        }
        MediaType chosen = ConNeg.chooseContentType(request, OFFER, JSON_TYPE);
        Lang lang = JSON_TYPE.getContentTypeStr().equals(chosen.getContentTypeStr()) ? null
                : RDFLanguages.contentTypeToLang(chosen.getContentTypeStr());
        response.setStatus(HttpServletResponse.SC_OK);
        if (RoutePicture.MEDIA_TYPE.equals(chosen.getContentTypeStr())) {
            write(response, RoutePicture.MEDIA_TYPE, RoutePicture.svg(found));
        } else if (lang == null) {
            write(response, "application/json", RouteJson.of(found).toString());
        } else {
            response.setContentType(lang.getHeaderString());
            response.setCharacterEncoding("UTF-8");
            try (OutputStream out = response.getOutputStream()) {
                RDFWriter.source(RouteRdf.of(found)).lang(lang).output(out);
            }
        }
    }

    private static String required(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw new ArgumentException(name, "required (expected a name or an IRI)");
        }
        return value;
    }

    private static boolean assumptions(HttpServletRequest request) {
        String value = request.getParameter("assumptions");
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new ArgumentException("assumptions", "expected true or false, but got '" + value + "'");
    }

    private static Optional<LocalDate> asOf(HttpServletRequest request) {
        String value = request.getParameter("asOf");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AccessPaths.checkDate("asOf", LocalDate.parse(value)));
        } catch (DateTimeParseException e) {
            throw new ArgumentException("asOf", "expected a date YYYY-MM-DD, but got '" + value + "'");
        }
    }

    private static void write(HttpServletResponse response, String contentType, String body) throws IOException {
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }
}

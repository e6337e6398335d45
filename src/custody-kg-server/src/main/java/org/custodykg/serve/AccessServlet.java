package org.custodykg.serve;

import org.custodykg.Entity;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.graph.GraphFactory;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;
import org.custodykg.reason.AccessPaths;
import org.custodykg.AccessRoute;
import org.custodykg.Evidence;

/**
 * {@code GET /access?authority=…&service=…[&asOf=YYYY-MM-DD]}: the access routes as JSON (the default) or,
 * by content negotiation, as RDF (Turtle, N-Triples, JSON-LD, RDF/XML) — the route nodes of the inferred
 * graph derived for that date (never stored: asking does not grow the graph). A missing or bad parameter,
 * or a date outside 1900-01-01..2100-12-31, is a 400 with the message; bad data or rules a 500.
 */
public final class AccessServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final MediaType JSON_TYPE = MediaType.create("application", "json");
    private static final AcceptList OFFER = AcceptList.create("application/json", "text/turtle",
            "application/n-triples", "application/ld+json", "application/rdf+xml");
    private final transient CustodyGraph graph;

    /** Serves routes from this graph (see {@link AccessPaths#routes}). */
    public AccessServlet(CustodyGraph graph) {
        this.graph = graph;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", "Accept");
        AccessPaths.Routes found;
        try {
            found = AccessPaths.routes(graph, required(request, "authority"), required(request, "service"), asOf(request));
        } catch (RuntimeException e) {
            ErrorResponses.send(request, response, e);
            return;
        }
        MediaType chosen = ConNeg.chooseContentType(request, OFFER, JSON_TYPE);
        Lang lang = JSON_TYPE.getContentTypeStr().equals(chosen.getContentTypeStr()) ? null
                : RDFLanguages.contentTypeToLang(chosen.getContentTypeStr());
        response.setStatus(HttpServletResponse.SC_OK);
        if (lang == null) {
            write(response, "application/json", json(found.routes()).toString());
        } else {
            response.setContentType(lang.getHeaderString());
            response.setCharacterEncoding("UTF-8");
            try (OutputStream out = response.getOutputStream()) {
                RDFWriter.source(routeGraph(found.description())).lang(lang).output(out);
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

    private static Graph routeGraph(Graph description) {
        Graph out = GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefixes(CustodyKg.prefixes());
        out.getPrefixMapping().setNsPrefix("inferred", CustodyKg.ID_BASE + "inferred/");
        description.find().forEachRemaining(out::add);
        return out;
    }

    static JsonObject json(List<AccessRoute> routes) {
        JsonArray array = new JsonArray();
        for (AccessRoute r : routes) {
            JsonObject o = new JsonObject();
            o.put("route", r.iri());
            o.put("kind", term(r.kind()));
            o.put("status", term(r.status()));
            o.put("open", r.open());
            o.put("asOf", r.asOf().toString());
            o.put("authority", term(r.authority()));
            o.put("service", term(r.service()));
            r.dataCategory().ifPresent(c -> o.put("dataCategory", term(c)));
            o.put("usersIn", term(r.usersIn()));
            o.put("dataCustodians", terms(r.dataCustodians()));
            o.put("keyHolders", terms(r.keyHolders()));
            o.put("dataLocations", terms(r.dataLocations()));
            o.put("keyLocations", terms(r.keyLocations()));
            o.put("jurisdictions", terms(r.jurisdictions()));
            o.put("instruments", terms(r.instruments()));
            o.put("reviewingAuthorities", terms(r.reviewingAuthorities()));
            o.put("obstacles", evidence(r.obstacles()));
            o.put("possibleObstacles", evidence(r.possibleObstacles()));
            o.put("lawsInForce", terms(r.lawsInForce()));
            o.put("explanation", evidence(r.explanation()));
            JsonArray rules = new JsonArray();
            r.rules().forEach(rules::add);
            o.put("rules", rules);
            array.add(o);
        }
        JsonObject result = new JsonObject();
        result.put("routes", array);
        return result;
    }

    private static JsonObject term(Entity t) {
        JsonObject o = new JsonObject();
        o.put("iri", t.iri());
        o.put("label", t.label());
        return o;
    }

    private static JsonArray terms(List<Entity> terms) {
        JsonArray array = new JsonArray();
        terms.forEach(t -> array.add(term(t)));
        return array;
    }

    private static JsonArray evidence(List<Evidence> facts) {
        JsonArray array = new JsonArray();
        for (Evidence e : facts) {
            JsonObject o = term(e.fact());
            if (e.source() != null) {
                o.put("source", term(e.source()));
            }
            o.put("quotation", e.quotation());
            array.add(o);
        }
        return array;
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

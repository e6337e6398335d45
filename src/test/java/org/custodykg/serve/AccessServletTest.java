package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /access} over real HTTP, on a real Fuseki server on a free loopback port. */
class AccessServletTest {
    private static final String ROUTE = CustodyKg.ID_BASE
            + "inferred/route-TreatyRoute-hong-kong-law-enforcement-icloud-CloudAccountData-hong-kong-2020-07-07";
    private static CustodyGraph graph;
    private static FusekiServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() {
        graph = CustodyGraph.openDefault();
        server = FusekiServer.create().port(0).loopback(true)
                .add("/ds", graph.dataset().asDatasetGraph(), false)
                .addServlet("/access", new AccessServlet(graph))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        graph.close();
    }

    @Test
    void answersJsonByDefault() throws Exception {
        HttpResponse<String> response = get("authority=Hong+Kong&service=iCloud&asOf=2020-07-07", "*/*");
        assertEquals(200, response.statusCode());
        assertEquals("application/json;charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase());
        List<JsonValue> routes = JSON.parse(response.body()).get("routes").getAsArray();
        assertEquals(1, routes.size());
        JsonObject route = routes.get(0).getAsObject();
        assertEquals(ROUTE, route.getString("route"));
        assertEquals(CustodyKg.ONTOLOGY_NS + "TreatyRoute", route.getObj("kind").getString("iri"));
        assertEquals("open", route.getObj("status").getString("label"));
        assertEquals(true, route.get("open").getAsBoolean().value());
        assertEquals("US Department of Justice", route.get("reviewingAuthorities").getAsArray().get(0).getAsObject().getString("label"));
        assertEquals("Apple", route.get("keyHolders").getAsArray().get(0).getAsObject().getString("label"));
        assertEquals(List.of(CustodyKg.ID_BASE + "fact/channel-hong-kong-apple-content", CustodyKg.ID_BASE + "fact/key-custody-icloud-hong-kong",
                CustodyKg.ID_BASE + "fact/storage-icloud-hong-kong"),
                route.get("explanation").getAsArray().stream().map(v -> v.getAsObject().getString("iri")).toList());
    }

    @Test
    void answersTurtleWithTheRouteNodes() throws Exception {
        HttpResponse<String> response = get("authority=Hong+Kong&service=iCloud&asOf=2020-07-07", "text/turtle");
        assertEquals(200, response.statusCode());
        assertEquals("text/turtle", response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        Graph routes = GraphFactory.createDefaultGraph();
        RDFParser.fromString(response.body(), Lang.TURTLE).lang(Lang.TURTLE).parse(routes);
        Node route = NodeFactory.createURI(ROUTE);
        assertEquals(1, routes.find(Node.ANY, NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + "routeKind"), Node.ANY).toList().size());
        assertEquals(3, routes.find(route, NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"), Node.ANY).toList().size());
        assertEquals(NodeFactory.createURI(CustodyKg.ID_BASE + "organisation/us-department-of-justice"),
                routes.find(route, NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + "reviewingAuthority"), Node.ANY).next().getObject());
    }

    @Test
    void aMissingOrBadParameterIs400WithTheMessage() throws Exception {
        HttpResponse<String> missing = get("service=iCloud", "application/json");
        assertEquals(400, missing.statusCode());
        assertEquals("authority: required (expected a name or an IRI)", JSON.parse(missing.body()).getString("error"));
        HttpResponse<String> date = get("authority=Hong+Kong&service=iCloud&asOf=July", "application/json");
        assertEquals(400, date.statusCode());
        assertEquals("asOf: expected a date YYYY-MM-DD, but got 'July'", JSON.parse(date.body()).getString("error"));
        HttpResponse<String> unknown = get("authority=Hong+Kong&service=" + URLEncoder.encode("Fax machine", StandardCharsets.UTF_8), "application/json");
        assertEquals(400, unknown.statusCode());
        assertEquals("service: nothing called 'Fax machine' is a service in this graph (expected a name, an alternative name or an IRI)",
                JSON.parse(unknown.body()).getString("error"));
    }

    private static HttpResponse<String> get(String query, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + "/access?" + query))
                .header("Accept", accept).timeout(Duration.ofSeconds(30)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

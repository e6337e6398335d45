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

/** {@code /access} over real HTTP, on the real {@link CustodyServer} on a free loopback port. */
class AccessServletTest {
    private static final String ROUTE = CustodyKg.ID_BASE
            + "inferred/route-Stated-TreatyRoute-hong-kong-law-enforcement-icloud-CloudAccountData-hong-kong";
    private static final int PLACES_IN_JURISDICTION = 5;
    private static final int ENTAILMENTS = 631;
    private static CustodyGraph graph;
    private static CustodyServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() {
        graph = CustodyGraph.openDefault();
        server = CustodyServer.builder(graph).port(0).build().start();
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
        assertEquals(CustodyKg.ONTOLOGY_NS + "Stated", route.getObj("grade").getString("iri"));
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
        assertEquals(NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + "Stated"),
                routes.find(route, NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + "routeGrade"), Node.ANY).next().getObject());
        assertEquals(3, routes.find(route, NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"), Node.ANY).toList().size());
        assertEquals(NodeFactory.createURI(CustodyKg.ID_BASE + "organisation/us-department-of-justice"),
                routes.find(route, NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + "reviewingAuthority"), Node.ANY).next().getObject());
    }

    @Test
    void aMissingOrBadParameterIs400WithTheMessage() throws Exception {
        assertBadRequest("service=iCloud", "authority: required (expected a name or an IRI)");
        assertBadRequest("authority=Hong+Kong&service=iCloud&asOf=July", "asOf: expected a date YYYY-MM-DD, but got 'July'");
        assertBadRequest("authority=Hong+Kong&service=" + URLEncoder.encode("Fax machine", StandardCharsets.UTF_8),
                "service: nothing called 'Fax machine' is a service in this graph (expected a name, an alternative name or an IRI)");
        assertBadRequest("authority=Hong+Kong&service=iClod", "service: nothing called 'iClod' is a service in this graph; did you mean: iCloud?");
        assertBadRequest("authority=Hong+Kong&service=iCloud&assumptions=yes", "assumptions: expected true or false, but got 'yes'");
    }

    @Test
    void assumedRoutesComeOnlyWithAssumptionsTrueEachNamingItsPresumption() throws Exception {
        JsonObject stated = JSON.parse(get("authority=Hong+Kong+government&service=Office+365&asOf=2020-07-07", "application/json").body());
        assertEquals(0, stated.get("routes").getAsArray().size());
        assertEquals(1, stated.get("assumedLeftOut").getAsNumber().value().intValue());
        assertEquals("no route: no channel known: no source states a channel from Hong Kong government to Office 365 or its provider,"
                + " and none of its data or keys are known to lie in that authority's jurisdiction; 1 assumed route was left out",
                stated.getString("noRoute"));
        JsonObject assumed = JSON.parse(get("authority=Hong+Kong+government&service=Office+365&asOf=2020-07-07&assumptions=true",
                "application/json").body());
        JsonObject route = assumed.get("routes").getAsArray().get(0).getAsObject();
        assertEquals("assumed", route.getObj("grade").getString("label"));
        assertEquals(CustodyKg.ONTOLOGY_NS + "CompelFirmServingHere",
                route.get("presumptions").getAsArray().get(0).getAsObject().getString("iri"));
        assertEquals(List.of(CustodyKg.ID_BASE + "fact/requests-hong-kong-microsoft-2019-07-2019-12"),
                route.get("context").getAsArray().stream().map(v -> v.getAsObject().getString("iri")).toList());
    }

    @Test
    void theServedJsonIsTheLibrarysAnswerAndTheDateNoteSaysWhichDate() throws Exception {
        JsonObject served = JSON.parse(get("authority=Hong+Kong&service=Messages", "application/json").body());
        assertEquals(org.custodykg.present.RouteJson.of(graph.access("Hong Kong", "Messages", java.util.Optional.empty(), false)).toString(),
                served.toString());
        assertEquals("as of 2021-06-09, the newest source", served.getString("dateNote"));
        assertEquals(3, served.get("routes").getAsArray().size());
    }

    @Test
    void answersHongKongICloudAsOfJuly7WithExactlyThisJson() throws Exception {
        HttpResponse<String> response = get("authority=Hong+Kong&service=iCloud&asOf=2020-07-07", "application/json");
        assertEquals(200, response.statusCode());
        String expected;
        try (var in = AccessServletTest.class.getResourceAsStream("/access/hong-kong-icloud-2020-07-07.json")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(JSON.parse(expected).toString(), JSON.parse(response.body()).toString());
    }

    @Test
    void aDateOutside1900To2100OrNotADateIs400NamingAsOf() throws Exception {
        assertBadRequest("authority=Hong+Kong&service=iCloud&asOf=2101-01-01",
                "asOf: expected a date from 1900-01-01 to 2100-12-31, but got '2101-01-01'");
        assertBadRequest("authority=Hong+Kong&service=iCloud&asOf=1899-12-31",
                "asOf: expected a date from 1900-01-01 to 2100-12-31, but got '1899-12-31'");
        assertBadRequest("authority=Hong+Kong&service=iCloud&asOf=2020-02-30", "asOf: expected a date YYYY-MM-DD, but got '2020-02-30'");
    }

    private static void assertBadRequest(String query, String message) throws Exception {
        HttpResponse<String> response = get(query, "application/json");
        assertEquals(400, response.statusCode());
        assertEquals(message, JSON.parse(response.body()).getString("error"));
    }

    @Test
    void theServedSparqlEndpointSeesTheEntailmentsButNoRouteEvenAfterAQuestion() throws Exception {
        String query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + CustodyKg.INFERRED_GRAPH + "> { ?s ?p ?o } }";
        assertEquals(ENTAILMENTS, count(query));
        String routes = "SELECT (COUNT(?r) AS ?n) WHERE { GRAPH <" + CustodyKg.INFERRED_GRAPH + "> { ?r a <"
                + CustodyKg.ONTOLOGY_NS + "AccessRoute> } }";
        get("authority=Hong+Kong&service=iCloud&asOf=2020-07-07", "application/json");
        assertEquals(0, count(routes));
        assertEquals(ENTAILMENTS, count(query));
        String places = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + CustodyKg.INFERRED_GRAPH + "> { ?s <"
                + CustodyKg.ONTOLOGY_NS + "inJurisdiction> ?o } }";
        assertEquals(PLACES_IN_JURISDICTION, count(places));
        String dated = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + CustodyKg.INFERRED_GRAPH + "> { { ?r <"
                + CustodyKg.ONTOLOGY_NS + "asOf> ?d } UNION { ?r <" + CustodyKg.ONTOLOGY_NS + "routeStatus> ?s } } }";
        assertEquals(0, count(dated));
    }

    private static int count(String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "sparql"))
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(query)).build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return Integer.parseInt(JSON.parse(response.body()).getObj("results").get("bindings").getAsArray().get(0)
                .getAsObject().getObj("n").getString("value"));
    }

    private static HttpResponse<String> get(String query, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "access?" + query))
                .header("Accept", accept).timeout(Duration.ofSeconds(30)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

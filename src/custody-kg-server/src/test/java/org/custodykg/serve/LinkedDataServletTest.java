package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkedDataServletTest {
    static final String ICLOUD = CustodyKg.ID_BASE + "service/icloud";
    static final String CKG = CustodyKg.ONTOLOGY_NS;

    private static CustodyGraph graph;
    private static FusekiServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        graph = CustodyGraph.openDefault();
        server = LinkedData.over(graph).addTo(FusekiServer.create().port(0).loopback(true)).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        graph.close();
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(g);
        return g;
    }

    static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    static void assertDescribesICloud(Graph g) {
        assertTrue(g.contains(uri(ICLOUD), RDFS.label.asNode(), NodeFactory.createLiteralLang("iCloud", "en")), "own triple");
        assertTrue(g.contains(uri(ICLOUD), uri(CKG + "providedBy"), uri(CustodyKg.ID_BASE + "organisation/apple")), "own link");
        Node fact = uri(CustodyKg.ID_BASE + "fact/key-custody-icloud-hong-kong");
        assertTrue(g.contains(fact, uri(CKG + "service"), uri(ICLOUD)), "incoming link");
        assertTrue(g.contains(fact, uri(CKG + "source"), uri(CustodyKg.ID_BASE + "source/bbc-2020-07-07-hong-kong-data-pause")),
                "the incoming fact's source");
        assertEquals(1, g.find(fact, uri(CKG + "evidence"), Node.ANY).toList().size(), "the incoming fact's evidence");
    }

    @ParameterizedTest
    @CsvSource({
        "text/turtle, text/turtle, ttl, TURTLE",
        "application/ld+json, application/ld+json, jsonld, JSONLD",
        "application/rdf+xml, application/rdf+xml, rdf, RDFXML",
        "application/n-triples, application/n-triples, nt, NTRIPLES",
        "'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', text/html, html, ",
        "'*/*', text/turtle, ttl, TURTLE",
        "'application/rdf+xml;q=0.5, application/ld+json', application/ld+json, jsonld, JSONLD",
    })
    void theEntityIriAnswersEveryMediaTypeByNegotiation(String accept, String type, String suffix, String lang)
            throws Exception {
        HttpResponse<String> r = get("/id/service/icloud", accept);
        assertEquals(200, r.statusCode());
        assertEquals(type + ";charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        assertEquals(Optional.of("Accept"), r.headers().firstValue("Vary"));
        assertEquals(Optional.of("/id/service/icloud." + suffix), r.headers().firstValue("Content-Location"));
        assertTrue(r.headers().firstValue("Link").orElseThrow()
                .contains("</id/service/icloud.jsonld>; rel=\"alternate\"; type=\"application/ld+json\""));
        if (lang == null) {
            assertTrue(r.body().contains("<h1 id=\"label\">iCloud</h1>"), r.body());
        } else {
            assertDescribesICloud(parse(r.body(), org.apache.jena.riot.RDFLanguages.nameToLang(
                    switch (lang) { case "TURTLE" -> "Turtle"; case "JSONLD" -> "JSON-LD"; case "RDFXML" -> "RDF/XML"; default -> "N-Triples"; })));
        }
    }

    @ParameterizedTest
    @CsvSource({"ttl, text/turtle", "jsonld, application/ld+json", "rdf, application/rdf+xml",
        "nt, application/n-triples", "html, text/html"})
    void aSuffixPicksTheFormatWhateverTheAcceptHeader(String suffix, String type) throws Exception {
        HttpResponse<String> r = get("/id/service/icloud." + suffix, "application/pdf");
        assertEquals(200, r.statusCode());
        assertEquals(type + ";charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        assertEquals(Optional.empty(), r.headers().firstValue("Vary"));
    }

    @Test
    void anUnknownEntityIs404() throws Exception {
        HttpResponse<String> r = get("/id/service/no-such-service", "text/turtle");
        assertEquals(404, r.statusCode());
        assertEquals("the graph says nothing about <" + CustodyKg.ID_BASE + "service/no-such-service>", Http.error(r, "not-found"));
        assertEquals(404, get("/id/service/no-such-service.ttl", null).statusCode());
    }

    @Test
    void anUnsupportedAcceptIs406() throws Exception {
        HttpResponse<String> r = get("/id/service/icloud", "application/pdf");
        assertEquals(406, r.statusCode());
        assertEquals(Optional.of("Accept"), r.headers().firstValue("Vary"));
    }

    @Test
    void aBadPageNumberIs400() throws Exception {
        HttpResponse<String> r = get("/id/service/icloud?page=-2", "text/turtle");
        assertEquals(400, r.statusCode());
        assertEquals("page: expected a whole number from 0, but got '-2'", Http.error(r, "bad-argument"));
    }

    @Test
    void jsonLdUsesTheProjectsShortKeys() throws Exception {
        JsonObject doc = JSON.parse(get("/id/service/icloud.jsonld", null).body());
        JsonObject icloud = doc.get("@graph").getAsArray().stream().map(v -> v.getAsObject())
                .filter(o -> o.get("id").getAsString().value().equals("service/icloud")).findFirst().orElseThrow();
        assertEquals("iCloud", icloud.get("label").getAsString().value());
        assertEquals("organisation/apple", icloud.get("providedBy").getAsString().value());
        assertEquals(List.of("schema:Service", "Service"), icloud.get("type").getAsArray().stream()
                .map(t -> t.getAsString().value()).toList());
    }

    @Test
    void theHtmlPageLinksLocallyAndQuotesItsSources() throws Exception {
        String html = get("/id/service/icloud.html", null).body();
        assertTrue(html.contains("<a href=\"/id/organisation/apple\">Apple</a>"), html);
        assertTrue(html.contains("<a href=\"/id/fact/key-custody-icloud-hong-kong\">Apple holds the keys to Hong Kong users&#39; iCloud data, in the United States</a>"), html);
        assertTrue(html.contains("<blockquote>the firm does hold encryption keys to data stored in users&#39; iCloud accounts"), html);
        assertTrue(html.contains("<code id=\"iri\">" + ICLOUD + "</code>"), html);
    }

    @Test
    void theOntologyIriAnswersWithTheOntology() throws Exception {
        HttpResponse<String> ttl = get("/ontology", "text/turtle");
        assertEquals(200, ttl.statusCode());
        Graph expected = Txn.calculateRead(graph.dataset(),
                () -> {
                    Graph copy = GraphFactory.createDefaultGraph();
                    graph.dataset().getNamedModel(CustodyKg.ONTOLOGY_GRAPH).getGraph().find().forEachRemaining(copy::add);
                    return copy;
                });
        assertTrue(expected.isIsomorphicWith(parse(ttl.body(), Lang.TURTLE)));
        String html = get("/ontology", "text/html").body();
        assertTrue(html.contains("<section id=\"KeyCustody\"><h3>key custody <code>ckg:KeyCustody</code></h3>"), html);
        assertEquals(200, get("/ontology.ttl", null).statusCode());
        Graph term = parse(get("/ontology/keyHolder", "text/turtle").body(), Lang.TURTLE);
        assertTrue(term.contains(uri(CKG + "keyHolder"), RDFS.range.asNode(), uri(CKG + "Agent")));
    }

    @Test
    void theContextIsPublishedAtAStableUrl() throws Exception {
        HttpResponse<String> r = get("/ontology/context.jsonld", null);
        assertEquals(200, r.statusCode());
        assertEquals("application/ld+json;charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        assertEquals(CustodyGraph.jsonLdContext(), r.body());
    }

    @Test
    void textFromTheDataIsEscapedInHtml(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("evil.ttl"), """
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/custody-kg/id/service/evil> rdfs:label "<script>alert('x')</script> & co"@en .
                """);
        try (CustodyGraph evil = CustodyGraph.openDirectory(dir, CustodyGraph.Options.trusted())) {
            FusekiServer other = LinkedData.over(evil).addTo(FusekiServer.create().port(0).loopback(true)).build().start();
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + other.getPort() + "/id/service/evil.html")).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(r.body().contains("<h1 id=\"label\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</h1>"), r.body());
                assertFalse(r.body().contains("<script>"));
            } finally {
                other.stop();
            }
        }
    }

    @Test
    void voidCountsAreTheRealCounts() throws Exception {
        HttpResponse<String> r = get("/.well-known/void", "text/turtle");
        assertEquals(200, r.statusCode());
        Graph v = parse(r.body(), Lang.TURTLE);
        String voidNs = "http://rdfs.org/ns/void#";
        Node self = uri(CustodyKg.BASE + ".well-known/void#custody-kg");
        assertEquals(List.of("3183"), objects(v, self, voidNs + "triples"));
        long[] sizes = Txn.calculateRead(graph.dataset(), () -> new long[] {
            graph.dataset().getNamedModel(CustodyKg.ONTOLOGY_GRAPH).size(),
            graph.dataset().getNamedModel(CustodyKg.SOURCES_GRAPH).size(),
            graph.dataset().getNamedModel(CustodyKg.sourceGraph("bbc-2020-07-07-hong-kong-data-pause")).size()});
        assertEquals(List.of(1411L, 125L, 677L), List.of(sizes[0], sizes[1], sizes[2]));
        assertEquals(List.of(Long.toString(sizes[0])), objects(v, uri(CustodyKg.BASE + ".well-known/void#ontology"), voidNs + "triples"));
        assertEquals(List.of(Long.toString(sizes[1])), objects(v, uri(CustodyKg.BASE + ".well-known/void#sources"), voidNs + "triples"));
        assertEquals(List.of(Long.toString(sizes[2])), objects(v, uri(CustodyKg.BASE
                + ".well-known/void#source-bbc-2020-07-07-hong-kong-data-pause"), voidNs + "triples"));
        // absolute URLs come from the public base, not from the Host the request was sent to
        assertEquals(List.of(CustodyKg.BASE + "sparql"), objects(v, self, voidNs + "sparqlEndpoint"));
        assertEquals(List.of("https://creativecommons.org/licenses/by/4.0/"), objects(v, self, "http://purl.org/dc/terms/license"));
        // every source document, the first source and the fifteen of issue 16
        List<String> documents;
        try (Stream<Path> folders = Files.list(Path.of("data"))) {
            documents = folders.filter(Files::isDirectory).map(f -> CustodyKg.ID_BASE + "source/" + f.getFileName()).sorted().toList();
        }
        assertEquals(16, documents.size());
        assertEquals(documents,
                objects(v, self, "http://purl.org/dc/terms/source").stream().sorted().toList());
        List<String> dumps = objects(v, self, voidNs + "dataDump");
        assertEquals(List.of("jsonld", "nq", "nt", "rdf", "trig", "ttl").stream().map(ext -> CustodyKg.BASE + "dumps/custody-kg." + ext)
                .toList(), dumps);
        HttpResponse<String> nq = get("/dumps/custody-kg.nq", null);
        assertEquals(200, nq.statusCode());
        assertEquals(3183, nq.body().lines().count());
        assertEquals(404, get("/dumps/custody-kg.xml", null).statusCode());
    }

    @Test
    void theVoidDescriptionIsAPageForABrowserAndDataForASuffix() throws Exception {
        HttpResponse<String> page = get("/.well-known/void.html", null);
        assertEquals(200, page.statusCode());
        assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase());
        assertTrue(page.body().contains("<tr><th>Triples</th><td>3183</td></tr>"), page.body());
        assertEquals(page.body(), get("/.well-known/void", "text/html").body());
        HttpResponse<String> turtle = get("/.well-known/void.ttl", "text/html");
        assertEquals(200, turtle.statusCode());
        assertEquals(List.of("3183"), objects(parse(turtle.body(), Lang.TURTLE), uri(CustodyKg.BASE + ".well-known/void#custody-kg"),
                "http://rdfs.org/ns/void#triples"));
    }

    static List<String> objects(Graph g, Node s, String p) {
        return g.find(s, uri(p), Node.ANY).mapWith(t -> t.getObject().isURI() ? t.getObject().getURI()
                : t.getObject().getLiteralLexicalForm()).toList().stream().sorted().toList();
    }

    @Test
    void incomingLinksArePaginatedByAHundred(@TempDir Path dir) throws Exception {
        StringBuilder ttl = new StringBuilder("@prefix ckg: <https://w3id.org/custody-kg/ontology#> .\n"
                + "<https://w3id.org/custody-kg/id/place/hub> a ckg:Place .\n");
        for (int i = 0; i < 150; i++) {
            ttl.append("<https://w3id.org/custody-kg/id/fact/f").append(1000 + i)
                    .append("> ckg:usersIn <https://w3id.org/custody-kg/id/place/hub> .\n");
        }
        Files.writeString(dir.resolve("many.ttl"), ttl);
        try (CustodyGraph many = CustodyGraph.openDirectory(dir, CustodyGraph.Options.trusted())) {
            FusekiServer other = LinkedData.over(many).addTo(FusekiServer.create().port(0).loopback(true)).build().start();
            try {
                String base = "http://127.0.0.1:" + other.getPort() + "/id/place/hub";
                HttpResponse<String> first = HTTP.send(HttpRequest.newBuilder(URI.create(base)).header("Accept", "text/turtle").build(),
                        HttpResponse.BodyHandlers.ofString());
                Node hub = uri(CustodyKg.ID_BASE + "place/hub");
                assertEquals(100, parse(first.body(), Lang.TURTLE).find(Node.ANY, uri(CKG + "usersIn"), hub).toList().size());
                assertTrue(first.headers().allValues("Link").contains("</id/place/hub?page=1>; rel=\"next\""),
                        first.headers().allValues("Link").toString());
                HttpResponse<String> second = HTTP.send(HttpRequest.newBuilder(URI.create(base + ".ttl?page=1")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(50, parse(second.body(), Lang.TURTLE).find(Node.ANY, uri(CKG + "usersIn"), hub).toList().size());
                assertFalse(second.headers().allValues("Link").stream().anyMatch(l -> l.contains("rel=\"next\"")));
            } finally {
                other.stop();
            }
        }
    }

    @Test
    void anotherPublicBaseIsAnsweredAtTheSamePaths(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("other.ttl"), """
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://example.org/kg/id/thing/a> rdfs:label "A"@en ; rdfs:seeAlso <https://example.org/kg/id/thing/b> .
                <https://example.org/kg/id/thing/b> rdfs:label "B"@en .
                """);
        try (CustodyGraph other = CustodyGraph.openDirectory(dir, CustodyGraph.Options.trusted())) {
            assertEquals("publicBase: expected an IRI ending in '/', but got https://example.org/kg",
                    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                            () -> LinkedData.over(other, "https://example.org/kg")).getMessage());
            FusekiServer s = LinkedData.over(other, "https://example.org/kg/")
                    .addTo(FusekiServer.create().port(0).loopback(true)).build().start();
            try {
                String base = "http://127.0.0.1:" + s.getPort() + "/id/thing/a";
                Graph g = parse(HTTP.send(HttpRequest.newBuilder(URI.create(base + ".ttl")).build(),
                        HttpResponse.BodyHandlers.ofString()).body(), Lang.TURTLE);
                assertTrue(g.contains(uri("https://example.org/kg/id/thing/a"), RDFS.seeAlso.asNode(), uri("https://example.org/kg/id/thing/b")));
                String html = HTTP.send(HttpRequest.newBuilder(URI.create(base + ".html")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(html.contains("<a href=\"/id/thing/b\">B</a>"), html);
            } finally {
                s.stop();
            }
        }
    }
}

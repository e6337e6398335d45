package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.custodykg.CustodyGraph;
import org.custodykg.SearchHit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /search}, the listings under {@code /id/} and the names offered for a name that matches nothing, over HTTP, in memory and on a TDB2 store. */
class SearchServletTest {
    @RegisterExtension
    static final ServedGraph MEMORY = ServedGraph.ofDefault();
    @RegisterExtension
    static final ServedGraph STORE = ServedGraph.onStore();
    /** The answers the library gives, to compare the server's with. */
    private static final CustodyGraph API = CustodyGraph.openDefault();

    static Stream<ServedGraph> served() {
        return Stream.of(MEMORY, STORE);
    }

    @AfterAll
    static void close() {
        API.close();
    }

    @ParameterizedTest
    @MethodSource("served")
    void jsonIsTheLibrarysTableByAcceptOrFormat(ServedGraph served) {
        String expected = SearchHit.table(API.search("iclou", Optional.empty(), 20)).toJson();
        HttpResponse<String> byFormat = served.http().get("search?q=iclou&format=json", null);
        assertEquals(200, byFormat.statusCode());
        assertEquals("application/json;charset=utf-8", byFormat.headers().firstValue("Content-Type").orElse(""));
        assertEquals(expected, byFormat.body());
        assertEquals(expected, served.http().get("search?q=iclou", "application/json").body());
        assertEquals(SearchHit.table(API.search("apple", Optional.of("service"), 2)).toJson(),
                served.http().get("search?q=apple&type=service&limit=2&format=json", null).body());
        assertEquals(2, JSON.parse(served.http().get("search?q=apple&type=service&limit=2&format=json", null).body())
                .getObj("results").get("bindings").getAsArray().size());
    }

    @ParameterizedTest
    @MethodSource("served")
    void thePageLinksEachHitToItsPage(ServedGraph served) {
        HttpResponse<String> page = served.http().get("search?q=iclou", "text/html");
        assertEquals(200, page.statusCode());
        assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
        String body = page.body();
        assertTrue(body.contains("<ol id=\"hits\">\n<li><a href=\"/id/service/icloud\">iCloud</a> <span class=\"types\">ckg:Service</span></li>\n"
                + "<li><a href=\"/id/place/icloud-mainland-china-data-centre\">iCloud data centre in mainland China</a>"), body);
        // the box shows the words searched for
        assertTrue(body.contains("name=\"q\" id=\"search-box\" aria-label=\"Search the graph\" value=\"iclou\""), body);
        HttpResponse<String> none = served.http().get("search?q=%3Cb%3EZQX", "text/html");
        assertTrue(none.body().contains("<p id=\"no-hits\">Nothing in the graph matches &#39;&lt;b&gt;ZQX&#39;.</p>"), none.body());
        // every page has the box
        assertTrue(served.http().get("id/service/icloud", "text/html").body()
                .contains("<form class=\"search\" role=\"search\" action=\"/search\">"));
    }

    @ParameterizedTest
    @MethodSource("served")
    void badInputIsA400NamingTheParameter(ServedGraph served) {
        assertBadRequest(served, "search", "q", "q: expected words to search for, but got nothing");
        assertBadRequest(served, "search?q=+", "q", "q: expected words to search for, but got nothing");
        assertBadRequest(served, "search?q=" + "a".repeat(501), "q", "q: expected at most 500 characters, but got 501");
        assertBadRequest(served, "search?q=iCloud&type=gadget", "type",
                "type: no owl:Class is called 'gadget' (expected a name, an alternative name or an IRI of an entity of class owl:Class)");
        assertBadRequest(served, "search?q=iCloud&limit=many", "limit", "limit: expected a whole number from 1 to 1000, but got 'many'");
        assertBadRequest(served, "search?q=iCloud&limit=0", "limit", "limit: expected a whole number from 1 to 1000, but got 0");
        // query syntax is only words
        assertEquals(200, served.http().get("search?q=" + Http.encode("\") } UNION { ?s ?p ?o } title:(*"), null).statusCode());
    }

    @ParameterizedTest
    @MethodSource("served")
    void nameErrorsOfferTheClosestNames(ServedGraph served) {
        assertBadRequest(served, "ask/key-custody?service=iclou", "service", "service: no ckg:Service is called 'iclou'; did you mean: iCloud?");
        assertBadRequest(served, "ask/stances?firm=Apple+Inc", "firm", "firm: no ckg:Organisation is called 'Apple Inc'; did you mean: Apple?");
    }

    @ParameterizedTest
    @MethodSource("served")
    void theListingsGoByKindAndLabel(ServedGraph served) {
        JsonObject kinds = JSON.parse(served.http().get("id/", "application/json").body());
        assertEquals("{ \"kind\" : \"service\" , \"count\" : 11 , \"href\" : \"/id/service/\" }",
                kinds.get("kinds").getAsArray().get(8).toString().replaceAll("\\s+", " ").strip());
        assertEquals(11, kinds.get("kinds").getAsArray().size());
        JsonObject services = JSON.parse(served.http().get("id/service/?format=json", null).body());
        assertEquals(11, services.get("count").getAsNumber().value().intValue());
        assertEquals(List.of("Douyin", "Facebook social network", "FaceTime", "iCloud", "Instagram", "LinkedIn", "Messages",
                "Office 365", "TikTok", "WhatsApp", "Zoom"),
                services.get("entities").getAsArray().stream().map(e -> e.getAsObject().getString("label")).toList());
        assertEquals("/id/service/icloud", services.get("entities").getAsArray().get(3).getAsObject().getString("href"));
        String page = served.http().get("id/service/", "text/html").body();
        assertTrue(page.contains("<p id=\"count\">11 entities</p>\n<ol id=\"entities\" start=\"1\">\n"
                + "<li><a href=\"/id/service/douyin\">Douyin</a></li>\n"), page);
        assertTrue(served.http().get("id/", "text/html").body().contains("<li><a href=\"/id/law/\">law</a> (2)</li>"));
        HttpResponse<String> unknown = served.http().get("id/gadget/", null);
        assertEquals(404, unknown.statusCode());
        assertEquals("kind: no entity is of kind 'gadget'; expected one of attestation, fact, group, law, organisation, person, place, report,"
                + " service, source, statement", Http.error(unknown, "not-found"));
        assertBadRequest(served, "id/service/?page=1", "page", "page: expected a whole number from 0 to 0, but got '1'");
    }

    private static void assertBadRequest(ServedGraph served, String path, String parameter, String message) {
        HttpResponse<String> response = served.http().get(path, null);
        assertEquals(400, response.statusCode(), path);
        assertEquals(message, Http.error(response, "bad-argument"));
        assertEquals(parameter, JSON.parse(response.body()).getString("parameter"));
    }
}

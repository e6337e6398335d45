package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every protocol variant and result format of the endpoint, against exact answers. */
class SparqlProtocolTest {
    static final String ID = "https://w3id.org/custody-kg/id/";
    static final String ICLOUD = ID + "service/icloud";
    static final String PREFIXES = "PREFIX ckg: <https://w3id.org/custody-kg/ontology#>\n"
            + "PREFIX service: <" + ID + "service/>\n";
    /** The key-custody question for iCloud, as SPARQL 1.1 CSV (CRLF line ends). */
    static final String KEY_CUSTODY_CSV =
            "service,serviceLabel,dataCategoryLabel,usersIn,usersInLabel,encryptionLabel,keyHolder,keyHolderLabel,"
            + "keysStoredIn,keysStoredInLabel,fact\r\n"
            + ICLOUD + ",iCloud,cloud account data," + ID + "place/hong-kong,Hong Kong,encryption with provider-held keys,"
            + ID + "organisation/apple,Apple," + ID + "place/united-states,United States,"
            + ID + "fact/key-custody-icloud-hong-kong\r\n";
    static final String KEY_CUSTODY_TSV =
            "?service\t?serviceLabel\t?dataCategoryLabel\t?usersIn\t?usersInLabel\t?encryptionLabel\t?keyHolder\t"
            + "?keyHolderLabel\t?keysStoredIn\t?keysStoredInLabel\t?fact\n"
            + "<" + ICLOUD + ">\t\"iCloud\"\t\"cloud account data\"\t<" + ID + "place/hong-kong>\t\"Hong Kong\"\t"
            + "\"encryption with provider-held keys\"\t<" + ID + "organisation/apple>\t\"Apple\"\t<" + ID
            + "place/united-states>\t\"United States\"\t<" + ID + "fact/key-custody-icloud-hong-kong>\n";
    static final String KEY_CUSTODY_JSON = """
            { "head": { "vars": [ "service", "serviceLabel", "dataCategoryLabel", "usersIn", "usersInLabel",
                  "encryptionLabel", "keyHolder", "keyHolderLabel", "keysStoredIn", "keysStoredInLabel", "fact" ] },
              "results": { "bindings": [ {
                "service": { "type": "uri", "value": "https://w3id.org/custody-kg/id/service/icloud" },
                "serviceLabel": { "type": "literal", "value": "iCloud" },
                "dataCategoryLabel": { "type": "literal", "value": "cloud account data" },
                "usersIn": { "type": "uri", "value": "https://w3id.org/custody-kg/id/place/hong-kong" },
                "usersInLabel": { "type": "literal", "value": "Hong Kong" },
                "encryptionLabel": { "type": "literal", "value": "encryption with provider-held keys" },
                "keyHolder": { "type": "uri", "value": "https://w3id.org/custody-kg/id/organisation/apple" },
                "keyHolderLabel": { "type": "literal", "value": "Apple" },
                "keysStoredIn": { "type": "uri", "value": "https://w3id.org/custody-kg/id/place/united-states" },
                "keysStoredInLabel": { "type": "literal", "value": "United States" },
                "fact": { "type": "uri", "value": "https://w3id.org/custody-kg/id/fact/key-custody-icloud-hong-kong" }
              } ] } }
            """;
    static final String KEY_HOLDER_CONSTRUCT = PREFIXES
            + "CONSTRUCT { ?fact ckg:keyHolder ?holder } WHERE { ?fact a ckg:KeyCustody ; ckg:service service:icloud ;"
            + " ckg:keyHolder ?holder }";
    static final String KEY_HOLDER_NTRIPLES = "<" + ID + "fact/key-custody-icloud-hong-kong> "
            + "<https://w3id.org/custody-kg/ontology#keyHolder> <" + ID + "organisation/apple> .\n";

    @RegisterExtension
    static final ServedGraph SERVED = ServedGraph.ofDefault();
    static final CustodyGraph graph = SERVED.graph();
    static final CustodyServer server = SERVED.server();
    static final Http http = SERVED.http();


    /** The key-custody question's own query, with ?service fixed to iCloud by a VALUES block. */
    static String keyCustodySparql(CustodyGraph graph) {
        Query query = graph.question("key-custody").query().cloneQuery();
        Var service = Var.alloc("service");
        query.setValuesDataBlock(List.of(service), List.of(BindingFactory.binding(service, NodeFactory.createURI(ICLOUD))));
        return query.serialize();
    }

    @Test
    void startsOnLoopbackAndSaysWhere() {
        assertEquals("http://127.0.0.1:" + server.port() + "/", server.url());
    }

    @Test
    void isNotReachableFromTheMachinesOtherAddresses() throws Exception {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            face.inetAddresses().filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).forEach(others::add);
        }
        Assumptions.assumeFalse(others.isEmpty(), "this machine has no address other than loopback");
        for (InetAddress address : others) {
            assertThrows(ConnectException.class, () -> new Socket(address, server.port()).close(), address.toString());
        }
        new Socket(InetAddress.getLoopbackAddress(), server.port()).close();
    }

    @Test
    void askAnswersKeyCustodyAsJsonCsvTsvAndXml() {
        HttpResponse<String> json = http.get("ask/key-custody?service=iCloud", WebContent.contentTypeResultsJSON);
        assertEquals(200, json.statusCode());
        assertEquals("application/sparql-results+json;charset=utf-8", json.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(JSON.parseAny(KEY_CUSTODY_JSON), JSON.parseAny(json.body()));

        assertEquals(KEY_CUSTODY_CSV, http.get("ask/key-custody?service=iCloud&format=csv", null).body());
        assertEquals(KEY_CUSTODY_CSV, http.get("ask/key-custody?service=iCloud", "text/csv").body());
        assertEquals(KEY_CUSTODY_TSV, http.get("ask/key-custody?service=iCloud&format=tsv", null).body());
        assertEquals(KEY_CUSTODY_TSV, http.get("ask/key-custody?service=Apple%20iCloud", "text/tab-separated-values").body());

        HttpResponse<String> xml = http.get("ask/key-custody?service=icloud&format=xml", null);
        assertEquals("application/sparql-results+xml;charset=utf-8", xml.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(KEY_CUSTODY_CSV, csvOf(xml.body(), ResultSetLang.RS_XML));
    }

    @Test
    void askAnswersAGraphQuestionInEachRdfFormat() {
        Graph expected = graph.ask("describe", Map.of("entity", "iCloud")).graph().getGraph();
        for (String[] format : new String[][] {{"ttl", "TTL"}, {"nt", "N-TRIPLES"}, {"jsonld", "JSON-LD"}, {"rdf", "RDF/XML"}}) {
            HttpResponse<String> response = http.get("ask/describe?entity=iCloud&format=" + format[0], null);
            assertEquals(200, response.statusCode(), format[0]);
            Graph answer = parse(response.body(), format[1]);
            assertEquals(expected.size(), answer.size(), format[0]);
            assertTrue(expected.isIsomorphicWith(answer), format[0]);
        }
    }

    @Test
    void askRefusesUnknownQuestionsAndBadValuesWithTheMessage() {
        HttpResponse<String> unknown = http.get("ask/who-knows", null);
        assertEquals(404, unknown.statusCode());
        assertEquals("Unknown question 'who-knows'. Known questions: blocked-services, conflicts, corroboration, describe, holdings, key-custody,"
                + " legal-channel, market-exits, operators, requests-over-time, requests-received, sources, stances, storage, transparency", Http.error(unknown, "bad-argument"));

        HttpResponse<String> noSuchService = http.get("ask/key-custody?service=nowhere", null);
        assertEquals(400, noSuchService.statusCode());
        assertEquals("service: no ckg:Service is called 'nowhere' (expected a name, an alternative name or an IRI of an"
                + " entity of class ckg:Service)", Http.error(noSuchService, "bad-argument"));

        HttpResponse<String> ambiguous = http.get("ask/describe?entity=Zoom", null);
        assertEquals(400, ambiguous.statusCode());
        assertEquals("entity: the name 'Zoom' is ambiguous; it could mean: organisation:zoom (Zoom), service:zoom (Zoom)",
                Http.error(ambiguous, "bad-argument"));

        HttpResponse<String> badFormat = http.get("ask/key-custody?service=iCloud&format=pdf", null);
        assertEquals(400, badFormat.statusCode());
        assertEquals("format: expected one of json, xml, csv, tsv, text (table, txt), ttl (turtle), nt (n-triples, ntriples), jsonld (json-ld), rdf (rdf/xml, rdfxml), but got 'pdf'", Http.error(badFormat, "bad-argument"));

        HttpResponse<String> twice = http.get("ask/key-custody?service=iCloud&service=Skype", null);
        assertEquals(400, twice.statusCode());
        assertEquals("service: expected one value, got 2", Http.error(twice, "bad-argument"));
    }

    @Test
    void askListsTheQuestionsForThePage() {
        HttpResponse<String> list = http.get("ask", null);
        assertEquals(200, list.statusCode());
        List<String> names = new ArrayList<>();
        JSON.parseAny(list.body()).getAsArray().forEach(q -> names.add(q.getAsObject().getString("name")));
        assertEquals(graph.questions().stream().map(q -> q.name()).toList(), names);
    }

    @Test
    void sparqlGetAnswersTheSameAsTheNamedQuestionInEveryTableFormat() {
        String sparql = keyCustodySparql(graph);
        assertEquals(KEY_CUSTODY_CSV, http.query(sparql, "text/csv").body());
        assertEquals(KEY_CUSTODY_TSV, http.query(sparql, "text/tab-separated-values").body());
        HttpResponse<String> json = http.query(sparql, WebContent.contentTypeResultsJSON);
        assertEquals(JSON.parseAny(KEY_CUSTODY_JSON), JSON.parseAny(json.body()));
        assertEquals(KEY_CUSTODY_CSV, csvOf(http.query(sparql, WebContent.contentTypeResultsXML).body(), ResultSetLang.RS_XML));
    }

    @Test
    void sparqlPostFormAndPostQueryBodyAnswerTheSame() {
        String sparql = keyCustodySparql(graph);
        HttpResponse<String> form = http.send("POST", "sparql", WebContent.contentTypeHTMLForm,
                "query=" + Http.encode(sparql), "text/csv");
        assertEquals(200, form.statusCode());
        assertEquals(KEY_CUSTODY_CSV, form.body());
        HttpResponse<String> body = http.send("POST", "sparql", WebContent.contentTypeSPARQLQuery, sparql, "text/csv");
        assertEquals(200, body.statusCode());
        assertEquals(KEY_CUSTODY_CSV, body.body());
    }

    @Test
    void askQueriesAnswerInEachTableFormat() {
        String yes = PREFIXES + "ASK { service:icloud a ckg:Service }";
        String no = PREFIXES + "ASK { service:icloud a ckg:Place }";
        assertEquals(JSON.parseAny("{ \"head\": {}, \"boolean\": true }"),
                JSON.parseAny(http.query(yes, WebContent.contentTypeResultsJSON).body()));
        assertEquals(JSON.parseAny("{ \"head\": {}, \"boolean\": false }"),
                JSON.parseAny(http.query(no, WebContent.contentTypeResultsJSON).body()));
        assertTrue(http.query(yes, WebContent.contentTypeResultsXML).body().contains("<boolean>true</boolean>"));
        assertEquals("_askResult\r\ntrue\r\n", http.query(yes, "text/csv").body());
        assertEquals("?_askResult\ntrue\n", http.query(yes, "text/tab-separated-values").body());
    }

    @Test
    void constructAnswersInEachRdfFormat() {
        Graph expected = parse(KEY_HOLDER_NTRIPLES, "N-TRIPLES");
        HttpResponse<String> ntriples = http.query(KEY_HOLDER_CONSTRUCT, WebContent.contentTypeNTriples);
        assertEquals(200, ntriples.statusCode());
        assertEquals(KEY_HOLDER_NTRIPLES, ntriples.body());
        for (String[] format : new String[][] {{WebContent.contentTypeTurtle, "TTL"},
                {WebContent.contentTypeJSONLD, "JSON-LD"}, {WebContent.contentTypeRDFXML, "RDF/XML"}}) {
            HttpResponse<String> response = http.query(KEY_HOLDER_CONSTRUCT, format[0]);
            assertEquals(200, response.statusCode(), format[0]);
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith(format[0]), format[0]);
            assertTrue(expected.isIsomorphicWith(parse(response.body(), format[1])), format[0]);
        }
    }

    @Test
    void describeAnswersTheEntitysTriples() {
        String describe = "DESCRIBE <" + ID + "organisation/apple>";
        Graph expected = graph.sparql(describe).graph().getGraph();
        Graph answer = parse(http.query(describe, WebContent.contentTypeTurtle).body(), "TTL");
        assertEquals(expected.size(), answer.size());
        assertTrue(expected.isIsomorphicWith(answer));
    }

    @Test
    void graphStoreReadsTheDefaultAndEachNamedGraph() {
        HttpResponse<String> all = http.get("data?default", WebContent.contentTypeNTriples);
        assertEquals(200, all.statusCode());
        Graph defaultGraph = Txn.calculateRead(graph.dataset(), () -> copy(graph.dataset().asDatasetGraph().getDefaultGraph()));
        assertTrue(defaultGraph.isIsomorphicWith(parse(all.body(), "N-TRIPLES")));

        List<String> names = Txn.calculateRead(graph.dataset(), () -> {
            List<String> found = new ArrayList<>();
            graph.dataset().listNames().forEachRemaining(found::add);
            return found;
        });
        assertTrue(names.contains(CustodyKg.SOURCES_GRAPH), names.toString());
        for (String name : names) {
            HttpResponse<String> named = http.get("data?graph=" + Http.encode(name), WebContent.contentTypeTurtle);
            assertEquals(200, named.statusCode(), name);
            Graph expected = Txn.calculateRead(graph.dataset(),
                    () -> copy(graph.dataset().asDatasetGraph().getGraph(NodeFactory.createURI(name))));
            assertTrue(expected.isIsomorphicWith(parse(named.body(), "TTL")), name);
        }
    }

    @Test
    void malformedQueryGets400WithLineAndColumn() {
        HttpResponse<String> response = http.query("SELECT * WHERE {\n  ?s ?p \n}", WebContent.contentTypeResultsJSON);
        assertEquals(400, response.statusCode());
        assertEquals("Parse error: Encountered \" \"}\" \"} \"\" at line 3, column 1.\n", response.body().lines().findFirst().orElseThrow() + "\n");
    }

    @Test
    void readinessPageAndCors() {
        HttpResponse<String> health = http.get("health", null);
        assertEquals(200, health.statusCode());
        assertEquals("application/json;charset=utf-8", health.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("ok", org.apache.jena.atlas.json.JSON.parse(health.body()).getString("status"));
        assertEquals(200, http.get("$/ping", null).statusCode());

        HttpResponse<String> page = http.get("", null);
        assertEquals(200, page.statusCode());
        assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().contains("<title>custody-kg — query</title>"));
        assertEquals(404, http.get("web/secret.txt", null).statusCode());

        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(server.url() + "sparql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://example.org")
                .header("Access-Control-Request-Method", "POST"));
        assertEquals(204, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("GET, POST, HEAD, OPTIONS", preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow());
        assertEquals(Optional.empty(), preflight.headers().firstValue("Access-Control-Allow-Credentials"));
        HttpResponse<String> cross = http.send(HttpRequest.newBuilder(URI.create(server.url() + "ask/key-custody?format=csv"))
                .header("Origin", "http://example.org"));
        assertEquals("*", cross.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals(Optional.empty(), cross.headers().firstValue("Access-Control-Allow-Credentials"));
        assertEquals("nosniff", cross.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    static String csvOf(String body, Lang lang) {
        ResultSet rows = ResultSetMgr.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), lang);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultSetFormatter.outputAsCSV(out, rows);
        return out.toString(StandardCharsets.UTF_8);
    }

    static Graph parse(String body, String lang) {
        Graph result = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, RDFLanguages.nameToLang(lang)).parse(result);
        return result;
    }

    private static Graph copy(Graph source) {
        Graph result = GraphFactory.createDefaultGraph();
        source.find().forEachRemaining(result::add);
        return result;
    }
}

package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonValue;
import org.custodykg.Answer;
import org.custodykg.AnswerFormat;
import org.custodykg.CustodyGraph;
import org.custodykg.TestData;
import org.custodykg.load.Loader;
import org.custodykg.serve.CustodyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first source's statements, as the named questions and SPARQL answer them, are the same through every
 * way in: the Java API, {@code custody ask} / {@code custody sparql}, and {@code /ask} / {@code /sparql} of
 * the server, on the embedded graph and on a TDB2 store written by {@code custody load}. The library's own
 * test (SourceStatementsTest) pins every column in memory; this one pins which facts answer and that the
 * bytes agree everywhere. So does the one rule for names, and the error for a name with several meanings.
 */
class SourceStatementsEverywhereTest {
    private static final String ID = "https://w3id.org/custody-kg/id/";

    /** A question, its parameters in the order typed, and the facts that answer it, in the answer's order. */
    private record Case(String question, Map<String, String> parameters, List<String> facts) {
        String label() {
            return question + " " + parameters;
        }
    }

    private static Case ask(String question, String parameters, String... facts) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : parameters.isEmpty() ? new String[0] : parameters.split(";")) {
            map.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return new Case(question, map, List.of(facts));
    }

    private static final List<Case> CASES = List.of(
            ask("requests-received", "company=Apple", "requests-hong-kong-apple-content-since-the-law"),
            ask("requests-received", "company=Microsoft", "requests-hong-kong-microsoft-in-the-past"),
            ask("requests-received", "authority=Hong Kong", "requests-hong-kong-apple-content-since-the-law",
                    "requests-hong-kong-microsoft-in-the-past"),
            ask("stances", "firm=Zoom", "stance-zoom-monitoring-hong-kong", "stance-zoom-pause-hong-kong"),
            ask("stances", "firm=Bytedance", "stance-bytedance-no-douyin-hong-kong"),
            ask("stances", "", "stance-apple-assessment-hong-kong", "stance-apple-compliance-hong-kong",
                    "stance-bytedance-no-douyin-hong-kong", "stance-facebook-pause-hong-kong", "stance-google-pause-hong-kong",
                    "stance-linkedin-pause-hong-kong", "stance-microsoft-pause-hong-kong", "stance-telegram-pause-hong-kong",
                    "stance-tiktok-exit-hong-kong", "stance-tiktok-refusal-chinese-government", "stance-twitter-pause-hong-kong",
                    "stance-zoom-monitoring-hong-kong", "stance-zoom-pause-hong-kong"),
            ask("stances", "authority=Hong Kong", "stance-apple-assessment-hong-kong", "stance-apple-compliance-hong-kong",
                    "stance-facebook-pause-hong-kong", "stance-google-pause-hong-kong", "stance-linkedin-pause-hong-kong",
                    "stance-microsoft-pause-hong-kong", "stance-telegram-pause-hong-kong", "stance-twitter-pause-hong-kong",
                    "stance-zoom-pause-hong-kong"),
            ask("stances", "authority=China;firm=TikTok", "stance-tiktok-refusal-chinese-government"),
            ask("market-exits", "", "stance-tiktok-exit-hong-kong"),
            ask("operators", "region=mainland China", "operation-douyin-mainland-china", "operation-linkedin-mainland-china",
                    "operation-office-365-mainland-china"),
            ask("blocked-services", "region=mainland China", "availability-facebook-mainland-china",
                    "availability-google-mainland-china", "availability-telegram-mainland-china",
                    "availability-twitter-mainland-china", "availability-apple-mainland-china",
                    "availability-microsoft-mainland-china", "availability-zoom-mainland-china"),
            ask("legal-channel", "authority=Hong Kong authorities", "channel-hong-kong-apple-content"),
            ask("legal-channel", "authority=China", "channel-chinese-government-icloud-mainland-china",
                    "channel-hong-kong-apple-content"),
            ask("legal-channel", "company=LinkedIn", "channel-law-enforcement-linkedin"));

    /** The statements no named question asks for, as a reader would ask them in SPARQL: one row each. */
    private static final String STATED_ONLY = """
            PREFIX ckg: <https://w3id.org/custody-kg/ontology#>
            PREFIX law: <https://w3id.org/custody-kg/id/law/>
            SELECT ?fact ?about ?what ?words WHERE {
              { ?fact a ckg:Tie ; ckg:tieHolder ?about ; ckg:tiedTo ?what ; ckg:evidence ?words }
              UNION { ?fact a ckg:ServiceSubstitute ; ckg:substitute ?about ; ckg:substituteFor ?what ; ckg:likelihoodAsStated ?words }
              UNION { ?fact a ckg:PossibleConsequence ; ckg:region ?about ; ckg:namedRisk ?what ; ckg:conditionAsStated ?words }
              UNION { ?fact ckg:guidanceFrom ?what ; ckg:stanceHolder ?about ; ckg:evidence ?words }
              UNION { BIND (law:hong-kong-national-security-law AS ?fact) ?fact ckg:nameAsStated ?words ; ckg:nameStated ?what }
            } ORDER BY ?fact ?what ?words""";

    @TempDir
    static Path temp;
    private static Path store;
    private static CustodyGraph memory;
    private static CustodyGraph tdb2;
    private static CustodyServer memoryServer;
    private static CustodyServer tdb2Server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        store = temp.resolve("store");
        List<String> load = new ArrayList<>(List.of("load", "--store", store.toString()));
        Loader.rdfFiles(Path.of("data")).forEach(file -> load.add(file.toString()));
        assertEquals(0, CliTest.run(load.toArray(String[]::new)).exit());
        memory = CustodyGraph.openDefault();
        tdb2 = CustodyGraph.openStore(store);
        memoryServer = CustodyServer.builder(memory).port(0).build().start();
        tdb2Server = CustodyServer.builder(tdb2).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        memoryServer.stop();
        tdb2Server.stop();
        memory.close();
        tdb2.close();
    }

    private static String csv(Answer answer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnswerFormat.named("csv").write(answer, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String get(CustodyServer server, String path) throws Exception {
        return get(server, path, "*/*");
    }

    private static String get(CustodyServer server, String path, String accept) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Accept", accept)
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String[] cli(Case c, String... where) {
        List<String> args = new ArrayList<>(List.of("ask", c.question(), "--format", "csv"));
        c.parameters().forEach((name, value) -> args.addAll(List.of("--" + name, value)));
        args.addAll(List.of(where));
        return args.toArray(String[]::new);
    }

    @Test
    void everyStatementsQuestionAnswersTheSameFactsThroughEveryWayInOnBothStores() throws Exception {
        for (Case c : CASES) {
            String expected = csv(memory.ask(c.question(), c.parameters()));
            List<String> facts = memory.ask(c.question(), c.parameters()).table().rows().stream()
                    .map(row -> row.shortForm("fact")).toList();
            assertEquals(c.facts().stream().map(f -> "fact:" + f).toList(), facts, c.label());
            assertEquals(expected, csv(tdb2.ask(c.question(), c.parameters())), c.label() + " on TDB2");
            CliTest.assertRun(new CliTest.Run(0, expected, ""), CliTest.run(cli(c)));
            CliTest.assertRun(new CliTest.Run(0, expected, ""), CliTest.run(cli(c, "--store", store.toString())));
            String path = "ask/" + c.question() + "?" + query(c.parameters()) + (c.parameters().isEmpty() ? "" : "&") + "format=csv";
            assertEquals("200 " + expected, get(memoryServer, path), c.label() + " over HTTP");
            assertEquals("200 " + expected, get(tdb2Server, path), c.label() + " over HTTP on TDB2");
        }
    }

    @Test
    void theStatementsOnlySparqlReachesAreTheSameThroughEveryWayInOnBothStores() throws Exception {
        String expected = """
                fact,about,what,words\r
                %1$sfact/consequence-permanent-pauses-hong-kong,%1$splace/hong-kong,https://w3id.org/custody-kg/ontology#Ban,If the tech firms make their non-compliance policies permanent\r
                %1$sfact/consequence-permanent-pauses-hong-kong,%1$splace/hong-kong,https://w3id.org/custody-kg/ontology#Restrictions,If the tech firms make their non-compliance policies permanent\r
                %1$sfact/stance-zoom-monitoring-hong-kong,%1$sorganisation/zoom,%1$sorganisation/us-government,"We're actively monitoring the developments in Hong Kong SAR [Special Administrative Region], including any potential guidance from the US government."\r
                %1$sfact/substitute-douyin-for-tiktok-hong-kong,%1$sservice/douyin,%1$sservice/tiktok,could theoretically become a substitute\r
                %1$sfact/tie-zoom-china,%1$sorganisation/zoom,%1$splace/china,"The video chat provider Zoom is based in the US, but has ties to China."\r
                %1$slaw/hong-kong-national-security-law,,false,a new security law\r
                %1$slaw/hong-kong-national-security-law,,false,the new law\r
                """.formatted(ID);
        assertEquals(expected, csv(memory.sparql(STATED_ONLY)));
        assertEquals(expected, csv(tdb2.sparql(STATED_ONLY)), "on TDB2");
        CliTest.assertRun(new CliTest.Run(0, expected, ""), CliTest.run("sparql", "--format", "csv", STATED_ONLY));
        CliTest.assertRun(new CliTest.Run(0, expected, ""),
                CliTest.run("sparql", "--format", "csv", "--store", store.toString(), STATED_ONLY));
        String path = "sparql?query=" + URLEncoder.encode(STATED_ONLY, StandardCharsets.UTF_8) + "&format=csv";
        assertEquals("200 " + expected, get(memoryServer, path));
        assertEquals("200 " + expected, get(tdb2Server, path), "over HTTP on TDB2");
    }

    @Test
    void aNameWithSeveralMeaningsIsTheSameOneLineErrorOnTheCommandLineAndTheServer() throws Exception {
        Path repo = TestData.repositoryWithAmbiguousHongKong(temp.resolve("ambiguous"));
        String message = "the name 'Hong Kong' is ambiguous; it could mean: organisation:hong-kong-customs (Hong Kong),"
                + " place:hong-kong (Hong Kong) for all its authorities";
        CliTest.assertRun(CliTest.failed(2, "custody ask: --authority: " + message + "\n"),
                CliTest.run("ask", "stances", "--authority", "Hong Kong", "--data", repo.toString()));
        CliTest.assertRun(CliTest.failed(2, "custody access: --authority: " + message + "\n"),
                CliTest.run("access", "--authority", "Hong Kong", "--service", "iCloud", "--data", repo.toString()));
        try (CustodyGraph graph = CustodyGraph.openDirectory(repo, CustodyGraph.Options.trusted())) {
            CustodyServer server = CustodyServer.builder(graph).port(0).build().start();
            try {
                JsonValue json = JSON.parseAny("""
                        { "error": "authority: %s", "code": "bad-argument", "status": 400, "parameter": "authority",
                          "candidates": ["organisation:hong-kong-customs (Hong Kong)", "place:hong-kong (Hong Kong) for all its authorities"] }
                        """.formatted(message));
                for (String path : List.of("ask/stances?authority=Hong+Kong", "access?authority=Hong+Kong&service=iCloud")) {
                    String answer = get(server, path);
                    assertEquals("400", answer.substring(0, 3), path);
                    assertEquals(json, JSON.parseAny(answer.substring(4)), path);
                }
                assertEquals("400 authority: " + message + "\n", get(server, "ask/stances?authority=Hong+Kong", "text/plain"));
                assertEquals("400 authority: " + message + "\n", get(server, "access?authority=Hong+Kong&service=iCloud", "text/plain"));
            } finally {
                server.stop();
            }
        }
    }
}

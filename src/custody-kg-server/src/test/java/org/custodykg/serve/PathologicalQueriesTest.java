package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.custodykg.CustodyGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The query shapes that have stopped other SPARQL servers, each sent over real HTTP to a server with a
 * 2 s timeout over the repository's data (and a deliberately slow access rule, {@link SlowLayout}): each
 * is stopped, with 503 or the limit that applies first, while a probe query sent during it is answered.
 * How long each takes is measured by the bench, not here (BENCHMARKS.md).
 */
class PathologicalQueriesTest {
    private static final int MAX_ROWS = 100;
    /** What every door answers a request stopped by the timeout, /sparql included, when JSON or nothing it offers is asked for. */
    private static final String TIMED_OUT = """
            {\s
              "error" : "the question took longer than the server allows" ,
              "code" : "timeout" ,
              "status" : 503
            }""";
    @RegisterExtension
    static final ServedGraph SERVED = ServedGraph.of(
            CustodyGraph.openDirectory(SlowLayout.create(), CustodyGraph.Options.trusted()),
            settings -> settings.timeout(Duration.ofSeconds(2)).maxRows(MAX_ROWS));
    static final Http http = SERVED.http();

    /** Each query is far beyond any machine's two seconds (products of the 2,500 quads three times over). */
    static Stream<Arguments> pathological() {
        return Stream.of(
                sparql("cartesian product", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }", 503, TIMED_OUT),
                sparql("ORDER BY over a product", "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f } ORDER BY ?b ?d ?f LIMIT 10", 503, TIMED_OUT),
                sparql("GROUP_CONCAT over a product",
                        "SELECT (GROUP_CONCAT(DISTINCT STR(?b)) AS ?all) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }", 503, TIMED_OUT),
                sparql("nested property-path closures",
                        "SELECT (COUNT(*) AS ?n) WHERE { ?a (!<urn:none>|^!<urn:none>)* ?b . ?b (!<urn:none>/^!<urn:none>)* ?c }",
                        503, TIMED_OUT),
                sparql("backtracking regex (linear here: answered, not stopped)",
                        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER REGEX(CONCAT(STR(?o), \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"), \"^(a|aa)+$\") }",
                        200, "n\r\n0"),
                Arguments.of("a 4 MB token in a query", (Function<Http, RawHttp.Reply>) h -> RawHttp.send(SERVED.server().port(),
                        "POST /sparql", Map.of("Content-Type", "application/sparql-query", "Accept", "text/csv"),
                        "SELECT * WHERE { ?s ?p \"" + "a".repeat(4 << 20) + "\" }"),
                        413, "Request too large: the body is 4,194,331 bytes; this server accepts at most 100,000."),
                Arguments.of("DESCRIBE of every hub (cut at the row cap)", (Function<Http, RawHttp.Reply>) h -> RawHttp.Reply.of(h.query(
                        "DESCRIBE ?hub WHERE { ?s ?p ?hub }", "application/n-triples")), 200, null),
                Arguments.of("an expensive access question", (Function<Http, RawHttp.Reply>) h -> RawHttp.Reply.of(h.get(
                        "access?authority=Hong+Kong&service=iCloud&asOf=2020-07-07", "application/json")), 503, TIMED_OUT));
    }

    private static Arguments sparql(String name, String query, int status, String body) {
        return Arguments.of(name, (Function<Http, RawHttp.Reply>) h -> RawHttp.Reply.of(h.query(query, "text/csv")), status, body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathological")
    void isStoppedWhileAProbeIsAnswered(String name, Function<Http, RawHttp.Reply> request, int status, String body) {
        CompletableFuture<RawHttp.Reply> heavy = CompletableFuture.supplyAsync(() -> request.apply(http));
        // Not a timing assertion: a pause so that the heavy request is running when the probe arrives.
        pause(300);
        HttpResponse<String> probe = http.send(HttpRequest.newBuilder(URI.create(SERVED.server().url() + "sparql?query="
                + Http.encode("ASK {}"))).header("Accept", "text/plain"));
        assertEquals(200, probe.statusCode(), name);
        assertEquals("yes", probe.body().strip(), name);

        RawHttp.Reply stopped = heavy.join();
        assertEquals(status, stopped.status(), name + ": " + stopped.body());
        if (body != null) {
            assertEquals(body, stopped.body().strip(), name);
        } else {
            assertEquals("true", stopped.headers().getOrDefault(CustodyServer.TRUNCATED_HEADER.toLowerCase(java.util.Locale.ROOT), ""), name);
            assertEquals(MAX_ROWS, stopped.body().lines().count(), name);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

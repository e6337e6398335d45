package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.custodykg.CustodyGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The limits over a generated graph big enough to be slow: the timeout stops a heavy query with 503
 * while other queries are answered, the row cap cuts long answers and says so, SERVICE calls nothing.
 */
class LimitsTest {
    private static final int TRIPLES = 200_000;
    private static final int SUBJECTS = 20_000;
    private static final int PREDICATES = 10;
    private static final int MAX_ROWS = 100;
    private static final String P0 = "urn:gen:p0";

    /** How many distinct triples use predicate p0, counted while generating. */
    static long p0Count;
    @RegisterExtension
    static final ServedGraph SERVED = ServedGraph.of(CustodyGraph.over(generate()),
            settings -> settings.timeout(Duration.ofSeconds(1)).maxRows(MAX_ROWS).cors(false));
    static final CustodyServer server = SERVED.server();
    static final Http http = SERVED.http();

    private static Dataset generate() {
        Dataset dataset = DatasetFactory.createTxnMem();
        Random random = new Random(20200707L);
        Txn.executeWrite(dataset, () -> {
            DatasetGraph dsg = dataset.asDatasetGraph();
            Node[] predicates = new Node[PREDICATES];
            for (int i = 0; i < PREDICATES; i++) {
                predicates[i] = NodeFactory.createURI("urn:gen:p" + i);
            }
            for (int i = 0; i < TRIPLES; i++) {
                Node s = NodeFactory.createURI("urn:gen:s" + random.nextInt(SUBJECTS));
                Node o = NodeFactory.createURI("urn:gen:s" + random.nextInt(SUBJECTS));
                dsg.getDefaultGraph().add(s, predicates[random.nextInt(PREDICATES)], o);
            }
            p0Count = dsg.getDefaultGraph().find(null, predicates[0], null).toList().size();
        });
        return dataset;
    }

    private static String countP0() {
        return "SELECT (COUNT(*) AS ?n) WHERE { ?s <" + P0 + "> ?o }";
    }

    @Test
    void timeoutStopsAHeavyQueryWhileOthersAreAnswered() {
        String crossProduct = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . FILTER (?a != ?d) }";
        CompletableFuture<HttpResponse<String>> heavy = CompletableFuture.supplyAsync(() -> http.query(crossProduct, "text/csv"));
        // Not a timing assertion: a pause so that the heavy query is running when the simple one arrives.
        pause(300);
        HttpResponse<String> simple = http.query(countP0(), "text/csv");
        assertEquals(200, simple.statusCode());
        assertEquals("n\r\n" + p0Count + "\r\n", simple.body());

        HttpResponse<String> stopped = heavy.join();
        assertEquals(503, stopped.statusCode());
        assertEquals("the question took longer than the server allows", Http.error(stopped, "timeout"));

        HttpResponse<String> after = http.query(countP0(), "text/csv");
        assertEquals("n\r\n" + p0Count + "\r\n", after.body());
    }

    @Test
    void theTimeoutAlsoBoundsTheGraphsOwnQueriesSoAskIsBoundedToo() {
        String crossProduct = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . FILTER (?a != ?d) }";
        assertThrows(QueryCancelledException.class, () -> SERVED.graph().sparql(crossProduct));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void timeoutAfterTheFirstRowsStillGivesAnErrorStatusNotACut200() {
        String rowsThenSlow = "SELECT ?a ?d WHERE { ?a ?p ?b . ?c ?q ?d . FILTER (STR(?a) = STR(?d)) }";
        HttpResponse<String> response = http.query(rowsThenSlow, "text/csv");
        assertEquals(503, response.statusCode());
        assertEquals("the question took longer than the server allows", Http.error(response, "timeout"));
    }

    @Test
    void longAnswersAreCutAtTheCapAndFlagged() {
        HttpResponse<String> cut = http.query("SELECT ?s ?o WHERE { ?s <" + P0 + "> ?o }", "text/csv");
        assertEquals(200, cut.statusCode());
        assertEquals("true", cut.headers().firstValue(CustodyServer.TRUNCATED_HEADER).orElseThrow());
        assertEquals(Integer.toString(MAX_ROWS), cut.headers().firstValue(CustodyServer.MAX_ROWS_HEADER).orElseThrow());
        assertEquals(1 + MAX_ROWS, cut.body().lines().count());

        HttpResponse<String> exact = http.query("SELECT ?s ?o WHERE { ?s <" + P0 + "> ?o } LIMIT " + MAX_ROWS, "text/csv");
        assertEquals(200, exact.statusCode());
        assertFalse(exact.headers().firstValue(CustodyServer.TRUNCATED_HEADER).isPresent());
        assertEquals(1 + MAX_ROWS, exact.body().lines().count());

        HttpResponse<String> triples = http.query("CONSTRUCT WHERE { ?s <" + P0 + "> ?o }", "application/n-triples");
        assertEquals(200, triples.statusCode());
        assertEquals("true", triples.headers().firstValue(CustodyServer.TRUNCATED_HEADER).orElseThrow());
        assertEquals(MAX_ROWS, triples.body().lines().count());
    }

    @Test
    void serviceCallsNothingAndFails() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String target = "http://127.0.0.1:" + listener.getLocalPort() + "/x";
            HttpResponse<String> response = http.query("SELECT * WHERE { SERVICE <" + target + "> { ?s ?p ?o } }", "text/csv");
            assertEquals(422, response.statusCode(), response.body());
            assertEquals("SERVICE execution disabled - enable with symbol:http://jena.apache.org/ARQ#httpServiceAllowed",
                    response.body().strip());
            listener.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, listener::accept);
        }
    }

    @Test
    void corsCanBeTurnedOff() {
        HttpResponse<String> cross = http.send(HttpRequest.newBuilder(URI.create(server.url() + "sparql?query="
                + Http.encode(countP0()))).header("Origin", "http://example.org"));
        assertEquals(200, cross.statusCode());
        assertFalse(cross.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }
}

package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.custodykg.Endpoint;
import org.custodykg.ExportResult;
import org.apache.jena.query.QueryCancelledException;
import org.custodykg.RemoteException;
import org.custodykg.query.Deadline;
import org.custodykg.serve.CustodyServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The remote-store contract over a real Apache Jena Fuseki (TDB2 on disk, Basic authentication, strict
 * SPARQL), loaded through {@code custody publish}; and the ways a store fails, each a clear message
 * (exit 3 on the command line, 502 from {@code custody serve}). The store is killed by the last test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteFusekiTest extends RemoteStoreContract {
    /** No first row before it has counted 2,437³ combinations: only a timeout ends it. */
    private static final String ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    private FusekiProcess fuseki;

    @Override
    void startAndPublish() throws Exception {
        fuseki = FusekiProcess.start();
        CliTest.Run published = CliTest.run("publish", "--endpoint", fuseki.queryUrl(), "--credentials",
                fuseki.credentialsFile().toString());
        assertEquals(new CliTest.Run(0, publishedLine(graphStore()), ""), published);
    }

    private String graphStore() {
        return fuseki.queryUrl().replace("/sparql", "/data");
    }

    @Override
    Endpoint endpoint() {
        return fuseki.endpoint();
    }

    @Override
    List<String> remoteOptions() {
        return List.of("--endpoint", fuseki.queryUrl(), "--credentials", fuseki.credentialsFile().toString());
    }

    @Override
    void stop() throws Exception {
        if (fuseki != null) {
            fuseki.close();
        }
    }

    @Test
    void publishingAgainReplacesEachGraphWithALineForEach() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ExportResult result = local.publish(endpoint(), new PrintStream(progress, true, StandardCharsets.UTF_8));
        List<Node> graphs = Txn.calculateRead(local.dataset(), () -> Iter.toList(local.dataset().asDatasetGraph().listGraphNodes()));
        graphs.sort((a, b) -> a.getURI().compareTo(b.getURI()));
        StringBuilder expected = new StringBuilder();
        long triples = 0;
        for (int i = 0; i < graphs.size(); i++) {
            Node graph = graphs.get(i);
            long size = Txn.calculateRead(local.dataset(), () -> local.dataset().asDatasetGraph().getGraph(graph).size());
            triples += size;
            expected.append("published ").append(i + 1).append('/').append(graphs.size()).append(" graphs, ").append(size)
                    .append(" triples: ").append(graph.getURI()).append('\n');
        }
        assertEquals(expected.toString(), progress.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
        assertEquals(new ExportResult(triples, graphs.size()), result);
        assertEquals(local.ask("key-custody", Map.of("service", "iCloud")).table().toText(),
                remote.ask("key-custody", Map.of("service", "iCloud")).table().toText());
    }

    @Test
    void aStoreThatRefusesAGraphIsNamedWithTheGraph() {
        String readOnly = fuseki.queryUrl().replace("/sparql", "/get");
        CliTest.assertRun(CliTest.failed(3, "custody publish: remote store " + readOnly
                + ": graph <https://w3id.org/custody-kg/graph/inferred> not written: the store answered HTTP 405: "
                + "HTTP method not allowed: PUT : Read-only\n"),
                CliTest.run("publish", "--endpoint", fuseki.queryUrl(), "--graph-store", readOnly,
                        "--credentials", fuseki.credentialsFile().toString()));
    }

    @Test
    void refusedCredentialsAreSaidSo() throws Exception {
        Path wrong = Files.writeString(temp.resolve("wrong.properties"), "user=custody\npassword=not-the-password\n");
        CliTest.assertRun(CliTest.failed(3, "custody ask: remote store " + fuseki.queryUrl()
                + ": query: the store refused the credentials (HTTP 401)\n"),
                CliTest.run("ask", "key-custody", "--endpoint", fuseki.queryUrl(), "--credentials", wrong.toString()));
        CliTest.assertRun(CliTest.failed(3, "custody ask: remote store " + fuseki.queryUrl()
                + ": query: the store refused the credentials (HTTP 401); none were given\n"),
                CliTest.run("ask", "key-custody", "--endpoint", fuseki.queryUrl()));
    }

    @Test
    void aStoreThatIsNotRunningIsSaidSoWithExitCode3() throws Exception {
        String nobody = "http://127.0.0.1:" + StoreProcess.freePort() + "/custody/sparql";
        CliTest.assertRun(CliTest.failed(3, "custody ask: remote store " + nobody + ": query: cannot connect (is the store running?)\n"),
                CliTest.run("ask", "key-custody", "--endpoint", nobody));
    }

    @Test
    void aSlowStoreIsCutOffAtTheTimeout() {
        CliTest.assertRun(CliTest.failed(3, "custody sparql: remote store " + fuseki.queryUrl() + ": query: no answer within 1000 ms\n"),
                CliTest.run("sparql", ENDLESS, "--endpoint", fuseki.queryUrl(), "--credentials",
                        fuseki.credentialsFile().toString(), "--endpoint-timeout", "1s"));
    }

    @Test
    void aQuestionsOwnTimeLimitCutsItsRemoteQueriesAndFailsAsATimeout() throws Exception {
        // The endpoint would wait longer; the work's limit is nearer, so the query ends there, as a timeout of the work
        assertThrows(QueryCancelledException.class, () -> Deadline.within(Duration.ofMillis(300), () -> remote.sparql(ENDLESS)));
        CustodyServer server = CustodyServer.builder(remote).port(0).timeout(Duration.ofMillis(300)).build().start();
        try {
            String answer = get(server.url() + "sparql?query=" + java.net.URLEncoder.encode(ENDLESS, StandardCharsets.UTF_8),
                    "application/sparql-results+json");
            assertEquals("503", answer.substring(0, 3), answer);
        } finally {
            server.stop();
        }
    }

    @Test
    void theStoresOwnErrorIsPassedOn() {
        CliTest.assertRun(CliTest.failed(3, "custody sparql: remote store " + fuseki.queryUrl()
                + ": query: the store answered HTTP 503: Query timed out\n"),
                CliTest.run("sparql", ENDLESS, "--endpoint", fuseki.queryUrl(), "--credentials", fuseki.credentialsFile().toString()));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aStoreGoingDownMidQuestionIsA502FromTheServerAndAClearErrorOnTheCommandLine() throws Exception {
        CustodyServer server = CustodyServer.builder(remote).port(0).build().start();
        try {
            CompletableFuture<Object> inFlight = CompletableFuture.supplyAsync(() -> remote.sparql(ENDLESS));
            Thread.sleep(500);
            fuseki.kill();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> inFlight.get(60, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof RemoteException, failed.getCause().toString());
            assertTrue(failed.getCause().getMessage().startsWith("remote store " + fuseki.queryUrl() + ": query: "),
                    failed.getCause().getMessage());

            String down = "remote store " + fuseki.queryUrl() + ": query: cannot connect (is the store running?)\n";
            for (String path : List.of("ask/key-custody?service=iCloud", "id/service/icloud")) {
                String answer = get(server.url() + path, "application/json");
                assertTrue(answer.startsWith("502\n") && answer.contains(down.strip()), path + ": " + answer);
            }
            assertTrue(get(server.url() + "sparql?query=ASK%7B%7D", "application/sparql-results+json").startsWith("502\n"));
            CliTest.assertRun(CliTest.failed(3, "custody ask: " + down),
                    CliTest.run("ask", "key-custody", "--endpoint", fuseki.queryUrl()));
        } finally {
            server.stop();
        }
    }

    @Test
    void theTimeoutsAndPoolAreTheEndpointsOwn() {
        Endpoint tuned = endpoint().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)).withMaxConnections(2);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), 2),
                List.of(tuned.connectTimeout(), tuned.requestTimeout(), tuned.maxConnections()));
    }
}

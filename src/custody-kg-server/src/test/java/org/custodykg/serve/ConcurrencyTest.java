package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.jena.riot.WebContent;
import org.custodykg.CustodyGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sixteen clients at once, each sending a bounded mix of requests: every answer is exactly right. */
class ConcurrencyTest {
    private static final int CLIENTS = 16;
    private static final int REQUESTS_EACH = 20;

    @RegisterExtension
    static final ServedGraph SERVED = ServedGraph.ofDefault();
    static final CustodyGraph graph = SERVED.graph();
    static final Http http = SERVED.http();


    /** One request of the mix and its exact expected body. */
    private record Probe(String name, java.util.function.Supplier<HttpResponse<String>> call, String expected) {}

    @Test
    void sixteenClientsGetCorrectAnswers() throws Exception {
        String keyCustody = SparqlProtocolTest.keyCustodySparql(graph);
        String ask = SparqlProtocolTest.PREFIXES + "ASK { service:icloud a ckg:Service }";
        List<Probe> mix = List.of(
                new Probe("ask", () -> http.get("ask/key-custody?service=iCloud&format=csv", null),
                        SparqlProtocolTest.KEY_CUSTODY_CSV),
                new Probe("sparql", () -> http.query(keyCustody, "text/csv"), SparqlProtocolTest.KEY_CUSTODY_CSV),
                new Probe("post", () -> http.send("POST", "sparql", WebContent.contentTypeSPARQLQuery, keyCustody,
                        "text/tab-separated-values"), SparqlProtocolTest.KEY_CUSTODY_TSV),
                new Probe("boolean", () -> http.query(ask, "text/csv"), "_askResult\r\ntrue\r\n"),
                new Probe("construct", () -> http.query(SparqlProtocolTest.KEY_HOLDER_CONSTRUCT, WebContent.contentTypeNTriples),
                        SparqlProtocolTest.KEY_HOLDER_NTRIPLES));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                results.add(clients.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < REQUESTS_EACH; i++) {
                        Probe probe = mix.get((client + i) % mix.size());
                        HttpResponse<String> response = probe.call().get();
                        if (response.statusCode() != 200 || !response.body().equals(probe.expected())) {
                            wrong.add(probe.name() + ": " + response.statusCode() + " " + response.body());
                        }
                    }
                    return wrong;
                }));
            }
            List<String> wrong = new ArrayList<>();
            int answered = 0;
            for (Future<List<String>> result : results) {
                wrong.addAll(result.get(120, TimeUnit.SECONDS));
                answered += REQUESTS_EACH;
            }
            assertEquals(List.of(), wrong);
            assertEquals(CLIENTS * REQUESTS_EACH, answered);
        } finally {
            clients.shutdownNow();
        }
    }
}

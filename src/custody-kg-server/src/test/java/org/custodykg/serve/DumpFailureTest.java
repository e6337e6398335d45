package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.atlas.json.JSON;
import org.custodykg.CustodyGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dump that cannot be written whole is never answered as a complete 200: before its first bytes are
 * sent it is the server's error; after, the transfer is cut, so the client sees it broken. RDF/XML cannot
 * write a property whose IRI has no XML local name, which makes the failure.
 */
class DumpFailureTest {
    private static final String UNWRITABLE = "<https://w3id.org/custody-kg/id/service/odd> <urn:custody:1> \"no XML name\" .\n";

    @TempDir
    Path temp;

    private HttpResponse<String> dump(String data) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("data"));
        Files.writeString(dir.resolve("odd.nt"), data);
        try (CustodyGraph graph = CustodyGraph.openDirectory(dir, CustodyGraph.Options.trusted())) {
            CustodyServer server = CustodyServer.builder(graph).port(0).build().start();
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "dumps/custody-kg.rdf"))
                        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void aDumpThatFailsBeforeItsFirstBytesIsTheServersError() throws Exception {
        HttpResponse<String> answer = dump(UNWRITABLE);
        assertEquals(500, answer.statusCode(), answer.body());
        assertEquals("internal", JSON.parse(answer.body()).getString("code"));
    }

    @Test
    void aDumpThatFailsAfterItsFirstBytesIsACutTransferNeverACompleteAnswer() throws Exception {
        // enough before the unwritable triple to fill the server's output buffer, so the answer has begun
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            data.append("<https://w3id.org/custody-kg/id/service/s").append(i).append("> <http://www.w3.org/2000/01/rdf-schema#label> \"")
                    .append("x".repeat(1000)).append("\" .\n");
        }
        try {
            HttpResponse<String> answer = dump(data + UNWRITABLE);
            // the unwritable subject came first (its place in the dump is the graph's order): the error, not a dump
            assertNotEquals(200, answer.statusCode(), "a dump that could not be written was answered 200");
        } catch (IOException cut) {
            // the transfer was cut before its end: what a client must see
        }
    }
}

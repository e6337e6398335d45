package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.RDF;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /ask} answers carry an entity tag, the digest of their body, and answer a matching
 * {@code If-None-Match} with a bodyless 304, until the data changes.
 */
class RevalidationTest {
    private static final String KEY_CUSTODY_CSV_PATH = "ask/key-custody?service=iCloud&format=csv";

    @RegisterExtension
    static final ServedGraph SERVED = ServedGraph.ofDefault();

    @Test
    void tagsEachBodyWithItsDigestAndAnswersAMatchingTagWith304() throws Exception {
        Http http = SERVED.http();
        HttpResponse<String> first = http.get(KEY_CUSTODY_CSV_PATH, null);
        String tag = tagOf(SparqlProtocolTest.KEY_CUSTODY_CSV);
        assertEquals(200, first.statusCode());
        assertEquals(SparqlProtocolTest.KEY_CUSTODY_CSV, first.body());
        assertEquals(Optional.of(tag), first.headers().firstValue("ETag"));
        assertEquals(Optional.of("no-cache"), first.headers().firstValue("Cache-Control"));
        assertEquals(Optional.of(tag), http.get(KEY_CUSTODY_CSV_PATH, null).headers().firstValue("ETag"));

        for (String ifNoneMatch : new String[] {tag, "W/" + tag, "\"other\", " + tag, "*"}) {
            HttpResponse<String> revalidated = revalidate(http, SERVED.server(), KEY_CUSTODY_CSV_PATH, ifNoneMatch);
            assertEquals(304, revalidated.statusCode(), ifNoneMatch);
            assertEquals("", revalidated.body(), ifNoneMatch);
            assertEquals(Optional.of(tag), revalidated.headers().firstValue("ETag"), ifNoneMatch);
        }
        HttpResponse<String> stale = revalidate(http, SERVED.server(), KEY_CUSTODY_CSV_PATH, "\"other\"");
        assertEquals(200, stale.statusCode());
        assertEquals(SparqlProtocolTest.KEY_CUSTODY_CSV, stale.body());

        HttpResponse<String> tsv = http.get("ask/key-custody?service=iCloud&format=tsv", null);
        assertEquals(Optional.of(tagOf(SparqlProtocolTest.KEY_CUSTODY_TSV)), tsv.headers().firstValue("ETag"));
        assertEquals(200, revalidate(http, SERVED.server(), "ask/key-custody?service=iCloud&format=tsv", tag).statusCode());
    }

    @Test
    void aWriteToTheStoreRetiresTheTag(@TempDir Path dir) throws Exception {
        try (CustodyGraph source = CustodyGraph.openDefault()) {
            Dataset store = TDB2Factory.connectDataset(dir.toString());
            Txn.executeRead(source.dataset(), () -> Txn.executeWrite(store,
                    () -> source.dataset().asDatasetGraph().find().forEachRemaining(store.asDatasetGraph()::add)));
            store.close();
        }
        try (CustodyGraph graph = CustodyGraph.openStore(dir)) {
            CustodyServer server = CustodyServer.builder(graph).port(0).build().start();
            try {
                Http http = new Http(server);
                String tag = http.get(KEY_CUSTODY_CSV_PATH, null).headers().firstValue("ETag").orElseThrow();
                assertEquals(304, revalidate(http, server, KEY_CUSTODY_CSV_PATH, tag).statusCode());

                Node fact = NodeFactory.createURI(CustodyKg.ID_BASE + "fact/added-after-the-tag");
                Node graphName = NodeFactory.createURI(CustodyKg.BASE + "graph/test");
                Txn.executeWrite(graph.dataset(), () -> {
                    graph.dataset().asDatasetGraph().add(Quad.create(graphName, fact, RDF.type.asNode(),
                            NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + "KeyCustody")));
                    graph.dataset().asDatasetGraph().add(Quad.create(graphName, fact,
                            NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + "service"),
                            NodeFactory.createURI(SparqlProtocolTest.ICLOUD)));
                });

                HttpResponse<String> changed = revalidate(http, server, KEY_CUSTODY_CSV_PATH, tag);
                String header = SparqlProtocolTest.KEY_CUSTODY_CSV.substring(0, SparqlProtocolTest.KEY_CUSTODY_CSV.indexOf("\r\n") + 2);
                String known = SparqlProtocolTest.KEY_CUSTODY_CSV.substring(header.length());
                // the new fact has no labels: its empty sort keys put it first
                String added = SparqlProtocolTest.ICLOUD + ",iCloud,,,,,,,,," + fact.getURI() + "\r\n";
                assertEquals(200, changed.statusCode());
                assertEquals(header + added + known, changed.body());
                assertEquals(Optional.of(tagOf(header + added + known)), changed.headers().firstValue("ETag"));
                assertNotEquals(tag, changed.headers().firstValue("ETag").orElseThrow());
            } finally {
                server.stop();
            }
        }
    }

    private static HttpResponse<String> revalidate(Http http, CustodyServer server, String path, String ifNoneMatch) {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("If-None-Match", ifNoneMatch).GET());
    }

    /** The tag the server is documented to send: the first 27 characters of the body's SHA-256 in base64url, quoted. */
    private static String tagOf(String body) throws Exception {
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha).substring(0, 27) + "\"";
    }
}

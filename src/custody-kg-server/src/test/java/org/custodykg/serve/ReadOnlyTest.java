package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import org.apache.jena.riot.WebContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every way of writing through the server is refused with 405 and a message; nothing changes. */
class ReadOnlyTest {
    private static final String TRIPLE = "<urn:x:s> <urn:x:p> <urn:x:o> .";
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }";

    @RegisterExtension
    static final ServedGraph SERVED = ServedGraph.ofDefault();
    static final Http http = SERVED.http();
    static final String countBefore = http.query(COUNT, "text/csv").body();

    @AfterEach
    void nothingChanged() {
        assertEquals(countBefore, http.query(COUNT, "text/csv").body());
    }

    private static void assertRefused(String method, String path, String contentType, String body, String shownPath) {
        HttpResponse<String> response = http.send(method, path, contentType, body, null);
        assertEquals(405, response.statusCode(), method + " " + path);
        assertEquals("This server is read-only: " + method + " " + shownPath + " would change the data"
                + " (SPARQL Update and Graph Store writes are not served).", Http.error(response, "bad-argument"));
    }

    @Test
    void graphStoreWritesAreRefused() {
        assertRefused("POST", "data?default", WebContent.contentTypeTurtle, TRIPLE, "/data");
        assertRefused("PUT", "data?default", WebContent.contentTypeTurtle, TRIPLE, "/data");
        assertRefused("PUT", "data?graph=urn:x:g", WebContent.contentTypeTurtle, TRIPLE, "/data");
        assertRefused("POST", "data?graph=urn:x:g", WebContent.contentTypeTurtle, TRIPLE, "/data");
        assertRefused("DELETE", "data?default", null, "", "/data");
        assertRefused("DELETE", "data?graph=https%3A%2F%2Fw3id.org%2Fcustody-kg%2Fgraph%2Fsources", null, "", "/data");
    }

    @Test
    void sparqlUpdateIsRefusedEverywhere() {
        assertRefused("POST", "sparql", WebContent.contentTypeSPARQLUpdate, "DROP ALL", "/sparql");
        assertRefused("POST", "sparql", WebContent.contentTypeHTMLForm, "update=" + Http.encode("DROP ALL"), "/sparql");
        assertRefused("POST", "update", WebContent.contentTypeSPARQLUpdate, "DROP ALL", "/update");
        assertRefused("POST", "update", WebContent.contentTypeHTMLForm, "update=" + Http.encode("CLEAR DEFAULT"), "/update");
        assertRefused("GET", "update?update=" + Http.encode("DROP ALL"), null, "", "/update");
        assertRefused("POST", "", WebContent.contentTypeSPARQLUpdate, "DROP ALL", "/");
        assertRefused("PUT", "", WebContent.contentTypeTurtle, TRIPLE, "/");
        assertRefused("PUT", "sparql", WebContent.contentTypeTurtle, TRIPLE, "/sparql");
    }

    @Test
    void anUpdateSentAsAQueryIsAParseError() {
        HttpResponse<String> response = http.send("POST", "sparql", WebContent.contentTypeSPARQLQuery, "DROP ALL", null);
        assertEquals(400, response.statusCode());
        assertEquals("Parse error: Encountered \" \"drop\" \"DROP \"\" at line 1, column 1.",
                response.body().lines().findFirst().orElseThrow());
    }
}

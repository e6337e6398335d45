package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.apache.jena.system.Txn;
import org.custodykg.CustodyGraph;
import org.custodykg.Layout;
import org.junit.jupiter.api.Test;

/** {@code custody serve} mounts the linked-data pages beside the SPARQL endpoint, under the public base it is given. */
class LinkedDataWiringTest {
    @Test
    void entityOntologyAndVoidAnswerOnTheSparqlServer() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            CustodyServer server = CustodyServer.builder(graph).port(0).build().start();
            try {
                Http http = new Http(server);
                HttpResponse<String> entity = http.get("id/service/icloud", "application/n-triples");
                assertEquals(200, entity.statusCode());
                assertTrue(entity.body().contains(
                        "<https://w3id.org/custody-kg/id/service/icloud> <http://www.w3.org/2000/01/rdf-schema#label> \"iCloud\"@en ."),
                        entity.body());
                assertEquals(200, http.get("ontology", "text/turtle").statusCode());
                assertEquals(200, http.get(".well-known/void", "text/turtle").statusCode());
                assertEquals(404, http.get("id/service/no-such-service", "text/turtle").statusCode());
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void withoutInferenceTheInferredGraphIsEmptyAndTheDataUntouched() {
        String countInferred = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/custody-kg/graph/inferred> { ?s ?p ?o } }";
        try (CustodyGraph graph = CustodyGraph.open(Layout.embedded(), CustodyGraph.Options.trusted().withoutInferred())) {
            long quads = Txn.calculateRead(graph.dataset(), () -> graph.dataset().asDatasetGraph().stream().count());
            CustodyServer server = CustodyServer.builder(graph).port(0).build().start();
            try {
                assertEquals("n\r\n0\r\n", new Http(server).query(countInferred, "text/csv").body());
                assertEquals(quads, Txn.calculateRead(graph.dataset(),
                        () -> graph.dataset().asDatasetGraph().stream().count()));
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void anotherPublicBaseIsRejectedWhenItDoesNotEndInASlash() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> CustodyServer.builder(graph).publicBase("https://example.org/kg"));
            assertEquals("public base: expected an IRI ending in '/', got https://example.org/kg", error.getMessage());
        }
    }
}

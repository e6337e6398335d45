package org.custodykg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one list of answer formats the command line and the server share. */
class AnswerFormatTest {
    @Test
    void namesAndAliasesInAnyCase() {
        assertEquals(AnswerFormat.TTL, AnswerFormat.named("Turtle"));
        assertEquals(AnswerFormat.JSONLD, AnswerFormat.named("JSON-LD"));
        assertEquals(AnswerFormat.NT, AnswerFormat.named("n-triples"));
        assertEquals(AnswerFormat.RDFXML, AnswerFormat.named("rdf/xml"));
        assertEquals(AnswerFormat.TEXT, AnswerFormat.named("txt"));
        ArgumentException unknown = assertThrows(ArgumentException.class, () -> AnswerFormat.named("xlsx"));
        assertEquals("format: expected one of json, xml, csv, tsv, text (txt), ttl (turtle), nt (n-triples, ntriples),"
                + " jsonld (json-ld), rdf (rdf/xml, rdfxml), but got 'xlsx'", unknown.getMessage());
        assertEquals(Optional.of("format"), unknown.parameter());
    }

    @Test
    void aFormatForEachKindOfAnswer() {
        assertEquals(List.of(AnswerFormat.JSON, AnswerFormat.XML, AnswerFormat.CSV, AnswerFormat.TSV, AnswerFormat.TEXT),
                AnswerFormat.fitting(Answer.Kind.TABLE));
        assertEquals(List.of(AnswerFormat.TTL, AnswerFormat.NT, AnswerFormat.JSONLD, AnswerFormat.RDFXML),
                AnswerFormat.fitting(Answer.Kind.GRAPH));
        assertEquals(AnswerFormat.JSONLD, AnswerFormat.JSON.forKind(Answer.Kind.GRAPH));
        assertEquals(AnswerFormat.RDFXML, AnswerFormat.XML.forKind(Answer.Kind.GRAPH));
        assertEquals(Optional.of(AnswerFormat.CSV), AnswerFormat.ofMediaType("text/CSV", Answer.Kind.BOOLEAN));
        assertEquals(Optional.empty(), AnswerFormat.ofMediaType("text/turtle", Answer.Kind.TABLE));
        assertEquals("format: ttl does not fit a table (SELECT); expected json, xml, csv, tsv or text",
                assertThrows(ArgumentException.class, () -> AnswerFormat.TTL.forKind(Answer.Kind.TABLE)).getMessage());
        assertEquals("format: csv does not fit a graph (CONSTRUCT or DESCRIBE); expected ttl, nt, jsonld or rdf",
                assertThrows(ArgumentException.class, () -> AnswerFormat.CSV.forKind(Answer.Kind.GRAPH)).getMessage());
    }

    @Test
    void writesEachKind() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            assertEquals("yes\n", written(AnswerFormat.TEXT, graph.sparql("ASK { ?s ?p ?o }")));
            assertEquals("_askResult\r\ntrue\r\n", written(AnswerFormat.CSV, graph.sparql("ASK { ?s ?p ?o }")));
            assertEquals("n\r\n4\r\n", written(AnswerFormat.CSV, graph.sparql(
                    "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <https://w3id.org/custody-kg/ontology#Jurisdiction> }")));
            assertEquals("<https://w3id.org/custody-kg/id/service/icloud> <http://www.w3.org/2000/01/rdf-schema#label> \"iCloud\"@en .\n",
                    written(AnswerFormat.NT, graph.sparql("CONSTRUCT WHERE { <https://w3id.org/custody-kg/id/service/icloud>"
                            + " <http://www.w3.org/2000/01/rdf-schema#label> ?label }")));
        }
    }

    private static String written(AnswerFormat format, Answer answer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(answer, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}

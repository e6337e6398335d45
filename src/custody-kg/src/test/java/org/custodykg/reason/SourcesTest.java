package org.custodykg.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** The newest source's date: only source documents count, and only dates that are days. */
class SourcesTest {
    @Test
    void theNewestDayIssuedOfASourceDocumentWhateverIsNewerElsewhere() {
        Graph graph = parse("""
                @prefix ckg: <https://w3id.org/custody-kg/ontology#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                <urn:report> a ckg:SourceDocument ; dct:issued "2020-07-07"^^xsd:date .
                <urn:older> a ckg:SourceDocument ; dct:issued "2019-01-01"^^xsd:date .
                <urn:not-a-document> dct:issued "2023-01-01"^^xsd:date .
                <urn:not-a-day> a ckg:SourceDocument ; dct:issued "2022-02-30"^^xsd:date .
                <urn:a-string> a ckg:SourceDocument ; dct:issued "2024-01-01" .
                """);
        assertEquals(Optional.of(LocalDate.of(2020, 7, 7)), Sources.newest(graph));
    }

    @Test
    void noDatedSourceDocumentMeansNoDate() {
        Graph graph = parse("""
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                <urn:not-a-document> dct:issued "2023-01-01"^^xsd:date .
                """);
        assertEquals(Optional.empty(), Sources.newest(graph));
    }

    private static Graph parse(String turtle) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).parse(graph);
        return graph;
    }
}

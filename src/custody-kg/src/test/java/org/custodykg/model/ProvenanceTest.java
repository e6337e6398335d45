package org.custodykg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every n-ary fact and every statement names its source document. Queried over data + ontology, so that
 * "instance of a subclass of ckg:Fact" follows the ontology's rdfs:subClassOf axioms.
 */
class ProvenanceTest {

    private static Model model;

    @BeforeAll
    static void load() {
        model = ModelFiles.dataWithOntology();
    }

    @Test
    void noFactOrStatementLacksASource() {
        List<QuerySolution> unsourced = ModelFiles.select(model, """
                SELECT ?node WHERE {
                  VALUES ?top { ckg:Fact ckg:Statement }
                  ?node a ?class . ?class rdfs:subClassOf* ?top .
                  FILTER NOT EXISTS { ?node ckg:source ?doc . ?doc a ckg:SourceDocument }
                }""");
        assertEquals(0, unsourced.size(), () -> "unsourced: " + unsourced);
    }

    @Test
    void theDataHoldsExactly41FactsAnd11Statements() {
        assertEquals(41, ModelFiles.count(model, """
                SELECT (COUNT(DISTINCT ?fact) AS ?n) WHERE { ?fact a ?class . ?class rdfs:subClassOf* ckg:Fact }"""));
        assertEquals(11, ModelFiles.count(model, """
                SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class . ?class rdfs:subClassOf* ckg:Statement }"""));
        // Every one of them comes from the one source document so far.
        assertEquals(52, ModelFiles.count(model, """
                SELECT (COUNT(DISTINCT ?node) AS ?n) WHERE {
                  ?node ckg:source <https://w3id.org/custody-kg/id/source/bbc-2020-07-07-hong-kong-data-pause> }"""));
    }

    @Test
    void factsPerKind() {
        Map<String, Integer> perKind = new TreeMap<>();
        ModelFiles.select(model, """
                SELECT ?class (COUNT(?fact) AS ?n) WHERE {
                  ?fact a ?class . ?class rdfs:subClassOf ckg:Fact
                } GROUP BY ?class""").forEach(row -> perKind.put(
                row.getResource("class").getLocalName(), row.getLiteral("n").getInt()));
        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("KeyCustody", 3),
                Map.entry("DataStorage", 2),
                Map.entry("ServiceOperation", 5),
                Map.entry("ServiceAvailability", 7),
                Map.entry("Stance", 12),
                Map.entry("LegalChannel", 3),
                Map.entry("RequestStatistics", 2),
                Map.entry("RequestVolume", 2),
                Map.entry("WorkforceLocation", 1),
                Map.entry("Relocation", 1),
                Map.entry("Tie", 1),
                Map.entry("ServiceSubstitute", 1),
                Map.entry("PossibleConsequence", 1))), perKind);
    }

    @Test
    void everyFactIsTypedWithExactlyOneFactKind() {
        assertEquals(0, ModelFiles.count(model, """
                SELECT (COUNT(DISTINCT ?fact) AS ?n) WHERE {
                  ?fact a ?c1 , ?c2 . ?c1 rdfs:subClassOf ckg:Fact . ?c2 rdfs:subClassOf ckg:Fact .
                  FILTER (?c1 != ?c2) }"""));
    }

    @Test
    void everyEntityIsDescribedInASourceDocument() {
        assertEquals(0, ModelFiles.count(model, """
                SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
                  VALUES ?top { ckg:Agent ckg:Place ckg:Service ckg:LegalInstrument ckg:TransparencyReport }
                  ?e a ?class . ?class rdfs:subClassOf* ?top .
                  FILTER NOT EXISTS { ?e ckg:describedIn ?doc . ?doc a ckg:SourceDocument } }"""));
    }
}

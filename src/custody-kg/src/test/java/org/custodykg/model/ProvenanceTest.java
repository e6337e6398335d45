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
    void theDataHoldsExactly48Facts11StatementsAnd43AttestationsFrom16Sources() {
        assertEquals(48, ModelFiles.count(model, """
                SELECT (COUNT(DISTINCT ?fact) AS ?n) WHERE { ?fact a ?class . ?class rdfs:subClassOf* ckg:Fact }"""));
        assertEquals(11, ModelFiles.count(model, """
                SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class . ?class rdfs:subClassOf* ckg:Statement }"""));
        // The first source states 53 of them; the other 15 state 6 facts first and attest 14 facts already stated.
        assertEquals(53, ModelFiles.count(model, """
                SELECT (COUNT(DISTINCT ?node) AS ?n) WHERE {
                  ?node ckg:source <https://w3id.org/custody-kg/id/source/bbc-2020-07-07-hong-kong-data-pause> }"""));
        assertEquals(16, ModelFiles.count(model, """
                SELECT (COUNT(DISTINCT ?doc) AS ?n) WHERE { ?doc a ckg:SourceDocument }"""));
        assertEquals(43, ModelFiles.count(model, """
                SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ckg:Attestation ; ckg:attests ?fact ; ckg:source ?doc }"""));
        assertEquals(14, ModelFiles.count(model, """
                SELECT (COUNT(DISTINCT ?fact) AS ?n) WHERE { ?a ckg:attests ?fact }"""));
    }

    @Test
    void factsPerKind() {
        Map<String, Integer> perKind = new TreeMap<>();
        ModelFiles.select(model, """
                SELECT ?class (COUNT(?fact) AS ?n) WHERE {
                  ?fact a ?class . ?class rdfs:subClassOf ckg:Fact
                } GROUP BY ?class""").forEach(row -> perKind.put(
                row.getResource("class").getLocalName(), row.getLiteral("n").getInt()));
        assertEquals(Map.ofEntries(
                Map.entry("DataBackup", 1),
                Map.entry("DataStorage", 2),
                Map.entry("EntryIntoForce", 1),
                Map.entry("KeyCustody", 3),
                Map.entry("LegalChannel", 3),
                Map.entry("PossibleConsequence", 1),
                Map.entry("Relocation", 1),
                Map.entry("RequestStatistics", 6),
                Map.entry("RequestVolume", 2),
                Map.entry("ServiceAvailability", 7),
                Map.entry("ServiceOperation", 5),
                Map.entry("ServiceSubstitute", 1),
                Map.entry("Stance", 13),
                Map.entry("Tie", 1),
                Map.entry("WorkforceLocation", 1)), perKind);
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

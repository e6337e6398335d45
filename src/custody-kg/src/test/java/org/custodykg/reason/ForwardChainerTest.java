package org.custodykg.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.system.Txn;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chainer: fixpoint, determinism, provenance, strata, and clear errors for bad rule files. */
class ForwardChainerTest {
    private static final LocalDate JULY_7 = LocalDate.of(2020, 7, 7);
    private static final String CKG = CustodyKg.ONTOLOGY_NS;

    @Test
    void theEmbeddedRulesRunInStrataInNameOrder() {
        assertEquals(List.of("1-entailment/inverse", "1-entailment/subclass", "1-entailment/subproperty",
                "1-entailment/transitive", "2-places/jurisdiction", "3-routes/backup-route",
                "3-routes/channel-route", "3-routes/direct-route", "3-routes/no-route", "3-routes/operator-route",
                "4-context/transparency-context", "4-obstacles/blocked-service-obstacle", "4-obstacles/law-in-force",
                "4-obstacles/possible-stance-obstacle", "4-obstacles/route-in-force", "4-obstacles/stance-obstacle", "5-status/route-status"),
                RuleSet.embedded().names());
    }

    @Test
    void aSecondRunAddsNothing() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            ForwardChainer.Run first = ForwardChainer.run(graph.dataset(), RuleSet.embedded(), JULY_7);
            assertTrue(first.added() > 0);
            ForwardChainer.Run second = ForwardChainer.run(graph.dataset(), RuleSet.embedded(), JULY_7);
            assertEquals(0, second.added());
            assertEquals(6, second.rounds());
        }
    }

    @Test
    void twoRunsOnFreshGraphsDeriveTheSameTriples() {
        assertEquals(inferred(), inferred());
    }

    @Test
    void everyConclusionRestsOnlyOnSourcedFactsOfTheLoadedData() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            ForwardChainer.run(graph.dataset(), RuleSet.embedded(), JULY_7);
            Txn.executeRead(graph.dataset(), () -> {
                DatasetGraph dsg = graph.dataset().asDatasetGraph();
                Graph inferred = dsg.getGraph(ForwardChainer.INFERRED);
                Graph data = dsg.getGraph(NodeFactory.createURI(CustodyKg.sourceGraph("bbc-2020-07-07-hong-kong-data-pause")));
                Node wasDerivedFrom = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
                List<Triple> links = inferred.find(Node.ANY, wasDerivedFrom, Node.ANY).toList();
                assertEquals(44, links.size());
                for (Triple link : links) {
                    Node fact = link.getObject();
                    assertTrue(data.contains(fact, NodeFactory.createURI(CKG + "source"), Node.ANY), fact + " has no ckg:source in data/");
                    assertTrue(dsg.getDefaultGraph().contains(fact, RDF.type.asNode(), NodeFactory.createURI(CKG + "Fact")), fact + " is not a ckg:Fact");
                    assertFalse(inferred.contains(fact, NodeFactory.createURI(CKG + "routeKind"), Node.ANY), fact + " is itself a conclusion");
                }
                assertFalse(inferred.find().filterKeep(t -> t.getSubject().isBlank() || t.getObject().isBlank()).hasNext());
            });
        }
    }

    @Test
    void aPlaceIsRuledByItselfWhenAJurisdictionElseByTheNearestJurisdictionItLiesIn() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            ForwardChainer.run(graph.dataset(), RuleSet.embedded(), JULY_7);
            assertEquals(List.of("place:mainland-china"), jurisdictionsOf(graph, "icloud-mainland-china-data-centre"));
            assertEquals(List.of("place:hong-kong"), jurisdictionsOf(graph, "hong-kong"));
            assertEquals(List.of("place:china"), jurisdictionsOf(graph, "china"));
            assertEquals(List.of(), jurisdictionsOf(graph, "tai-an"));
        }
    }

    @Test
    void aRuleWithASyntaxErrorNamesTheFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = write(dir, "1-broken/typo.rq", "# Derives nothing: it is broken on purpose.\n"
                + "CONSTRUCT { ?s ?p ?o }\nWHERE {\n  ?s ?p ?o\n  FILTER(?o = )\n}\n");
        DataException e = assertThrows(DataException.class, () -> RuleSet.read(dir));
        assertEquals(file + ":5:15: Encountered \" \")\" \") \"\" at line 5, column 15.", e.getMessage().lines().findFirst().orElseThrow());
    }

    @Test
    void aRuleMustStartWithItsCommentBlockAndBeAConstruct(@TempDir Path dir) throws IOException {
        Path bare = write(dir.resolve("a"), "1-x/bare.rq", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }\n");
        assertEquals(bare + ":1:1: a rule must start with a comment block saying what it derives and why",
                assertThrows(DataException.class, () -> RuleSet.read(dir.resolve("a"))).getMessage());
        Path select = write(dir.resolve("b"), "1-x/select.rq", "# Selects.\nSELECT * WHERE { ?s ?p ?o }\n");
        assertEquals(select + ": a rule must be a CONSTRUCT query, but this is SELECT",
                assertThrows(DataException.class, () -> RuleSet.read(dir.resolve("b"))).getMessage());
    }

    @Test
    void aRuleDerivingABlankNodeIsRefusedAndNothingIsKept(@TempDir Path dir) throws IOException {
        write(dir, "1-x/blank.rq", "# Derives a blank node, which the chainer refuses.\n"
                + "CONSTRUCT { [] <urn:x:p> ?s } WHERE { ?s a <" + CKG + "Service> }\n");
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            long before = (long) Txn.calculateRead(graph.dataset(), () -> graph.dataset().asDatasetGraph().getDefaultGraph().size());
            DataException e = assertThrows(DataException.class, () -> ForwardChainer.run(graph.dataset(), RuleSet.read(dir), JULY_7));
            assertTrue(e.getMessage().startsWith("rule 1-x/blank derived a blank node in "), e.getMessage());
            assertEquals(before, (long) Txn.calculateRead(graph.dataset(), () -> graph.dataset().asDatasetGraph().getDefaultGraph().size()));
        }
    }

    private static Set<String> inferred() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            ForwardChainer.run(graph.dataset(), RuleSet.embedded(), JULY_7);
            Set<String> triples = new TreeSet<>();
            Txn.executeRead(graph.dataset(), () -> graph.dataset().asDatasetGraph().getGraph(ForwardChainer.INFERRED)
                    .find().forEachRemaining(t -> triples.add(t.toString())));
            return triples;
        }
    }

    private static List<String> jurisdictionsOf(CustodyGraph graph, String place) {
        Node subject = NodeFactory.createURI(CustodyKg.ID_BASE + "place/" + place);
        return Txn.calculateRead(graph.dataset(), () -> graph.dataset().asDatasetGraph().getDefaultGraph()
                .find(subject, NodeFactory.createURI(CKG + "inJurisdiction"), Node.ANY)
                .mapWith(t -> CustodyKg.shortForm(t.getObject())).toList());
    }

    private static Path write(Path dir, String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}

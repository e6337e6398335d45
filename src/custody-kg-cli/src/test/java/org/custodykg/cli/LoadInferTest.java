package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.Txn;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.reason.RuleSet;
import org.custodykg.store.InferredMark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custody load --infer} derives the inferred graph into the store once and marks it, so opening
 * the store again does not derive it again; a later load withdraws the mark and drops the graph.
 */
class LoadInferTest {
    /** Opens a store as it is on disk, so a test sees what a load left there before anything is derived. */
    private static final CustodyGraph.Options AS_LOADED = CustodyGraph.Options.trusted().withoutInferred();

    /** The report's date-independent conclusions (see AskingLeavesTheDatasetAloneTest). */
    private static final long DERIVED = 631;

    @TempDir
    Path temp;

    @Test
    void loadWithInferDerivesOnceAndMarksTheStore() throws Exception {
        Path store = temp.resolve("store");
        CliTest.Run load = CliTest.run(args(store, "--infer"));
        assertEquals(0, load.exit(), load.err());
        List<String> lines = load.out().lines().toList();
        assertEquals(2, lines.size(), load.out());
        assertTrue(lines.get(1).matches("Derived 631 triples into the inferred graph in \\d+\\.\\d s"), lines.get(1));
        assertEquals(RuleSet.embedded().fingerprint() + "\n", Files.readString(store.resolve("custody-inferred"), StandardCharsets.UTF_8));

        try (CustodyGraph graph = CustodyGraph.openStore(store)) {
            assertEquals(DERIVED, inferredSize(graph));
            Triple one = Txn.calculateRead(graph.dataset(), () -> inferred(graph).find().next());
            Txn.executeWrite(graph.dataset(), () -> inferred(graph).delete(one));
            // the mark says the graph is current, so nothing is derived: the deleted triple stays deleted
            assertEquals(0, graph.materialiseInferred());
            assertEquals(DERIVED - 1, inferredSize(graph));
        }
        try (CustodyGraph graph = CustodyGraph.openStore(store)) {
            // without its mark the graph is derived afresh: the deleted conclusion is back
            InferredMark.of(graph.dataset()).orElseThrow().forget();
            assertEquals(DERIVED, graph.materialiseInferred());
            assertEquals(DERIVED, inferredSize(graph));
            assertTrue(Files.exists(store.resolve("custody-inferred")));
        }
    }

    @Test
    void aMarkFromOtherRulesIsNotTrustedAndTheirConclusionsGo() throws Exception {
        Path store = temp.resolve("store");
        assertEquals(0, CliTest.run(args(store, "--infer")).exit());
        Files.writeString(store.resolve("custody-inferred"), "rules that are not these\n", StandardCharsets.UTF_8);
        Triple stale = Triple.create(NodeFactory.createURI(CustodyKg.ID_BASE + "route/from-other-rules"),
                NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + "routeService"), NodeFactory.createURI(CustodyKg.ID_BASE + "service/icloud"));
        try (CustodyGraph graph = CustodyGraph.openStore(store, AS_LOADED)) {
            Txn.executeWrite(graph.dataset(), () -> inferred(graph).add(stale));
            assertEquals(DERIVED, graph.materialiseInferred());
            assertEquals(DERIVED, inferredSize(graph));
            assertFalse(Txn.calculateRead(graph.dataset(), () -> inferred(graph).contains(stale)));
            assertEquals(RuleSet.embedded().fingerprint() + "\n", Files.readString(store.resolve("custody-inferred"), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aLaterLoadWithdrawsTheMarkAndDropsTheInferredGraph() throws Exception {
        Path store = temp.resolve("store");
        assertEquals(0, CliTest.run(args(store, "--infer")).exit());
        Path more = Files.writeString(temp.resolve("more.ttl"),
                "<https://w3id.org/custody-kg/id/organisation/apple> <http://www.w3.org/2000/01/rdf-schema#comment> \"added later\" .\n");
        CliTest.Run second = CliTest.run("load", "--store", store.toString(), "--no-validate", more.toString());
        assertEquals(0, second.exit(), second.err());
        assertFalse(Files.exists(store.resolve("custody-inferred")));
        try (CustodyGraph graph = CustodyGraph.openStore(store, AS_LOADED)) {
            assertEquals(0, inferredSize(graph));
            assertEquals(DERIVED, graph.materialiseInferred());
            assertTrue(Files.exists(store.resolve("custody-inferred")));
        }
    }

    @Test
    void aFailedLoadLeavesTheMarkAndTheInferredGraph() throws Exception {
        Path store = temp.resolve("store");
        assertEquals(0, CliTest.run(args(store, "--infer")).exit());
        Path bad = Files.writeString(temp.resolve("bad.nt"), "<urn:a> <urn:b> \"unterminated .\n");
        assertEquals(3, CliTest.run("load", "--store", store.toString(), bad.toString()).exit());
        assertEquals(RuleSet.embedded().fingerprint() + "\n", Files.readString(store.resolve("custody-inferred"), StandardCharsets.UTF_8));
        try (CustodyGraph graph = CustodyGraph.openStore(store)) {
            assertEquals(DERIVED, inferredSize(graph));
            assertEquals(0, graph.materialiseInferred());
        }
    }

    @Test
    void derivedInANewStoresLoadIsWhatDerivingOverTheStoreGives() throws Exception {
        Path inLoad = temp.resolve("in-load");
        assertEquals(0, CliTest.run(args(inLoad, "--infer")).exit());
        Path after = temp.resolve("after");
        assertEquals(0, CliTest.run(args(after)).exit());
        try (CustodyGraph derivedInLoad = CustodyGraph.openStore(inLoad, AS_LOADED);
                CustodyGraph derivedAfter = CustodyGraph.openStore(after, AS_LOADED)) {
            assertEquals(DERIVED, derivedAfter.materialiseInferred());
            List<String> expected = inferredTriples(derivedAfter);
            assertEquals(DERIVED, expected.size());
            assertEquals(expected, inferredTriples(derivedInLoad));
        }
    }

    @Test
    void loadWithInferIntoAStoreThatHoldsDataDerivesOverTheWholeStore() throws Exception {
        Path store = temp.resolve("store");
        assertEquals(0, CliTest.run(args(store)).exit());
        Path more = Files.writeString(temp.resolve("more.ttl"),
                "<https://w3id.org/custody-kg/id/organisation/apple> <http://www.w3.org/2000/01/rdf-schema#comment> \"added later\" .\n");
        CliTest.Run second = CliTest.run("load", "--store", store.toString(), "--no-validate", "--infer", more.toString());
        assertEquals(0, second.exit(), second.err());
        List<String> lines = second.out().lines().toList();
        assertTrue(lines.get(1).matches("Derived 631 triples into the inferred graph in \\d+\\.\\d s"), second.out());
        assertTrue(second.err().contains("deriving the inferred graph (the load above is committed"), second.err());
        assertEquals(RuleSet.embedded().fingerprint() + "\n", Files.readString(store.resolve("custody-inferred"), StandardCharsets.UTF_8));
        try (CustodyGraph graph = CustodyGraph.openStore(store, AS_LOADED)) {
            assertEquals(DERIVED, inferredSize(graph));
        }
    }

    @Test
    void anInMemoryGraphHasNoMark() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            assertEquals(false, InferredMark.of(graph.dataset()).isPresent());
        }
    }

    private static String[] args(Path store, String... options) {
        List<String> args = new ArrayList<>(List.of("load", "--store", store.toString()));
        args.addAll(List.of(options));
        try (Stream<Path> files = Files.walk(Path.of("data"))) {
            files.filter(file -> file.toString().endsWith(".ttl")).sorted().map(Path::toString).forEach(args::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return args.toArray(String[]::new);
    }

    private static Graph inferred(CustodyGraph graph) {
        return graph.dataset().asDatasetGraph().getGraph(NodeFactory.createURI(CustodyKg.INFERRED_GRAPH));
    }

    private static List<String> inferredTriples(CustodyGraph graph) {
        return Txn.calculateRead(graph.dataset(), () -> inferred(graph).find().mapWith(Triple::toString).toList().stream().sorted().toList());
    }

    private static long inferredSize(CustodyGraph graph) {
        return Txn.calculateRead(graph.dataset(), () -> inferred(graph).size());
    }
}

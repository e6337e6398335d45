package org.custodykg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.custodykg.CustodyGraph;
import org.custodykg.DataException;
import org.custodykg.ResultTable;
import org.custodykg.store.Store;
import org.custodykg.store.StoreLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * REGEX and REPLACE run in linear time, on the in-memory graph and on a TDB2 store alike: a pattern that
 * backtracks exponentially in java.util.regex ({@code (a|aa)*b} against 60 a's: about 10^12 steps)
 * answers at once. Were the rewrite missing, these tests would not finish.
 */
class LinearRegexTest {
    private static final String A60 = "a".repeat(60) + "c";
    private static final String DATA = "<https://example.org/s> <http://www.w3.org/2000/01/rdf-schema#comment> \"" + A60 + "\" .\n"
            + "<https://example.org/t> <http://www.w3.org/2000/01/rdf-schema#comment> \"aab\"@en .\n";

    @TempDir
    static Path temp;

    static Stream<CustodyGraph> graphs() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Path file = Files.writeString(data.resolve("strings.nt"), DATA);
        Path store = temp.resolve("store-" + System.nanoTime());
        StoreLoader.loadInto(store, GraphFactory.createDefaultGraph(), line -> { }, List.of(file), null);
        return Stream.of(CustodyGraph.openDirectory(data, CustodyGraph.Options.trusted()), CustodyGraph.over(Store.connect(store)));
    }

    @ParameterizedTest
    @MethodSource("graphs")
    void aBacktrackingPatternOverDataAnswersAtOnce(CustodyGraph graph) {
        try (graph) {
            assertEquals(List.of("<https://example.org/t>"), column(graph.sparql("""
                    SELECT ?s { ?s <http://www.w3.org/2000/01/rdf-schema#comment> ?c FILTER regex(?c, "^(a|aa)*b$") }"""), "s"));
            assertEquals(List.of("<https://example.org/t>"), column(graph.sparql("""
                    SELECT ?s { ?s <http://www.w3.org/2000/01/rdf-schema#comment> ?c
                                FILTER <http://www.w3.org/2005/xpath-functions#matches>(?c, "^(a|aa)*b$") }"""), "s"));
            assertEquals(List.of("\"x\"@en"), column(graph.sparql("""
                    SELECT ?r { <https://example.org/t> <http://www.w3.org/2000/01/rdf-schema#comment> ?c
                                BIND(REPLACE(?c, "^(a|aa)*b", "x") AS ?r) }"""), "r"));
            assertEquals(List.of("<https://example.org/s>"), column(graph.sparql("""
                    SELECT ?s { ?s <http://www.w3.org/2000/01/rdf-schema#comment> ?c FILTER STRSTARTS(STR(?s), "https://example.org/")
                                FILTER NOT EXISTS { FILTER regex(?c, "^(a|aa)*b$") } }"""), "s"));
        }
    }

    @Test
    void constantsAreNotFoldedByTheBacktrackingEngine() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            ResultTable table = graph.sparql("SELECT (regex(\"" + A60 + "\", \"^(a|aa)*b$\") AS ?m) (regex(\"ABC\", \"b\", \"i\") AS ?i) "
                    + "(regex(\"a b\", \"a b\", \"x\") AS ?x) (regex(\"a.b\", \".\", \"q\") AS ?q) (regex(\"aa\", \"(a)\\\\1\") AS ?backref) {}").table();
            assertEquals(List.of("\"false\"^^<http://www.w3.org/2001/XMLSchema#boolean>"), column(table, "m"));
            assertEquals(List.of("\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>"), column(table, "i"));
            assertEquals(List.of("\"false\"^^<http://www.w3.org/2001/XMLSchema#boolean>"), column(table, "x"));
            assertEquals(List.of("\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>"), column(table, "q"));
            // RE2 has no back-references: an evaluation error, so the variable is left unbound
            assertEquals(1, table.rows().size());
            assertEquals(false, table.rows().get(0).has("backref"));
        }
    }

    @Test
    void serviceIsRefused() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            assertEquals("query: SERVICE is not allowed (the graph never calls other endpoints)",
                    assertThrows(DataException.class, () -> graph.sparql("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"))
                            .getMessage());
        }
    }

    private static List<String> column(org.custodykg.Answer answer, String variable) {
        return column(answer.table(), variable);
    }

    private static List<String> column(ResultTable table, String variable) {
        return table.rows().stream().map(row -> NodeFmtLib.strNT(row.node(variable).orElseThrow())).toList();
    }
}

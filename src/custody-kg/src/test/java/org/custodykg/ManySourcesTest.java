package org.custodykg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many sources, one story (issue 16): the counts of sources, facts, corroborated facts and conflicts,
 * and the exact rows of the conflicts and requests-over-time questions, in memory and on a TDB2 store.
 */
class ManySourcesTest {
    @TempDir
    static Path temp;

    private static CustodyGraph memory;
    private static CustodyGraph store;

    @BeforeAll
    static void open() {
        memory = CustodyGraph.openDefault();
        TestData.copyNamedGraphs(memory.dataset(), temp.resolve("store"));
        store = CustodyGraph.openStore(temp.resolve("store"));
    }

    @AfterAll
    static void close() {
        store.close();
        memory.close();
    }

    static Stream<CustodyGraph> graphs() {
        return Stream.of(memory, store);
    }

    private static List<String> rows(CustodyGraph graph, String question, Map<String, String> parameters, String... columns) {
        return graph.ask(question, parameters).table().rows().stream()
                .map(row -> String.join(" | ", Stream.of(columns).map(c -> row.has(c) ? row.shortForm(c) : "").toList()))
                .toList();
    }

    private static long count(CustodyGraph graph, String select) {
        return graph.sparql(select).table().rows().get(0).integer("n");
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void theCountsOfSourcesFactsCorroborationsAndConflicts(CustodyGraph graph) {
        String ckg = "PREFIX ckg: <" + CustodyKg.ONTOLOGY_NS + "> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";
        assertEquals(16, count(graph, ckg + "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d a ckg:SourceDocument }"));
        assertEquals(48, count(graph, ckg + "SELECT (COUNT(DISTINCT ?f) AS ?n) { ?f a/rdfs:subClassOf* ckg:Fact }"));
        List<Row> support = graph.ask("corroboration", Map.of()).table().rows();
        assertEquals(48, support.size());
        assertEquals(14, support.stream().filter(r -> r.integer("sources") > 1).count(), "facts two or more independent sources support");
        assertEquals(5, support.stream().filter(r -> r.bool("disputed").orElse(false)).count(), "disputed facts");
        assertEquals(5, graph.ask("conflicts", Map.of()).table().rows().stream()
                .map(r -> r.iri("fact") + " " + r.iri("property")).distinct().count(), "conflicts: a fact's property with two values");
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void theConflictsEachClaimWithItsSource(CustodyGraph graph) {
        assertEquals(List.of(
                "fact:stance-apple-assessment-hong-kong | ckg:stanceType | ckg:Assessment | source:bbc-2020-07-07-hong-kong-data-pause",
                "fact:stance-apple-assessment-hong-kong | ckg:stanceType | ckg:Pause | source:hkfp-2021-05-08-hong-kong-user-data-requests",
                "fact:requests-hong-kong-facebook-2020-07-2020-12 | ckg:count | 202 | source:appledaily-2021-06-09-facebook-requests",
                "fact:requests-hong-kong-facebook-2020-07-2020-12 | ckg:count | 202 | source:hkfp-2021-06-08-facebook-refused-requests",
                "fact:requests-hong-kong-facebook-2020-07-2020-12 | ckg:count | 223 | source:rfa-2021-06-08-facebook-user-data-requests",
                "fact:requests-hong-kong-facebook-2020-01-2020-06 | ckg:count | 63 | source:rfa-2021-06-08-facebook-user-data-requests",
                "fact:requests-hong-kong-facebook-2020-01-2020-06 | ckg:count | 63 | source:hkfp-2021-06-08-facebook-refused-requests",
                "fact:requests-hong-kong-facebook-2020-01-2020-06 | ckg:count | 262 | source:appledaily-2021-06-09-facebook-requests",
                "fact:stance-telegram-pause-hong-kong | ckg:announcedOn | 2020-07-05 | source:hkfp-2020-07-05-telegram-data-requests",
                "fact:stance-telegram-pause-hong-kong | ckg:announcedOn | 2020-07-05 | source:taiwannews-2020-07-06-telegram",
                "fact:stance-telegram-pause-hong-kong | ckg:announcedOn | 2020-07-06 | source:ap-2020-07-06-hong-kong-user-data",
                "fact:entry-into-force-hong-kong-national-security-law | ckg:tookEffectOn | 2020-06-30 | source:appledaily-2021-06-09-facebook-requests",
                "fact:entry-into-force-hong-kong-national-security-law | ckg:tookEffectOn | 2020-07-01 | source:rfa-2021-06-08-facebook-user-data-requests",
                "fact:entry-into-force-hong-kong-national-security-law | ckg:tookEffectOn | 2020-07-01 | source:verge-2020-07-06-hong-kong-data-requests"),
                rows(graph, "conflicts", Map.of(), "fact", "property", "value", "source"));
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void requestsOverTimeForFacebookAndMicrosoft(CustodyGraph graph) {
        assertEquals(List.of(
                "2020-01 | 2020-06 | requests | 63 | 24.0 | 2",
                "2020-01 | 2020-06 | requests | 262 |  | 1",
                "2020-07 | 2020-12 | requests | 202 |  | 2",
                "2020-07 | 2020-12 | requests | 223 |  | 1"),
                rows(graph, "requests-over-time", Map.of("company", "Facebook"),
                        "periodStart", "periodEnd", "countedThingLabel", "count", "percentDataProvided", "sources"));
        assertEquals(List.of("organisation:hong-kong-government | 2019-07 | 2019-12 | accounts | 81 | 1 | fact:requests-hong-kong-microsoft-2019-07-2019-12"),
                rows(graph, "requests-over-time", Map.of("company", "Microsoft", "authority", "Hong Kong"),
                        "authority", "periodStart", "periodEnd", "countedThingLabel", "count", "sources", "fact"));
    }

    /** The stances answer says how many independent sources support each stance, and which are disputed. */
    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void stancesSayHowManySourcesSupportThemAndWhetherTheyAreDisputed(CustodyGraph graph) {
        // Apple's assessment: the BBC's "assessing" against Hong Kong Free Press's "halted" (2021)
        assertEquals(List.of("assessment | 2 | true | fact:stance-apple-assessment-hong-kong",
                "compliance | 1 | false | fact:stance-apple-compliance-hong-kong"),
                rows(graph, "stances", Map.of("firm", "Apple"), "stanceTypeLabel", "sources", "disputed", "fact"));
        assertEquals(List.of("market exit | 3 | false", "refusal | 1 | false"),
                rows(graph, "stances", Map.of("firm", "TikTok"), "stanceTypeLabel", "sources", "disputed"));
    }
}

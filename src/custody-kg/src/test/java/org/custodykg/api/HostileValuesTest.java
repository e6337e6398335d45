package org.custodykg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.custodykg.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values written to break out of a query are plain values: they name nothing, so the answer is an
 * unknown-name error for the parameter, never extra rows.
 */
class HostileValuesTest {
    private static final String LONG = "a".repeat(100_000);
    private static CustodyGraph graph;
    private static CustodyGraph withDateQuestion;

    @TempDir
    static Path temp;

    @BeforeAll
    static void open() throws IOException {
        graph = CustodyGraph.openDefault();
        Path repo = TestData.repository(temp);
        Files.createDirectories(repo.resolve("queries"));
        Files.writeString(repo.resolve("queries/announced-since.rq"), """
                # @question Which stances were announced no earlier than a date?
                # @param since xsd:date The earliest announcement date
                # @example since=2020-07-01
                # @answer
                # | fact |
                PREFIX ckg: <https://w3id.org/custody-kg/ontology#>
                SELECT ?fact WHERE { ?fact ckg:announcedNoEarlierThan ?day . FILTER(?day >= ?since) } ORDER BY ?fact
                """);
        withDateQuestion = CustodyGraph.openDirectory(repo, CustodyGraph.Options.trusted());
    }

    @AfterAll
    static void close() {
        graph.close();
        withDateQuestion.close();
    }

    static Stream<Arguments> hostileValues() {
        return Stream.of(
                Arguments.of("Nokia\"", "Nokia\""),
                Arguments.of("Nokia'", "Nokia'"),
                Arguments.of("}", "}"),
                Arguments.of("#", "#"),
                Arguments.of("iCloud\n} UNION { ?s ?p ?o", "iCloud?} UNION { ?s ?p ?o"),
                Arguments.of("UNION", "UNION"),
                Arguments.of("\\u0022", "\\u0022"),
                Arguments.of("iCloud\\u0022 } UNION { ?fact ?p ?o } #", "iCloud\\u0022 } UNION { ?fact ?p ?o } #"),
                Arguments.of("\") . } SELECT * WHERE { ?s ?p ?o } #", "\") . } SELECT * WHERE { ?s ?p ?o } #"),
                Arguments.of("<https://w3id.org/custody-kg/id/service/icloud>", "<https://w3id.org/custody-kg/id/service/icloud>"),
                Arguments.of(LONG, "a".repeat(80) + "…"));
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void entityParameterTakesTheValueAsAPlainName(String value, String shown) {
        ArgumentException e = assertThrows(ArgumentException.class, () -> graph.ask("key-custody", Map.of("service", value)));
        // a value holding a service's name is offered that name, as any name that matches nothing is
        String offered = value.toLowerCase(java.util.Locale.ROOT).contains("icloud") ? "; did you mean: iCloud?"
                : " (expected a name, an alternative name or an IRI of an entity of class ckg:Service)";
        assertEquals("service: no ckg:Service is called '" + shown + "'" + offered, e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void dateParameterTakesTheValueAsAPlainLexicalForm(String value, String shown) {
        ArgumentException e = assertThrows(ArgumentException.class,
                () -> withDateQuestion.ask("announced-since", Map.of("since", value)));
        assertEquals("since: expected a value of type xsd:date such as 2020-07-07, got '" + shown + "'", e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void typedMethodsTakeTheValueAsAPlainName(String value, String shown) {
        ArgumentException e = assertThrows(ArgumentException.class, () -> graph.stances(value));
        assertEquals("firm: no ckg:Organisation is called '" + shown + "' (expected a name, an alternative name or an "
                + "IRI of an entity of class ckg:Organisation)", e.getMessage());
    }

    @Test
    void aGoodDateBindsAsADate() {
        assertEquals(7, withDateQuestion.ask("announced-since", Map.of("since", "2020-06-30")).table().size());
        // the four pauses announced "over the past two days" before the report of 7 July 2020
        assertEquals(4, withDateQuestion.ask("announced-since", Map.of("since", "2020-07-01")).table().size());
        assertEquals(0, withDateQuestion.ask("announced-since", Map.of("since", "2020-07-06")).table().size());
    }

    @Test
    void punctuationAroundARealNameStillMeansOnlyThatEntity() {
        // Names compare without punctuation, so this is iCloud: its one row, never more.
        assertEquals(List.of("service:icloud"), graph.ask("key-custody", Map.of("service", "iCloud\" } #"))
                .table().rows().stream().map(row -> row.shortForm("service")).toList());
    }
}

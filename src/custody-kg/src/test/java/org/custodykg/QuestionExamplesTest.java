package org.custodykg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every named question, run with its {@code @example} parameters, gives exactly its {@code @answer}. */
class QuestionExamplesTest {
    private static final CustodyGraph GRAPH = CustodyGraph.openDefault();

    @AfterAll
    static void close() {
        GRAPH.close();
    }

    static Stream<Question> questions() {
        return GRAPH.questions().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void exampleGivesTheHeaderAnswer(Question question) {
        assertFalse(question.expectedAnswer().isEmpty(), question.name() + " has no @answer");
        ExpectedAnswers.assertMatchesHeader(question, GRAPH.ask(question.name(), question.example()));
    }

    /** A question asked for several authorities is merged in its ORDER BY order: it must sort by output columns only. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void orderByNamesOnlyOutputColumns(Question question) {
        Query query = question.query();
        if (!query.isSelectType()) {
            return;
        }
        List<String> projected = query.getProjectVars().stream().map(Var::getVarName).toList();
        for (SortCondition condition : query.getOrderBy()) {
            assertTrue(condition.getExpression().isVariable()
                    && projected.contains(condition.getExpression().getVarName()), question.name() + ": " + condition);
        }
    }

    @Test
    void theFifteenQuestionsAreAllRead() {
        assertEquals(List.of("blocked-services", "conflicts", "corroboration", "describe", "holdings", "key-custody",
                "legal-channel", "market-exits", "operators", "requests-over-time", "requests-received", "sources", "stances",
                "storage", "transparency"),
                questions().map(Question::name).toList());
    }
}

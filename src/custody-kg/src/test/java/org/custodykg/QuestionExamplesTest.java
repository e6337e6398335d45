package org.custodykg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;
import org.custodykg.query.Question;
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

    @Test
    void theTwelveQuestionsAreAllRead() {
        assertEquals(List.of("blocked-services", "describe", "holdings", "key-custody", "legal-channel", "market-exits",
                "operators", "requests-received", "sources", "stances", "storage", "transparency"),
                questions().map(Question::name).toList());
    }
}

package org.custodykg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodykg.Answer;
import org.custodykg.Question;
import org.custodykg.ResultTable;
import org.custodykg.Row;

/** Compares an answer with the {@code @answer} written in its question's header. */
public final class ExpectedAnswers {
    private static final Pattern TRIPLES = Pattern.compile("(\\d+) triples");

    private ExpectedAnswers() {}

    /**
     * A table answer must have the header's variables and rows, cell by cell in short form (trimmed);
     * a graph answer written as {@code N triples} must have that many triples.
     */
    public static void assertMatchesHeader(Question question, Answer answer) {
        List<String> expected = question.expectedAnswer();
        Matcher triples = expected.size() == 1 ? TRIPLES.matcher(expected.get(0).trim()) : null;
        if (triples != null && triples.matches()) {
            assertEquals(Long.parseLong(triples.group(1)), answer.graph().size(), question.name() + ": triple count");
            return;
        }
        ResultTable table = answer.table();
        assertEquals(cells(expected.get(0)), table.vars(), question.name() + ": variables");
        List<List<String>> expectedRows = expected.subList(1, expected.size()).stream().map(ExpectedAnswers::cells).toList();
        List<List<String>> actualRows = new ArrayList<>();
        for (Row row : table.rows()) {
            actualRows.add(table.vars().stream().map(v -> row.shortForm(v).trim()).toList());
        }
        assertEquals(expectedRows, actualRows, question.name() + ": rows");
    }

    /** The cells of one {@code | a | b |} line, trimmed. */
    static List<String> cells(String line) {
        String inner = line.trim();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList();
    }
}

package org.custodykg.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.custodykg.Answer;
import org.custodykg.AnswerFormat;
import org.custodykg.ArgumentException;

/** Prints an answer in the format asked for, or a terminal's default: a text table, Turtle, or yes/no. */
final class AnswerPrinter {
    private AnswerPrinter() {}

    /**
     * @param format null for the default
     * @throws ArgumentException naming {@code format} when it does not fit the answer
     */
    static void print(Answer answer, AnswerFormat format, PrintWriter out) {
        AnswerFormat chosen = format != null ? format.forKind(answer.kind())
                : answer.kind() == Answer.Kind.GRAPH ? AnswerFormat.TTL : AnswerFormat.TEXT;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        chosen.write(answer, bytes);
        out.print(bytes.toString(StandardCharsets.UTF_8));
        out.flush();
    }
}

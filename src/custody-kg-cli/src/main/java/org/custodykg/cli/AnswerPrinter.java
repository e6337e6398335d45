package org.custodykg.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.custodykg.ArgumentException;
import org.custodykg.Answer;
import org.custodykg.ResultTable;

/** Prints an answer in the format asked for, checking that the format fits the kind of answer. */
final class AnswerPrinter {
    private AnswerPrinter() {}

    /**
     * @param format null for the default: a text table, Turtle, or yes/no
     * @throws ArgumentException naming {@code --format} when it does not fit the answer
     */
    static void print(Answer answer, Format format, PrintWriter out) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        switch (answer.kind()) {
            case TABLE -> {
                ResultTable table = answer.table();
                switch (format == null ? Format.text : format) {
                    case text -> {
                        out.print(table.toText());
                        out.flush();
                        return;
                    }
                    case csv -> table.writeCsv(bytes);
                    case tsv -> table.writeTsv(bytes);
                    case json -> table.writeJson(bytes);
                    case xml -> table.writeXml(bytes);
                    default -> throw misfit(format, "a table (SELECT)", "text, csv, tsv, json or xml");
                }
            }
            case GRAPH -> {
                RDFFormat rdf = switch (format == null ? Format.ttl : format) {
                    case ttl -> RDFFormat.TURTLE_PRETTY;
                    case jsonld -> RDFFormat.JSONLD11_PRETTY;
                    default -> throw misfit(format, "a graph (CONSTRUCT or DESCRIBE)", "ttl or jsonld");
                };
                RDFWriter.source(answer.graph()).format(rdf).output(bytes);
            }
            case BOOLEAN -> {
                switch (format == null ? Format.text : format) {
                    case text -> {
                        out.println(answer.bool() ? "yes" : "no");
                        out.flush();
                        return;
                    }
                    case json -> ResultSetFormatter.outputAsJSON(bytes, answer.bool());
                    case xml -> ResultSetFormatter.outputAsXML(bytes, answer.bool());
                    default -> throw misfit(format, "a yes/no answer (ASK)", "text, json or xml");
                }
            }
        }
        out.print(bytes.toString(StandardCharsets.UTF_8));
        out.flush();
    }

    private static ArgumentException misfit(Format format, String kind, String fitting) {
        return new ArgumentException("format", format + " does not fit " + kind + "; expected " + fitting);
    }
}

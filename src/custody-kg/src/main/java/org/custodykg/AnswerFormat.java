package org.custodykg;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;

/**
 * The formats an answer is written in, one list for the command line, the server and embedders: SPARQL
 * results (JSON, XML, CSV, TSV) and an aligned text table for tables and yes/no answers; Turtle,
 * N-Triples, JSON-LD and RDF/XML for graphs. Names are accepted in any case and as RDF tools spell them
 * ({@code turtle}, {@code json-ld}, {@code n-triples}, {@code rdfxml}).
 *
 * <pre>{@code
 * AnswerFormat.named("json-ld").forKind(answer.kind()).write(answer, out);
 * }</pre>
 */
public enum AnswerFormat {
    /** SPARQL 1.1 Query Results JSON. */
    JSON("json", "application/sparql-results+json", Answer.Kind.TABLE, Answer.Kind.BOOLEAN),
    /** SPARQL Query Results XML. */
    XML("xml", "application/sparql-results+xml", Answer.Kind.TABLE, Answer.Kind.BOOLEAN),
    /** SPARQL 1.1 Query Results CSV. */
    CSV("csv", "text/csv", Answer.Kind.TABLE, Answer.Kind.BOOLEAN),
    /** SPARQL 1.1 Query Results TSV. */
    TSV("tsv", "text/tab-separated-values", Answer.Kind.TABLE, Answer.Kind.BOOLEAN),
    /** An aligned text table ({@link ResultTable#toText()}), or {@code yes}/{@code no}. */
    TEXT("text", "text/plain", Answer.Kind.TABLE, Answer.Kind.BOOLEAN),
    /** Turtle, with the project's prefixes. */
    TTL("ttl", "text/turtle", Answer.Kind.GRAPH),
    /** N-Triples. */
    NT("nt", "application/n-triples", Answer.Kind.GRAPH),
    /** JSON-LD 1.1. */
    JSONLD("jsonld", "application/ld+json", Answer.Kind.GRAPH),
    /** RDF/XML. */
    RDFXML("rdf", "application/rdf+xml", Answer.Kind.GRAPH);

    /** The names RDF tools give the formats besides their own. */
    private static final Map<String, AnswerFormat> ALIASES = Map.of("turtle", TTL, "n-triples", NT, "ntriples", NT,
            "json-ld", JSONLD, "rdfxml", RDFXML, "rdf/xml", RDFXML, "txt", TEXT);

    private final String name;
    private final String mediaType;
    private final Set<Answer.Kind> kinds;

    AnswerFormat(String name, String mediaType, Answer.Kind first, Answer.Kind... rest) {
        this.name = name;
        this.mediaType = mediaType;
        this.kinds = EnumSet.of(first, rest);
    }

    /** The format's own name ({@code json}, {@code ttl}). */
    public String formatName() {
        return name;
    }

    /** The media type the format is served as, without parameters. */
    public String mediaType() {
        return mediaType;
    }

    /** Whether answers of this kind can be written in this format. */
    public boolean fits(Answer.Kind kind) {
        return kinds.contains(kind);
    }

    /**
     * The format a name means, for any kind of answer: its own name or an alias, in any case.
     *
     * @throws ArgumentException naming {@code format} and the accepted names
     */
    public static AnswerFormat named(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (AnswerFormat format : values()) {
            if (format.name.equals(key)) {
                return format;
            }
        }
        AnswerFormat alias = ALIASES.get(key);
        if (alias == null) {
            throw new ArgumentException("format", "expected one of " + namesWithAliases() + ", but got '" + name + "'");
        }
        return alias;
    }

    /**
     * This format for an answer of the given kind. {@code json} and {@code xml} asked of a graph mean its
     * JSON and XML forms, JSON-LD and RDF/XML, as the SPARQL protocol's clients expect.
     *
     * @throws ArgumentException naming {@code format} and the formats that fit, when this one cannot
     */
    public AnswerFormat forKind(Answer.Kind kind) {
        if (fits(kind)) {
            return this;
        }
        if (kind == Answer.Kind.GRAPH && this == JSON) {
            return JSONLD;
        }
        if (kind == Answer.Kind.GRAPH && this == XML) {
            return RDFXML;
        }
        List<String> fitting = fitting(kind).stream().map(AnswerFormat::formatName).toList();
        throw new ArgumentException("format", name + " does not fit " + describe(kind) + "; expected "
                + String.join(", ", fitting.subList(0, fitting.size() - 1)) + " or " + fitting.get(fitting.size() - 1));
    }

    /** The formats answers of this kind can be written in, in the order a server offers them. */
    public static List<AnswerFormat> fitting(Answer.Kind kind) {
        return Arrays.stream(values()).filter(format -> format.fits(kind)).toList();
    }

    /** The format served as this media type for answers of this kind, if there is one. */
    public static Optional<AnswerFormat> ofMediaType(String mediaType, Answer.Kind kind) {
        return fitting(kind).stream().filter(format -> format.mediaType.equalsIgnoreCase(mediaType)).findFirst();
    }

    /**
     * Writes the answer in this format, in UTF-8.
     *
     * @throws ArgumentException naming {@code format} when the format does not fit the answer
     */
    public void write(Answer answer, OutputStream out) {
        AnswerFormat format = forKind(answer.kind());
        switch (answer.kind()) {
            case GRAPH -> RDFWriter.source(answer.graph()).format(format.rdfFormat()).output(out);
            case TABLE -> {
                ResultTable table = answer.table();
                switch (format) {
                    case XML -> table.writeXml(out);
                    case CSV -> table.writeCsv(out);
                    case TSV -> table.writeTsv(out);
                    case TEXT -> writeText(out, table.toText());
                    default -> table.writeJson(out);
                }
            }
            case BOOLEAN -> {
                switch (format) {
                    case XML -> ResultSetFormatter.outputAsXML(out, answer.bool());
                    case CSV -> ResultSetFormatter.outputAsCSV(out, answer.bool());
                    case TSV -> ResultSetFormatter.outputAsTSV(out, answer.bool());
                    case TEXT -> writeText(out, answer.bool() ? "yes\n" : "no\n");
                    default -> ResultSetFormatter.outputAsJSON(out, answer.bool());
                }
            }
        }
    }

    private RDFFormat rdfFormat() {
        return switch (this) {
            case NT -> RDFFormat.NTRIPLES;
            case JSONLD -> RDFFormat.JSONLD11_PRETTY;
            case RDFXML -> RDFFormat.RDFXML_PRETTY;
            default -> RDFFormat.TURTLE_PRETTY;
        };
    }

    private static void writeText(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String describe(Answer.Kind kind) {
        return switch (kind) {
            case TABLE -> "a table (SELECT)";
            case GRAPH -> "a graph (CONSTRUCT or DESCRIBE)";
            case BOOLEAN -> "a yes/no answer (ASK)";
        };
    }

    /** The accepted names with their aliases: {@code ttl (turtle)}. */
    static String namesWithAliases() {
        return Arrays.stream(values()).map(format -> {
            List<String> aliases = ALIASES.entrySet().stream().filter(alias -> alias.getValue() == format)
                    .map(Map.Entry::getKey).sorted().toList();
            return aliases.isEmpty() ? format.name : format.name + " (" + String.join(", ", aliases) + ")";
        }).collect(Collectors.joining(", "));
    }
}

package org.custodykg;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.custodykg.ArgumentException;

/** The dump formats: four that hold triples only (named graphs merged) and two that keep named graphs. */
public enum ExportFormat {
    /** Turtle. */
    TTL("ttl", "text/turtle", false),
    /** N-Triples, sorted line by line. */
    NT("nt", "application/n-triples", false),
    /** JSON-LD 1.1, compacted with the project's context. */
    JSONLD("jsonld", "application/ld+json", false),
    /** RDF/XML. */
    RDFXML("rdf", "application/rdf+xml", false),
    /** TriG: one block per named graph. */
    TRIG("trig", "application/trig", true),
    /** N-Quads, sorted line by line. */
    NQ("nq", "application/n-quads", true);

    /** The names RDF tools give the formats besides their own ({@code turtle}, {@code json-ld}, {@code n-quads}). */
    private static final java.util.Map<String, ExportFormat> ALIASES = java.util.Map.of("turtle", TTL, "n-triples", NT,
            "ntriples", NT, "json-ld", JSONLD, "rdf/xml", RDFXML, "n-quads", NQ, "nquads", NQ);

    private final String extension;
    private final String mediaType;
    private final boolean quads;

    ExportFormat(String extension, String mediaType, boolean quads) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.quads = quads;
    }

    /** The file-name suffix, without the dot ({@code ttl}, {@code rdf}). */
    public String extension() {
        return extension;
    }

    /** The media type the format is served as. */
    public String mediaType() {
        return mediaType;
    }

    /** Whether the format keeps named graphs (N-Quads, TriG) rather than merging them. */
    public boolean keepsNamedGraphs() {
        return quads;
    }

    /**
     * The format a name means: {@code ttl nt jsonld rdfxml trig nq}, a file suffix, or a common alias such as
     * {@code turtle} or {@code json-ld} (any case).
     *
     * @throws ArgumentException naming the option and the accepted names
     */
    public static ExportFormat parse(String name) {
        for (ExportFormat format : values()) {
            if (format.name().equalsIgnoreCase(name) || format.extension.equalsIgnoreCase(name)) {
                return format;
            }
        }
        ExportFormat alias = ALIASES.get(name.toLowerCase(java.util.Locale.ROOT));
        if (alias != null) {
            return alias;
        }
        throw new ArgumentException("format", "expected one of " + names() + ", but got '" + name + "'");
    }

    /** The accepted names, in order, joined by {@code |}. */
    public static String names() {
        return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining("|"));
    }
}

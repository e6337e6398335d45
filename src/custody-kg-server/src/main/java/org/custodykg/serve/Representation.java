package org.custodykg.serve;

import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.custodykg.ExportFormat;

/** The forms a resource page is offered in, with the suffix that asks for each explicitly. */
enum Representation {
    TURTLE("ttl", ExportFormat.TTL),
    JSONLD("jsonld", ExportFormat.JSONLD),
    RDFXML("rdf", ExportFormat.RDFXML),
    NTRIPLES("nt", ExportFormat.NT),
    HTML("html", null);

    /** Offered in this order: a client that accepts anything gets Turtle. */
    private static final AcceptList OFFERS = AcceptList.create("text/turtle", "application/ld+json",
            "application/rdf+xml", "application/n-triples", "text/html");

    private final String suffix;
    private final ExportFormat format;

    Representation(String suffix, ExportFormat format) {
        this.suffix = suffix;
        this.format = format;
    }

    String suffix() {
        return suffix;
    }

    /** The RDF format written for this representation; empty for HTML. */
    Optional<ExportFormat> format() {
        return Optional.ofNullable(format);
    }

    String mediaType() {
        return format == null ? "text/html" : format.mediaType();
    }

    String contentType() {
        return mediaType() + ";charset=utf-8";
    }

    /** The representation a suffix names ({@code ttl}, {@code jsonld}, {@code rdf}, {@code nt}, {@code html}). */
    static Optional<Representation> forSuffix(String suffix) {
        for (Representation r : values()) {
            if (r.suffix.equals(suffix)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The best representation for an Accept header (none or empty means anything); empty when none fits. */
    static Optional<Representation> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(TURTLE);
        }
        MediaType chosen = AcceptList.match(new AcceptList(accept), OFFERS);
        if (chosen == null) {
            return Optional.empty();
        }
        for (Representation r : values()) {
            if (r.mediaType().equals(chosen.getContentTypeStr())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}

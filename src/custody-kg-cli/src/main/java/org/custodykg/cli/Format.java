package org.custodykg.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.TypeConversionException;

/** How a command prints its answer: text, csv, tsv, json and xml for tables; ttl and jsonld for graphs. */
enum Format {
    text, csv, tsv, json, xml, ttl, jsonld;

    /** The names people type for a format besides its own, as RDF tools spell them. */
    private static final Map<String, Format> ALIASES = Map.of("turtle", ttl, "json-ld", jsonld, "txt", text, "table", text);

    /**
     * The format a name means, in any case: its own name or a common alias ({@code turtle}, {@code json-ld}).
     *
     * @throws TypeConversionException naming the accepted names (picocli adds the option)
     */
    static Format parse(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (Format format : values()) {
            if (format.name().equals(key)) {
                return format;
            }
        }
        Format alias = ALIASES.get(key);
        if (alias == null) {
            throw new TypeConversionException("expected one of text, csv, tsv, json, xml, ttl (turtle), jsonld (json-ld),"
                    + " but got '" + name + "'");
        }
        return alias;
    }
}

package org.custodykg.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.custodykg.DataException;

/**
 * The column mapping of a transparency table, read from a W3C CSVW metadata document ("Metadata
 * Vocabulary for Tabular Data"): {@code tableSchema.columns}, each with {@code titles} (the header),
 * {@code propertyUrl} (one of the request-statistics properties below), {@code datatype} ({@code string},
 * {@code integer}, {@code decimal} or {@code gYearMonth}, optionally an object with {@code base},
 * {@code minimum}, {@code maximum}) and {@code required}.
 */
final class Mapping {
    static final String AUTHORITY = "ckg:requestingAuthority";
    static final String PERIOD_START = "ckg:periodStart";
    static final String PERIOD_END = "ckg:periodEnd";
    static final String COUNTED_THING = "ckg:countedThing";
    static final String COUNT = "ckg:count";
    static final String PERCENT = "ckg:percentDataProvided";
    private static final List<String> PROPERTIES = List.of(AUTHORITY, PERIOD_START, PERIOD_END, COUNTED_THING, COUNT, PERCENT);
    private static final Set<String> REQUIRED = Set.of(AUTHORITY, PERIOD_START, PERIOD_END, COUNTED_THING, COUNT);
    private static final Set<String> DATATYPES = Set.of("string", "integer", "decimal", "gYearMonth");

    private final Map<String, Column> byProperty;

    private Mapping(Map<String, Column> byProperty) {
        this.byProperty = byProperty;
    }

    /** The column that maps to the property, if the mapping has one. */
    Optional<Column> column(String property) {
        return Optional.ofNullable(byProperty.get(property));
    }

    /** Every column, in the order the mapping gives them. */
    List<Column> columns() {
        return List.copyOf(byProperty.values());
    }

    static Mapping read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new DataException(file + ": cannot read the mapping: " + e.getMessage());
        }
    }

    static Mapping read(InputStream in, String where) {
        JsonObject metadata;
        try {
            metadata = JSON.parse(in);
        } catch (JsonException e) {
            throw new DataException(where + ": not a JSON document: " + e.getMessage(), e);
        }
        JsonValue schema = metadata.get("tableSchema");
        if (schema == null || !schema.isObject() || !schema.getAsObject().hasKey("columns")
                || !schema.getAsObject().get("columns").isArray()) {
            throw new DataException(where + ": a CSVW mapping needs tableSchema.columns, a list of columns");
        }
        Map<String, Column> byProperty = new LinkedHashMap<>();
        int index = 0;
        for (JsonValue value : schema.getAsObject().get("columns").getAsArray()) {
            index++;
            Column column = column(value, where + ": column " + index);
            if (byProperty.put(column.property(), column) != null) {
                throw new DataException(where + ": column " + index + ": a second column for " + column.property());
            }
        }
        List<String> missing = new ArrayList<>();
        REQUIRED.stream().filter(p -> !byProperty.containsKey(p)).sorted().forEach(missing::add);
        if (!missing.isEmpty()) {
            throw new DataException(where + ": no column for " + String.join(", ", missing));
        }
        return new Mapping(byProperty);
    }

    private static Column column(JsonValue value, String where) {
        if (!value.isObject()) {
            throw new DataException(where + ": a column must be a JSON object");
        }
        JsonObject column = value.getAsObject();
        String property = string(column, "propertyUrl", where);
        if (!PROPERTIES.contains(property)) {
            throw new DataException(where + ": propertyUrl " + property + " is none of " + String.join(", ", PROPERTIES));
        }
        JsonValue titles = column.get("titles");
        String title = titles != null && titles.isArray() && !titles.getAsArray().isEmpty()
                ? titles.getAsArray().get(0).getAsString().value() : string(column, "titles", where);
        String name = column.hasKey("name") ? string(column, "name", where) : title;
        JsonValue datatype = column.get("datatype");
        String base = "string";
        Optional<BigDecimal> minimum = Optional.empty();
        Optional<BigDecimal> maximum = Optional.empty();
        if (datatype != null && datatype.isString()) {
            base = datatype.getAsString().value();
        } else if (datatype != null && datatype.isObject()) {
            base = string(datatype.getAsObject(), "base", where);
            minimum = bound(datatype.getAsObject(), "minimum", where);
            maximum = bound(datatype.getAsObject(), "maximum", where);
        }
        if (!DATATYPES.contains(base)) {
            throw new DataException(where + ": datatype " + base + " is none of string, integer, decimal, gYearMonth");
        }
        boolean required = column.hasKey("required") && column.get("required").isBoolean()
                && column.get("required").getAsBoolean().value();
        return new Column(name, title, property, base, required || REQUIRED.contains(property), minimum, maximum);
    }

    private static String string(JsonObject object, String key, String where) {
        JsonValue value = object.get(key);
        if (value == null || !value.isString()) {
            throw new DataException(where + ": " + key + " must be a string");
        }
        return value.getAsString().value();
    }

    private static Optional<BigDecimal> bound(JsonObject object, String key, String where) {
        JsonValue value = object.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw new DataException(where + ": " + key + " must be a number");
        }
        return Optional.of(new BigDecimal(value.getAsNumber().value().toString()));
    }
}

package org.custodykg.ingest;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Node;
import org.custodykg.DataException;

/**
 * A transparency table read through its mapping: every row checked cell by cell, names resolved in
 * the graph. The first problem stops the reading, with one line naming file, row and column.
 */
final class Table {
    /** One row of the table, its names resolved. line is the row's line in the file (the header is line 1). */
    record Row(int line, Node authority, String periodStart, String periodEnd, Node countedThing, BigInteger count,
               Optional<BigDecimal> percent, String evidence) {
        String key() {
            return authority + " " + periodStart + " " + periodEnd + " " + countedThing;
        }
    }

    /** Turns a cell's text into the graph's entity; throws IllegalArgumentException naming what is unknown. */
    interface Names {
        Node authority(String country);

        Node countedThing(String label);
    }

    private Table() {}

    static List<Row> read(Path file, Mapping mapping, Names names) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "")).toList();
            Map<String, Integer> positions = new HashMap<>();
            for (Column column : mapping.columns()) {
                int at = header.indexOf(column.title());
                if (at < 0 && column.required()) {
                    throw new DataException(file + ":1: no column \"" + column.title() + "\" (mapped to " + column.property()
                            + "); the header has " + String.join(", ", header));
                }
                positions.put(column.property(), at);
            }
            List<Row> rows = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (CSVRecord record : parser) {
                Row row = row(file, record, mapping, positions, names);
                Integer earlier = seen.putIfAbsent(row.key(), row.line());
                if (earlier != null) {
                    throw new DataException(file + ":" + row.line() + ": the same country, period and counted thing as row "
                            + earlier);
                }
                rows.add(row);
            }
            if (rows.isEmpty()) {
                throw new DataException(file + ":2: the table has no rows");
            }
            return rows;
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new DataException(file + ": not a readable CSV table: " + e.getMessage(), e);
        }
    }

    private static Row row(Path file, CSVRecord record, Mapping mapping, Map<String, Integer> positions, Names names) {
        int line = Math.toIntExact(parserLine(record));
        Cells cells = new Cells(file, line, record, mapping, positions);
        Node authority = cells.resolved(Mapping.AUTHORITY, names::authority);
        String start = (String) cells.value(Mapping.PERIOD_START).orElseThrow();
        String end = (String) cells.value(Mapping.PERIOD_END).orElseThrow();
        if (start.compareTo(end) > 0) {
            throw cells.problem(Mapping.PERIOD_END, "the period ends (" + end + ") before it starts (" + start + ")");
        }
        Node counted = cells.resolved(Mapping.COUNTED_THING, names::countedThing);
        BigInteger count = (BigInteger) cells.value(Mapping.COUNT).orElseThrow();
        Optional<BigDecimal> percent = cells.value(Mapping.PERCENT).map(BigDecimal.class::cast);
        return new Row(line, authority, start, end, counted, count, percent, String.join(" | ", record.values()));
    }

    /** The line of the record's first character: records are counted from the header, one line each. */
    private static long parserLine(CSVRecord record) {
        return record.getRecordNumber() + 1;
    }

    /** The cells of one record, each read through its column. */
    private record Cells(Path file, int line, CSVRecord record, Mapping mapping, Map<String, Integer> positions) {
        Optional<Object> value(String property) {
            Optional<Column> column = mapping.column(property);
            if (column.isEmpty() || positions.get(property) < 0) {
                return Optional.empty();
            }
            int at = positions.get(property);
            String cell = at < record.size() ? record.get(at) : "";
            if (cell.isEmpty()) {
                if (column.get().required()) {
                    throw problem(property, "empty, but the column is required");
                }
                return Optional.empty();
            }
            try {
                return Optional.of(column.get().parse(cell));
            } catch (IllegalArgumentException e) {
                throw problem(property, e.getMessage());
            }
        }

        Node resolved(String property, Function<String, Node> resolve) {
            String text = (String) value(property).orElseThrow();
            try {
                return resolve.apply(text);
            } catch (IllegalArgumentException e) {
                throw problem(property, e.getMessage());
            }
        }

        DataException problem(String property, String message) {
            Column column = mapping.column(property).orElseThrow();
            return new DataException(file + ":" + line + ":" + (positions.get(property) + 1) + ": column \""
                    + column.title() + "\": " + message);
        }
    }
}

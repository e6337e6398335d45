package org.custodykg;

import org.custodykg.Row;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.core.Var;

/**
 * The answer to a SELECT: variables and rows, copied out of the store so it outlives the transaction
 * that produced it. Prints as an aligned text table, CSV, TSV or SPARQL results JSON.
 */
public final class ResultTable {
    private final List<String> vars;
    private final List<Row> rows;
    private final RowSetRewindable rowSet;

    /** Copies a result set out of its transaction, so the table can be read after it ends. */
    public ResultTable(RowSet source) {
        this.rowSet = source.rewindable();
        this.vars = rowSet.getResultVars().stream().map(Var::getVarName).toList();
        List<Row> copied = new ArrayList<>();
        while (rowSet.hasNext()) {
            Binding binding = rowSet.next();
            Map<String, Node> values = new HashMap<>();
            binding.vars().forEachRemaining(v -> values.put(v.getVarName(), binding.get(v)));
            copied.add(new Row(values));
        }
        rowSet.reset();
        this.rows = List.copyOf(copied);
    }

    /** The result variables, in the query's order. */
    public List<String> vars() {
        return vars;
    }

    /** The rows, in the query's order. */
    public List<Row> rows() {
        return rows;
    }

    /** The number of rows. */
    public int size() {
        return rows.size();
    }

    /**
     * An aligned text table: a header of variable names, a rule, then one line per row, each value in the
     * project's short form. Columns are separated by " | ".
     */
    public String toText() {
        List<List<String>> cells = new ArrayList<>();
        cells.add(vars);
        for (Row row : rows) {
            cells.add(vars.stream().map(row::shortForm).toList());
        }
        int[] widths = new int[vars.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).codePointCount(0, line.get(i).length()));
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            appendLine(out, cells.get(r), widths);
            if (r == 0) {
                List<String> rule = new ArrayList<>();
                for (int width : widths) {
                    rule.add("-".repeat(width));
                }
                appendLine(out, rule, widths);
            }
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> line, int[] widths) {
        StringBuilder text = new StringBuilder("| ");
        for (int i = 0; i < widths.length; i++) {
            String cell = line.get(i);
            text.append(cell).append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()))).append(" | ");
        }
        out.append(text.toString().stripTrailing()).append('\n');
    }

    /** Writes the rows as CSV (SPARQL 1.1 CSV results). */
    public void writeCsv(OutputStream out) {
        ResultSetFormatter.outputAsCSV(out, resultSet());
    }

    /** Writes the rows as TSV (SPARQL 1.1 TSV results). */
    public void writeTsv(OutputStream out) {
        ResultSetFormatter.outputAsTSV(out, resultSet());
    }

    /** Writes the rows as SPARQL 1.1 results XML. */
    public void writeXml(OutputStream out) {
        ResultSetFormatter.outputAsXML(out, resultSet());
    }

    /** Writes the rows as SPARQL 1.1 results JSON. */
    public void writeJson(OutputStream out) {
        ResultSetFormatter.outputAsJSON(out, resultSet());
    }

    /** The rows as SPARQL results JSON text. */
    public String toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeJson(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A fresh Jena result set over the rows, for Jena's own writers. */
    public synchronized ResultSetRewindable resultSet() {
        rowSet.reset();
        ResultSetRewindable copy = ResultSet.adapt(rowSet).rewindable();
        rowSet.reset();
        return copy;
    }
}

package org.custodykg.bench;

import java.io.PrintWriter;
import java.util.Locale;

/** Writes benchmark figures as Markdown table rows as they are measured, so a cut-short run keeps what it got. */
final class Report {
    private final PrintWriter out;
    private String section = "";

    Report(PrintWriter out) {
        this.out = out;
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    void rate(String kind, String what, long triples, double millis) {
        header(kind, "| what | triples | ms | triples/s |", "|---|---:|---:|---:|");
        line(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %,.0f |", what, triples, millis, triples / (millis / 1000)));
    }

    void heap(String what, long bytes, long triples) {
        header("heap", "| what | heap after GC (MiB) | MiB per million triples |", "|---|---:|---:|");
        double mib = bytes / (1024.0 * 1024.0);
        line(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f |", what, mib, mib / (triples / 1e6)));
    }

    void query(String store, String question, String engine, int rows, double coldMs, double warmMs) {
        header("query", "| store | question | engine | rows | cold ms | warm median ms |", "|---|---|---|---:|---:|---:|");
        line(String.format(Locale.ROOT, "| %s | %s | %s | %,d | %s | %s |", store, question, engine, rows,
                Double.isNaN(coldMs) ? "–" : String.format(Locale.ROOT, "%.1f", coldMs),
                String.format(Locale.ROOT, warmMs < 0.01 ? "%.5f" : "%.3f", warmMs)));
    }

    private void header(String kind, String columns, String rule) {
        if (!kind.equals(section)) {
            section = kind;
            line("");
            line(columns);
            line(rule);
        }
    }
}

package org.custodykg.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * A firm's government data requests period by period, as an SVG bar chart drawn here (no external
 * program): one group of bars per reporting period and requesting authority, one bar per value the
 * sources give (two bars side by side where they disagree), from the requests-over-time question.
 */
final class RequestsChart {
    private static final int BAR = 26;
    private static final int GAP = 18;
    private static final int HEIGHT = 160;
    private static final int TOP = 20;
    private static final int BOTTOM = 58;
    private static final int LEFT = 10;

    private RequestsChart() {}

    /** Appends the chart when the firm has request figures; nothing otherwise. */
    static void section(Html html, Graph union, Node firm) {
        List<Binding> rows = SourceSupport.ask(union, "requests-over-time", "company", firm);
        if (rows.isEmpty()) {
            return;
        }
        Map<String, List<Binding>> groups = new LinkedHashMap<>();
        for (Binding row : rows) {
            String period = SourceSupport.text(row, "periodStart") + " – " + SourceSupport.text(row, "periodEnd");
            groups.computeIfAbsent(period + "\n" + SourceSupport.text(row, "authorityLabel"), k -> new ArrayList<>()).add(row);
        }
        long max = rows.stream().mapToLong(r -> SourceSupport.number(r, "count")).max().orElse(1);
        int width = LEFT;
        for (List<Binding> bars : groups.values()) {
            width += bars.size() * BAR + GAP;
        }
        width = Math.max(width + LEFT, 200);
        html.raw("<h2>Requests over time</h2>\n<figure id=\"requests-chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .raw(Integer.toString(width)).raw("\" height=\"").raw(Integer.toString(TOP + HEIGHT + BOTTOM))
                .raw("\" viewBox=\"0 0 ").raw(Integer.toString(width)).raw(" ").raw(Integer.toString(TOP + HEIGHT + BOTTOM))
                .raw("\"><title>").text("Government data requests to " + html.label(firm) + ", by period").raw("</title>\n");
        int x = LEFT;
        for (Map.Entry<String, List<Binding>> group : groups.entrySet()) {
            List<Binding> bars = group.getValue();
            for (int i = 0; i < bars.size(); i++) {
                Binding bar = bars.get(i);
                long count = SourceSupport.number(bar, "count");
                int h = max == 0 ? 0 : (int) Math.round((double) count * HEIGHT / max);
                html.raw("<rect class=\"").raw(bars.size() > 1 ? "bar disputed" : "bar").raw("\" x=\"").raw(Integer.toString(x + i * BAR))
                        .raw("\" y=\"").raw(Integer.toString(TOP + HEIGHT - h)).raw("\" width=\"").raw(Integer.toString(BAR - 4))
                        .raw("\" height=\"").raw(Integer.toString(h)).raw("\" fill=\"").raw(i == 0 ? "#4a7ab5" : "#c77c2e")
                        .raw("\"><title>").text(count + " " + SourceSupport.text(bar, "countedThingLabel") + ", "
                                + SourceSupport.number(bar, "sources") + " source(s)").raw("</title></rect>")
                        .raw("<text x=\"").raw(Integer.toString(x + i * BAR + (BAR - 4) / 2)).raw("\" y=\"")
                        .raw(Integer.toString(TOP + HEIGHT - h - 4)).raw("\" font-size=\"10\" text-anchor=\"middle\">")
                        .text(Long.toString(count)).raw("</text>\n");
            }
            String[] label = group.getKey().split("\n");
            int middle = x + bars.size() * BAR / 2;
            html.raw("<text x=\"").raw(Integer.toString(middle)).raw("\" y=\"").raw(Integer.toString(TOP + HEIGHT + 16))
                    .raw("\" font-size=\"10\" text-anchor=\"middle\">").text(label[0]).raw("</text>")
                    .raw("<text x=\"").raw(Integer.toString(middle)).raw("\" y=\"").raw(Integer.toString(TOP + HEIGHT + 30))
                    .raw("\" font-size=\"9\" text-anchor=\"middle\">").text(label.length > 1 ? label[1] : "").raw("</text>\n");
            x += bars.size() * BAR + GAP;
        }
        html.raw("<line x1=\"").raw(Integer.toString(LEFT)).raw("\" y1=\"").raw(Integer.toString(TOP + HEIGHT))
                .raw("\" x2=\"").raw(Integer.toString(width - LEFT)).raw("\" y2=\"").raw(Integer.toString(TOP + HEIGHT))
                .raw("\" stroke=\"#333\"/>\n</svg><figcaption>").text(String.format(Locale.ROOT,
                        "%d figures; side-by-side bars are values on which the sources disagree.", rows.size()))
                .raw("</figcaption></figure>\n");
    }
}

package org.custodykg.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.custodykg.CustodyKg;

/**
 * The HTML page of a resource: its label and types, its facts in a table, the sources with their
 * quotations, and the facts that point at it, each linked to its own page.
 */
final class ResourcePage {
    private static final Node SOURCE = ckg("source");
    private static final Node EVIDENCE = ckg("evidence");
    private static final Node SUPPORTS = ckg("supports");
    private static final Node QUOTATION = ckg("quotation");
    private static final Node STATED_BY = ckg("statedBy");
    private static final Set<Node> SHOWN_APART = Set.of(RDF.type.asNode(), RDFS.label.asNode(), EVIDENCE);

    private ResourcePage() {}

    private static Node ckg(String local) {
        return NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + local);
    }

    /**
     * Renders the page; {@code union} gives the labels of properties and classes (read transaction).
     *
     * @param selfPath the page's path without suffix, for the format links and paging
     */
    static String render(Description d, Graph union, LocalLinks links, String selfPath) {
        Html html = new Html(links, union);
        Node s = d.subject();
        html.head(html.label(s), selfPath);
        html.raw("<h1 id=\"label\">").text(html.label(s)).raw("</h1>\n<p><code id=\"iri\">").text(s.getURI()).raw("</code></p>\n");
        List<Node> types = objects(d.graph(), s, RDF.type.asNode());
        if (!types.isEmpty()) {
            html.raw("<p id=\"types\">A ");
            join(html, types);
            html.raw(".</p>\n");
        }
        factsTable(html, d.graph(), s);
        sources(html, d.graph(), s);
        SourceSupport.section(html, union, s);
        RequestsChart.section(html, union, s);
        incoming(html, d, selfPath);
        html.raw("<footer><p>This page as ");
        for (Representation r : Representation.values()) {
            if (r != Representation.HTML) {
                html.raw("<a href=\"").text(selfPath + "." + r.suffix()).raw("\">").text(r.suffix()).raw("</a> ");
            }
        }
        html.raw("· <a href=\"").text(links.contextPath() + "/.well-known/void").raw("\">about the dataset</a></p></footer>\n");
        return html.end().toString();
    }

    private static void factsTable(Html html, Graph g, Node s) {
        Map<Node, List<Node>> byProperty = new LinkedHashMap<>();
        g.find(s, Node.ANY, Node.ANY).toList().stream()
                .filter(t -> !SHOWN_APART.contains(t.getPredicate()))
                .sorted(Comparator.comparing((Triple t) -> html.label(t.getPredicate())).thenComparing(t -> NodeFmtLib.strNT(t.getObject())))
                .forEach(t -> byProperty.computeIfAbsent(t.getPredicate(), p -> new ArrayList<>()).add(t.getObject()));
        if (byProperty.isEmpty()) {
            return;
        }
        html.raw("<h2>Facts</h2>\n<table id=\"facts\">\n");
        byProperty.forEach((p, values) -> {
            html.raw("<tr><th>").term(p).raw("</th><td>");
            join(html, values);
            html.raw("</td></tr>\n");
        });
        html.raw("</table>\n");
    }

    private static void sources(Html html, Graph g, Node s) {
        List<Node> evidence = objects(g, s, EVIDENCE);
        List<Node> statements = subjects(g, SUPPORTS, s);
        if (evidence.isEmpty() && statements.isEmpty()) {
            return;
        }
        html.raw("<h2>Sources</h2>\n<div id=\"sources\">\n");
        for (Node quote : evidence) {
            html.raw("<blockquote>").text(quote.getLiteralLexicalForm()).raw("</blockquote>\n");
            html.raw("<p>— ");
            join(html, objects(g, s, SOURCE));
            html.raw("</p>\n");
        }
        for (Node statement : statements) {
            for (Node quote : objects(g, statement, QUOTATION)) {
                html.raw("<blockquote>").text(quote.getLiteralLexicalForm()).raw("</blockquote>\n");
            }
            html.raw("<p>— ");
            join(html, objects(g, statement, STATED_BY));
            html.raw(", in ");
            join(html, objects(g, statement, SOURCE));
            html.raw(" (").term(statement).raw(")</p>\n");
        }
        html.raw("</div>\n");
    }

    private static void incoming(Html html, Description d, String selfPath) {
        List<Triple> in = d.graph().find(Node.ANY, Node.ANY, d.subject()).toList().stream()
                .sorted(Comparator.comparing((Triple t) -> html.label(t.getSubject())).thenComparing(t -> html.label(t.getPredicate())))
                .toList();
        if (in.isEmpty()) {
            return;
        }
        html.raw("<h2>What points here</h2>\n<ul id=\"incoming\">\n");
        for (Triple t : in) {
            html.raw("<li>").term(t.getSubject()).raw(" — ").text(html.label(t.getPredicate()));
            List<Node> quotes = objects(d.graph(), t.getSubject(), EVIDENCE);
            if (!quotes.isEmpty()) {
                html.raw("<blockquote>").text(quotes.get(0).getLiteralLexicalForm()).raw("</blockquote>");
            }
            html.raw("</li>\n");
        }
        html.raw("</ul>\n");
        int page = d.page();
        if (page > 0 || d.morePages()) {
            html.raw("<p id=\"pages\">").text(d.incoming() + " links in all. ");
            if (page > 0) {
                html.raw("<a rel=\"prev\" href=\"").text(selfPath + "?page=" + (page - 1)).raw("\">previous</a> ");
            }
            if (d.morePages()) {
                html.raw("<a rel=\"next\" href=\"").text(selfPath + "?page=" + (page + 1)).raw("\">next</a>");
            }
            html.raw("</p>\n");
        }
    }

    private static void join(Html html, List<Node> nodes) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                html.raw(", ");
            }
            html.term(nodes.get(i));
        }
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        Set<Node> sorted = new TreeSet<>(Comparator.comparing(NodeFmtLib::strNT));
        g.find(s, p, Node.ANY).forEachRemaining(t -> sorted.add(t.getObject()));
        return List.copyOf(sorted);
    }

    private static List<Node> subjects(Graph g, Node p, Node o) {
        Set<Node> sorted = new TreeSet<>(Comparator.comparing(NodeFmtLib::strNT));
        g.find(Node.ANY, p, o).forEachRemaining(t -> sorted.add(t.getSubject()));
        return List.copyOf(sorted);
    }
}

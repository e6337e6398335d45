package org.custodykg.serve;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;

/**
 * The HTML page of a resource, in the order a reader asks: what it is (its types and own facts); who
 * holds its data and keys, and where; which legal routes reach it; for a firm, its stances by date; the
 * sources with their quotations; then whatever else points at it. Every term shows as its label, and
 * what the inferred graph repeats (a super-property's copy of a statement, a type's super-classes) shows
 * once. The page links to the query page with a query of the resource's facts filled in.
 */
final class ResourcePage {
    private static final Node SOURCE = ckg("source");
    private static final Node EVIDENCE = ckg("evidence");
    private static final Node SUPPORTS = ckg("supports");
    private static final Node QUOTATION = ckg("quotation");
    private static final Node STATED_BY = ckg("statedBy");
    private static final Node STANCE = ckg("Stance");
    private static final Node STANCE_HOLDER = ckg("stanceHolder");
    private static final Node NO_EARLIER = ckg("announcedNoEarlierThan");
    private static final Node NO_LATER = ckg("announcedNoLaterThan");
    private static final Set<Node> CUSTODY = Set.of(ckg("DataStorage"), ckg("DataBackup"), ckg("KeyCustody"),
            ckg("ServiceOperation"), ckg("WorkforceLocation"), ckg("Relocation"));
    private static final Set<Node> ROUTES = Set.of(ckg("LegalChannel"));
    /** Shown in the page's own places (title, types, sources), not among a resource's facts. */
    private static final Set<Node> SHOWN_APART = Set.of(RDF.type.asNode(), RDFS.label.asNode(), EVIDENCE, SOURCE,
            NodeFactory.createURI("http://www.w3.org/ns/prov#hadPrimarySource"));
    private static final Query FACTS_QUERY = QueryFactory.create("SELECT ?property ?value WHERE { ?entity ?property ?value } "
            + "ORDER BY ?property ?value");

    private ResourcePage() {}

    private static Node ckg(String local) {
        return NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + local);
    }

    /**
     * Renders the page; {@code union} gives the labels, the ontology's hierarchy and the facts about the
     * resource (read transaction), {@code graph} a service's access pictures.
     *
     * @param selfPath the page's path without suffix, for the format links and paging
     */
    static String render(Description d, Graph union, CustodyGraph graph, LocalLinks links, String selfPath) {
        Page page = new Page(new Html(links, union), union, new Hierarchy(union), d.subject());
        Html html = page.html;
        Node s = d.subject();
        html.head(html.label(s), selfPath);
        html.raw("<h1 id=\"label\">").text(html.label(s)).raw("</h1>\n<p><code id=\"iri\">").text(s.getURI()).raw("</code></p>\n");
        page.whatItIs(d.graph());
        Set<Node> shown = new LinkedHashSet<>();
        shown.addAll(page.factSection("custody", "Who holds its data and keys, and where", CUSTODY));
        shown.addAll(routes(page));
        AccessPictures.section(html, graph, union, s, links.contextPath());
        shown.addAll(page.timeline());
        sources(html, d.graph(), s);
        SourceSupport.section(html, union, s);
        RequestsChart.section(html, union, s);
        incoming(page, d, selfPath, shown);
        html.raw("<footer><p><a id=\"query\" href=\"").text(links.contextPath() + "/#query=" + URLEncoder.encode(factsQuery(s), StandardCharsets.UTF_8))
                .raw("\">Query its facts</a> · This page as ");
        for (Representation r : Representation.values()) {
            if (r != Representation.HTML) {
                html.raw("<a href=\"").text(selfPath + "." + r.suffix()).raw("\">").text(r.suffix()).raw("</a> ");
            }
        }
        html.raw("· <a href=\"").text(links.contextPath() + VoidServlet.HTML_PATH).raw("\">about the dataset</a></p></footer>\n");
        return html.end().toString();
    }

    /**
     * The legal routes by which an authority reaches the resource: the legal channels that name it.
     * A section of its own, so that a picture of the routes can join it.
     */
    static Set<Node> routes(Page page) {
        return page.factSection("routes", "Which routes reach it", ROUTES);
    }

    /** The SPARQL of the resource's facts, with the resource bound in the syntax tree. */
    static String factsQuery(Node subject) {
        return QueryTransformOps.transform(FACTS_QUERY, Map.of(Var.alloc("entity"), subject)).serialize();
    }

    /** One page being written: its HTML, the graph it reads, and the folding of inferred repeats. */
    record Page(Html html, Graph union, Hierarchy hierarchy, Node subject) {
        void whatItIs(Graph description) {
            List<Node> types = hierarchy.foldClasses(objects(description, subject, RDF.type.asNode()));
            if (!types.isEmpty()) {
                html.raw("<p id=\"types\">A ");
                join(html, types);
                html.raw(".</p>\n");
            }
            List<Triple> own = hierarchy.foldProperties(description.find(subject, Node.ANY, Node.ANY).toList().stream()
                    .filter(t -> !SHOWN_APART.contains(t.getPredicate())).toList());
            if (!own.isEmpty()) {
                html.raw("<h2 id=\"what\">What it is</h2>\n");
                propertyTable(own, "facts");
            }
        }

        void propertyTable(List<Triple> triples, String id) {
            html.raw("<table").raw(id == null ? "" : " id=\"" + id + "\"").raw(">\n");
            triples.stream().map(Triple::getPredicate).distinct()
                    .sorted(Comparator.comparing((Node p) -> html.label(p)).thenComparing(NodeFmtLib::strNT))
                    .forEach(p -> {
                        html.raw("<tr><th>").term(p).raw("</th><td>");
                        join(html, triples.stream().filter(t -> t.getPredicate().equals(p)).map(Triple::getObject)
                                .sorted(Comparator.comparing(NodeFmtLib::strNT)).toList());
                        html.raw("</td></tr>\n");
                    });
            html.raw("</table>\n");
        }

        /** A section of the facts of those classes that name the resource; returns the facts shown. */
        Set<Node> factSection(String id, String title, Set<Node> classes) {
            List<Node> facts = union.find(Node.ANY, Node.ANY, subject).toList().stream().map(Triple::getSubject)
                    .filter(f -> f.isURI() && classes.stream().anyMatch(c -> union.contains(f, RDF.type.asNode(), c)))
                    .distinct().sorted(Comparator.comparing((Node f) -> html.label(f)).thenComparing(NodeFmtLib::strNT)).toList();
            if (facts.isEmpty()) {
                return Set.of();
            }
            html.raw("<h2>").text(title).raw("</h2>\n<ul id=\"").raw(id).raw("\">\n");
            facts.forEach(this::fact);
            html.raw("</ul>\n");
            return Set.copyOf(facts);
        }

        /** A fact: its label, what it says besides naming the resource, its quotation and source. */
        void fact(Node fact) {
            html.raw("<li>").term(fact);
            List<Triple> says = hierarchy.foldProperties(union.find(fact, Node.ANY, Node.ANY).toList().stream()
                    .filter(t -> !SHOWN_APART.contains(t.getPredicate()) && !t.getObject().equals(subject)).toList());
            if (!says.isEmpty()) {
                propertyTable(says, null);
            }
            quotation(fact);
            html.raw("</li>\n");
        }

        void quotation(Node fact) {
            for (Node quote : objects(union, fact, EVIDENCE)) {
                html.raw("<blockquote>").text(quote.getLiteralLexicalForm()).raw("</blockquote>\n");
            }
            List<Node> sources = objects(union, fact, SOURCE);
            if (!sources.isEmpty()) {
                html.raw("<p class=\"source\">— ");
                join(html, sources);
                html.raw("</p>\n");
            }
        }

        /** A firm's stances (pauses, refusals, exits …) by the date they were announced, each with its source. */
        Set<Node> timeline() {
            List<Node> stances = union.find(Node.ANY, STANCE_HOLDER, subject).toList().stream().map(Triple::getSubject)
                    .filter(f -> union.contains(f, RDF.type.asNode(), STANCE)).distinct()
                    .sorted(Comparator.comparing((Node f) -> when(f)).thenComparing(f -> html.label(f))).toList();
            if (stances.isEmpty()) {
                return Set.of();
            }
            html.raw("<h2>Stances by date</h2>\n<ol id=\"timeline\">\n");
            for (Node stance : stances) {
                html.raw("<li><time>").text(announced(stance)).raw("</time> ").term(stance);
                List<Triple> says = hierarchy.foldProperties(union.find(stance, Node.ANY, Node.ANY).toList().stream()
                        .filter(t -> !SHOWN_APART.contains(t.getPredicate()) && !t.getObject().equals(subject)
                                && !t.getPredicate().equals(NO_EARLIER) && !t.getPredicate().equals(NO_LATER)).toList());
                if (!says.isEmpty()) {
                    propertyTable(says, null);
                }
                quotation(stance);
                html.raw("</li>\n");
            }
            html.raw("</ol>\n");
            return Set.copyOf(stances);
        }

        /** The date a stance is sorted by: the latest it was announced, else the earliest. */
        private String when(Node stance) {
            List<Node> by = objects(union, stance, NO_LATER);
            List<Node> from = objects(union, stance, NO_EARLIER);
            return !by.isEmpty() ? by.get(0).getLiteralLexicalForm() : !from.isEmpty() ? from.get(0).getLiteralLexicalForm() : "";
        }

        /** The announcement as the data knows it: a window of dates, not a day it does not give. */
        private String announced(Node stance) {
            List<Node> by = objects(union, stance, NO_LATER);
            List<Node> from = objects(union, stance, NO_EARLIER);
            String to = by.isEmpty() ? null : by.get(0).getLiteralLexicalForm();
            String since = from.isEmpty() ? null : from.get(0).getLiteralLexicalForm();
            if (since != null && to != null) {
                return since.equals(to) ? to : "between " + since + " and " + to;
            }
            return to != null ? "by " + to : since != null ? "from " + since : "date not given";
        }
    }

    private static void sources(Html html, Graph g, Node s) {
        List<Node> evidence = objects(g, s, EVIDENCE);
        List<Node> statements = subjects(g, SUPPORTS, s);
        List<Node> cited = objects(g, s, SOURCE);
        if (evidence.isEmpty() && statements.isEmpty() && cited.isEmpty()) {
            return;
        }
        html.raw("<h2>Sources and quotations</h2>\n<div id=\"sources\">\n");
        for (Node quote : evidence) {
            html.raw("<blockquote>").text(quote.getLiteralLexicalForm()).raw("</blockquote>\n");
        }
        if (!cited.isEmpty()) {
            html.raw("<p>— ");
            join(html, cited);
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

    private static void incoming(Page page, Description d, String selfPath, Set<Node> shown) {
        Html html = page.html();
        List<Triple> in = page.hierarchy().foldProperties(d.graph().find(Node.ANY, Node.ANY, d.subject()).toList()).stream()
                .filter(t -> !shown.contains(t.getSubject()))
                .sorted(Comparator.comparing((Triple t) -> html.label(t.getSubject())).thenComparing(t -> html.label(t.getPredicate())))
                .toList();
        int pageNumber = d.page();
        if (!in.isEmpty()) {
            html.raw("<h2>What else points here</h2>\n<ul id=\"incoming\">\n");
            for (Triple t : in) {
                html.raw("<li>").term(t.getSubject()).raw(" — ").text(html.label(t.getPredicate()));
                List<Node> quotes = objects(d.graph(), t.getSubject(), EVIDENCE);
                if (!quotes.isEmpty()) {
                    html.raw("<blockquote>").text(quotes.get(0).getLiteralLexicalForm()).raw("</blockquote>");
                }
                html.raw("</li>\n");
            }
            html.raw("</ul>\n");
        }
        if (pageNumber > 0 || d.morePages()) {
            html.raw("<p id=\"pages\">").text(d.incoming() + " links in all. ");
            if (pageNumber > 0) {
                html.raw("<a rel=\"prev\" href=\"").text(selfPath + "?page=" + (pageNumber - 1)).raw("\">previous</a> ");
            }
            if (d.morePages()) {
                html.raw("<a rel=\"next\" href=\"").text(selfPath + "?page=" + (pageNumber + 1)).raw("\">next</a>");
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
        return new ArrayList<>(sorted);
    }

    private static List<Node> subjects(Graph g, Node p, Node o) {
        Set<Node> sorted = new TreeSet<>(Comparator.comparing(NodeFmtLib::strNT));
        g.find(Node.ANY, p, o).forEachRemaining(t -> sorted.add(t.getSubject()));
        return List.copyOf(sorted);
    }
}

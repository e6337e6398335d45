package org.custodykg.serve;

import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.vocabulary.DCTerms;

/**
 * The dataset's VoID/DCAT description as a page for people ({@code /.well-known/void.html}): what the
 * dataset is and under which licence, how many triples in all and per named graph, where to query it,
 * the dumps to download, and the source documents.
 */
final class VoidPage {
    private VoidPage() {}

    /**
     * @param description the VoID graph ({@link VoidServlet})
     * @param self the dataset's node in it
     * @param labels the graph the labels of sources and licences come from (read transaction)
     */
    static String render(Graph description, Node self, Graph labels, LocalLinks links) {
        Html html = new Html(links, labels);
        String title = first(description, self, DCTerms.title.asNode()).getLiteralLexicalForm();
        html.head("About the dataset: " + title, null);
        html.raw("<h1 id=\"label\">").text(title).raw("</h1>\n<p id=\"description\">")
                .text(first(description, self, DCTerms.description.asNode()).getLiteralLexicalForm()).raw("</p>\n");
        html.raw("<table id=\"dataset\">\n");
        row(html, "Licence", objects(description, self, DCTerms.license.asNode()));
        row(html, "Triples", objects(description, self, voidTerm("triples")));
        row(html, "SPARQL endpoint", objects(description, self, voidTerm("sparqlEndpoint")));
        row(html, "Entity IRIs start with", objects(description, self, voidTerm("uriSpace")));
        row(html, "Vocabulary", objects(description, self, voidTerm("vocabulary")));
        html.raw("</table>\n<h2>Named graphs</h2>\n<table id=\"graphs\">\n<tr><th>Graph</th><th>Triples</th></tr>\n");
        for (Node subset : objects(description, self, voidTerm("subset"))) {
            html.raw("<tr><td><code>").text(first(description, subset, NodeFactory.createURI(VoidServlet.SD + "name")).getURI())
                    .raw("</code></td><td>").term(first(description, subset, voidTerm("triples"))).raw("</td></tr>\n");
        }
        html.raw("</table>\n<h2>Downloads</h2>\n<ul id=\"dumps\">\n");
        for (Node dump : objects(description, self, voidTerm("dataDump"))) {
            String href = links.contextPath() + dump.getURI().substring(dump.getURI().indexOf("/dumps/"));
            html.raw("<li><a href=\"").text(href).raw("\">").text(href.substring(href.lastIndexOf('/') + 1)).raw("</a> (")
                    .term(first(description, dump, NodeFactory.createURI(VoidServlet.DCAT + "mediaType"))).raw(")</li>\n");
        }
        html.raw("</ul>\n<h2>Sources</h2>\n<ul id=\"sources\">\n");
        objects(description, self, DCTerms.source.asNode()).stream().sorted(Comparator.comparing(html::label))
                .forEach(source -> html.raw("<li>").term(source).raw("</li>\n"));
        html.raw("</ul>\n<footer><p>As data: <a href=\"").text(links.contextPath() + VoidServlet.PATH + ".ttl")
                .raw("\">Turtle</a> · <a href=\"").text(links.contextPath() + VoidServlet.PATH + ".jsonld")
                .raw("\">JSON-LD</a></p></footer>\n");
        return html.end().toString();
    }

    private static Node voidTerm(String local) {
        return NodeFactory.createURI(VoidServlet.VOID + local);
    }

    private static void row(Html html, String name, List<Node> values) {
        html.raw("<tr><th>").text(name).raw("</th><td>");
        for (int i = 0; i < values.size(); i++) {
            html.raw(i > 0 ? ", " : "").term(values.get(i));
        }
        html.raw("</td></tr>\n");
    }

    private static Node first(Graph g, Node s, Node p) {
        return objects(g, s, p).get(0);
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .sorted(Comparator.comparing(NodeFmtLib::strNT)).toList();
    }
}

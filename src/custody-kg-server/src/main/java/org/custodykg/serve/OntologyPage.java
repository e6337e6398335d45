package org.custodykg.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The ontology as one HTML page: its classes, properties and named individuals, each in a section whose
 * id is the term's local name, so the namespace IRI {@code …/ontology#KeyCustody} lands on its section.
 */
final class OntologyPage {
    private OntologyPage() {}

    static String render(Graph ontology, String namespace, String ontologyIri, LocalLinks links) {
        Html html = new Html(links, ontology);
        Node self = NodeFactory.createURI(ontologyIri);
        html.head(html.label(self), links.contextPath() + "/ontology");
        html.raw("<h1 id=\"label\">").text(html.label(self)).raw("</h1>\n");
        ontology.find(self, RDFS.comment.asNode(), Node.ANY).forEachRemaining(t -> html.raw("<p>").text(t.getObject().getLiteralLexicalForm()).raw("</p>\n"));
        html.raw("<p>Namespace <code>").text(namespace).raw("</code>. JSON-LD context: <a href=\"")
                .text(links.contextPath() + "/ontology/context.jsonld").raw("\">context.jsonld</a>.</p>\n");
        section(html, ontology, namespace, "Classes", "classes", OWL.Class.asNode());
        section(html, ontology, namespace, "Object properties", "object-properties", OWL.ObjectProperty.asNode());
        section(html, ontology, namespace, "Data properties", "data-properties", OWL.DatatypeProperty.asNode());
        section(html, ontology, namespace, "Named individuals", "individuals", OWL2_NAMED_INDIVIDUAL);
        return html.end().toString();
    }

    private static final Node OWL2_NAMED_INDIVIDUAL = NodeFactory.createURI(OWL.NS + "NamedIndividual");

    private static void section(Html html, Graph g, String ns, String title, String id, Node kind) {
        List<Node> terms = new ArrayList<>();
        g.find(Node.ANY, RDF.type.asNode(), kind).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(ns)) {
                terms.add(t.getSubject());
            }
        });
        terms.sort(Comparator.comparing(Node::getURI));
        html.raw("<h2 id=\"").raw(id).raw("\">").text(title).raw("</h2>\n");
        for (Node term : terms) {
            String local = term.getURI().substring(ns.length());
            html.raw("<section id=\"").text(local).raw("\"><h3>").text(html.label(term)).raw(" <code>ckg:").text(local).raw("</code></h3>\n");
            g.find(term, RDFS.comment.asNode(), Node.ANY).forEachRemaining(t -> html.raw("<p>").text(t.getObject().getLiteralLexicalForm()).raw("</p>\n"));
            html.raw("<dl>");
            related(html, g, term, RDF.type.asNode(), "Type");
            related(html, g, term, RDFS.subClassOf.asNode(), "Subclass of");
            related(html, g, term, RDFS.subPropertyOf.asNode(), "Subproperty of");
            related(html, g, term, RDFS.domain.asNode(), "Domain");
            related(html, g, term, RDFS.range.asNode(), "Range");
            html.raw("</dl></section>\n");
        }
    }

    private static void related(Html html, Graph g, Node term, Node property, String name) {
        List<Node> values = g.find(term, property, Node.ANY).mapWith(t -> t.getObject()).toList();
        values.sort(Comparator.comparing(Node::toString));
        if (values.isEmpty()) {
            return;
        }
        html.raw("<dt>").text(name).raw("</dt><dd>");
        for (int i = 0; i < values.size(); i++) {
            html.raw(i > 0 ? ", " : "").term(values.get(i));
        }
        html.raw("</dd>");
    }
}

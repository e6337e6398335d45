package org.custodykg.search;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDFS;
import org.custodykg.CustodyKg;

/**
 * An entity's label read straight from the graph, one lookup each: its English rdfs:label, else one
 * without a language, else any, else its short form. Searching and browsing name thousands of entities
 * at a million triples; they read only the labels they show, never an index of every name.
 */
final class Labels {
    private Labels() {}

    /** Call inside a read transaction. */
    static String of(Graph graph, Node entity) {
        String plain = null;
        String any = null;
        for (var it = graph.find(entity, RDFS.label.asNode(), Node.ANY); it.hasNext(); ) {
            Node label = it.next().getObject();
            if (label.isLiteral()) {
                String lang = label.getLiteralLanguage();
                if (lang.equalsIgnoreCase("en")) {
                    return label.getLiteralLexicalForm();
                }
                if (lang.isEmpty()) {
                    plain = label.getLiteralLexicalForm();
                } else if (any == null) {
                    any = label.getLiteralLexicalForm();
                }
            }
        }
        return plain != null ? plain : any != null ? any : CustodyKg.shortForm(entity);
    }
}

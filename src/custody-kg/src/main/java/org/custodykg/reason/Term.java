package org.custodykg.reason;

import org.apache.jena.graph.Node;
import org.custodykg.CustodyKg;

/**
 * An entity named in an answer: its IRI and its label.
 *
 * @param iri the entity's IRI
 * @param label its rdfs:label, or its short form when it has none
 */
public record Term(String iri, String label) {
    /** The IRI as a prefixed name ({@code service:icloud}). */
    public String shortForm() {
        return CustodyKg.shortForm(node());
    }

    /** The IRI as a Jena node. */
    public Node node() {
        return org.apache.jena.graph.NodeFactory.createURI(iri);
    }
}

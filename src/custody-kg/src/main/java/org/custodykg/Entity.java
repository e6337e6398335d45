package org.custodykg;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * An entity of the graph as the typed answers name it.
 *
 * @param iri the entity's full IRI ({@code https://w3id.org/custody-kg/id/service/icloud})
 * @param label its English label, or its short form ({@code service:icloud}) when it has none
 */
public record Entity(String iri, String label) {
    /** The IRI as a prefixed name ({@code service:icloud}). */
    public String shortForm() {
        return CustodyKg.shortForm(node());
    }

    /** The IRI as a Jena node. */
    public Node node() {
        return NodeFactory.createURI(iri);
    }
}

package org.custodykg;

/**
 * An entity of the graph as the typed answers name it.
 *
 * @param iri the entity's full IRI ({@code https://w3id.org/custody-kg/id/service/icloud})
 * @param label its English label, or its short form ({@code service:icloud}) when it has none
 */
public record Entity(String iri, String label) {
}

package org.custodykg;

/**
 * A named question's parameter: a SPARQL variable the caller may bind.
 *
 * @param name the variable's name, also the command line's {@code --name}
 * @param type for an entity, the IRI of the class its value must belong to; for a literal, an XSD
 *     datatype IRI ({@code xsd:date}, {@code xsd:string}, {@code xsd:integer})
 * @param description what the value means, in plain words
 */
public record Parameter(String name, String type, String description) {
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    /** True when the value names an entity, resolved through labels; false for a literal value. */
    public boolean isEntity() {
        return !type.startsWith(XSD);
    }
}

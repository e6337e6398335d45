package org.custodykg.reason;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;

/** How far the sources reach in time: the newest source document's date, and what that means for a date asked. */
final class Sources {
    private static final Node ISSUED = NodeFactory.createURI("http://purl.org/dc/terms/issued");

    private Sources() {}

    /** The latest {@code dct:issued} xsd:date of a ckg:SourceDocument (inside a read transaction). */
    static Optional<LocalDate> newest(Graph graph) {
        LocalDate newest = null;
        for (Node source : graph.find(Node.ANY, RDF.type.asNode(), AccessPaths.ckg("SourceDocument"))
                .mapWith(t -> t.getSubject()).toList()) {
            for (Node issued : graph.find(source, ISSUED, Node.ANY).mapWith(t -> t.getObject()).toList()) {
                LocalDate date = date(issued);
                if (date != null && (newest == null || date.isAfter(newest))) {
                    newest = date;
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    /**
     * The line saying how the date relates to the sources.
     *
     * @param defaulted true when the date was not asked for, so it is the newest source's (or today)
     */
    static String dateNote(LocalDate asOf, boolean defaulted, Optional<LocalDate> newest) {
        if (newest.isEmpty()) {
            return "as of " + asOf + (defaulted ? " (today: no source in the graph has a date)" : "");
        }
        if (defaulted) {
            return "as of " + asOf + ", the newest source";
        }
        if (asOf.isAfter(newest.get())) {
            return "as of " + asOf + "; the newest source is of " + newest.get()
                    + ", so events after that date are not in the graph";
        }
        return "as of " + asOf;
    }

    private static LocalDate date(Node literal) {
        if (!literal.isLiteral() || !XSDDatatype.XSDdate.getURI().equals(literal.getLiteralDatatypeURI())) {
            return null;
        }
        try {
            return LocalDate.parse(literal.getLiteralLexicalForm());
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }
}

package org.custodykg.reason;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/** How far the sources reach in time: the newest source document's date, and what that means for a date asked. */
final class Sources {
    private static final Node ISSUED = NodeFactory.createURI("http://purl.org/dc/terms/issued");

    private Sources() {}

    /**
     * The latest {@code dct:issued} xsd:date of a ckg:SourceDocument (inside a read transaction). Two
     * index scans, the documents and the issue dates, met in memory: a lookup per document is a thousand
     * finds on a generated store, which a fresh process pays for in hundreds of milliseconds.
     */
    static Optional<LocalDate> newest(Graph graph) {
        Set<Node> documents = graph.find(Node.ANY, RDF.type.asNode(), AccessPaths.ckg("SourceDocument"))
                .mapWith(Triple::getSubject).toSet();
        LocalDate newest = null;
        for (Triple issued : graph.find(Node.ANY, ISSUED, Node.ANY).toList()) {
            LocalDate date = documents.contains(issued.getSubject()) ? date(issued.getObject()) : null;
            if (date != null && (newest == null || date.isAfter(newest))) {
                newest = date;
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

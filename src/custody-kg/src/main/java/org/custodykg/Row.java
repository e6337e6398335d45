package org.custodykg;

import org.custodykg.ResultTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.custodykg.CustodyKg;

/** One row of a {@link ResultTable}: the values bound to its variables, with typed getters. */
public final class Row {
    private final Map<String, Node> values;

    Row(Map<String, Node> values) {
        this.values = Map.copyOf(values);
    }

    /** The raw Jena node bound to the variable, if any. */
    public Optional<Node> node(String var) {
        return Optional.ofNullable(values.get(var));
    }

    /** True when the variable is bound in this row. */
    public boolean has(String var) {
        return values.containsKey(var);
    }

    /**
     * The IRI bound to the variable.
     *
     * @throws IllegalArgumentException if it is unbound or not an IRI
     */
    public String iri(String var) {
        Node node = required(var);
        if (!node.isURI()) {
            throw new IllegalArgumentException(var + ": expected an IRI, found " + node);
        }
        return node.getURI();
    }

    /** The lexical form of the literal (or the IRI) bound to the variable; empty when unbound. */
    public Optional<String> text(String var) {
        return node(var).map(n -> n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString());
    }

    /** The integer bound to the variable. @throws IllegalArgumentException if unbound or not a number */
    public long integer(String var) {
        return decimal(var).longValueExact();
    }

    /** The number bound to the variable. @throws IllegalArgumentException if unbound or not a number */
    public BigDecimal decimal(String var) {
        Node node = required(var);
        if (!node.isLiteral() || !(node.getLiteralValue() instanceof Number)) {
            throw new IllegalArgumentException(var + ": expected a number, found " + node);
        }
        return new BigDecimal(node.getLiteralLexicalForm().trim());
    }

    /** The xsd:date bound to the variable, if any. @throws IllegalArgumentException if not a date */
    public Optional<LocalDate> date(String var) {
        return node(var).map(node -> {
            if (!node.isLiteral() || !XSDDatatype.XSDdate.getURI().equals(node.getLiteralDatatypeURI())) {
                throw new IllegalArgumentException(var + ": expected an xsd:date, found " + node);
            }
            return LocalDate.parse(node.getLiteralLexicalForm());
        });
    }

    /** The boolean bound to the variable, if any. */
    public Optional<Boolean> bool(String var) {
        return node(var).map(n -> Boolean.valueOf(n.getLiteralLexicalForm()));
    }

    /** The value as the project prints it (prefixed IRI, lexical form, or "" when unbound). */
    public String shortForm(String var) {
        return CustodyKg.shortForm(values.get(var));
    }

    private Node required(String var) {
        Node node = values.get(var);
        if (node == null) {
            throw new IllegalArgumentException(var + ": unbound in this row");
        }
        return node;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

package org.custodykg.generate;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.custodykg.CustodyKg;

/** Writes triples to a stream and counts them, so the generator can stop at an exact size. */
final class Emitter {
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final Node TYPE = NodeFactory.createURI(RDF + "type");
    static final Node LABEL = NodeFactory.createURI(RDFS + "label");

    private final StreamRDF out;
    private long count;

    Emitter(StreamRDF out) {
        this.out = out;
    }

    /** An entity IRI minted by the generator: {@code id/KIND/gen-LOCAL}. */
    static Node id(String kind, String local) {
        return NodeFactory.createURI(CustodyKg.ID_BASE + kind + "/gen-" + local);
    }

    /** An ontology term. */
    static Node ckg(String local) {
        return NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + local);
    }

    static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    static Node english(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }

    static Node text(String text) {
        return NodeFactory.createLiteralString(text);
    }

    static Node typed(String lexical, RDFDatatype type) {
        return NodeFactory.createLiteralDT(lexical, type);
    }

    static Node integer(long value) {
        return typed(Long.toString(value), XSDDatatype.XSDinteger);
    }

    void add(Node subject, Node predicate, Node object) {
        out.triple(Triple.create(subject, predicate, object));
        count++;
    }

    /** Adds the type and the English label every generated entity and fact has. */
    void typed(Node subject, Node type, String label) {
        add(subject, TYPE, type);
        add(subject, LABEL, english(label));
    }

    long count() {
        return count;
    }
}

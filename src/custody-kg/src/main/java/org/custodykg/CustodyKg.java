package org.custodykg;

import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDFS;

/**
 * The project's fixed names: the IRI base every entity, graph and ontology term lives under, the named
 * graphs the dataset is organised into, and the prefixes used to print IRIs.
 */
public final class CustodyKg {
    /** The one base of every IRI the project mints. */
    public static final String BASE = "https://w3id.org/custody-kg/";
    /** The ontology's namespace (hash IRIs: a small, stable vocabulary). */
    public static final String ONTOLOGY_NS = BASE + "ontology#";
    /** The ontology's own IRI. */
    public static final String ONTOLOGY_IRI = BASE + "ontology";
    /** Where entity IRIs start (slash IRIs: {@code id/service/icloud}). */
    public static final String ID_BASE = BASE + "id/";
    /** Where named-graph IRIs start. */
    public static final String GRAPH_BASE = BASE + "graph/";
    /** The named graph holding the ontology and the shapes' vocabulary. */
    public static final String ONTOLOGY_GRAPH = GRAPH_BASE + "ontology";
    /** The named graph holding the descriptions of the source documents. */
    public static final String SOURCES_GRAPH = GRAPH_BASE + "sources";
    /** The named graph holding materialised inferences. */
    public static final String INFERRED_GRAPH = GRAPH_BASE + "inferred";

    private static final PrefixMapping PREFIXES = buildPrefixes();
    private static final Pattern LOCAL_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?");

    private CustodyKg() {}

    /** The named graph for the facts taken from one source document, named by its data folder. */
    public static String sourceGraph(String folder) {
        return GRAPH_BASE + "source/" + folder;
    }

    /** The prefixes the project prints IRIs with, in a fixed order (read-only). */
    public static PrefixMapping prefixes() {
        return PREFIXES;
    }

    /**
     * The label people read for a node, looked up in the graph (inside a read transaction): its English
     * rdfs:label, else one without a language tag, else the first in another language, else its
     * {@linkplain #shortForm short form}. One lookup, so pages and search hits can label thousands of nodes.
     */
    public static String label(Graph graph, Node node) {
        String plain = null;
        for (var it = graph.find(node, RDFS.label.asNode(), Node.ANY); it.hasNext(); ) {
            Node label = it.next().getObject();
            if (label.isLiteral()) {
                String lang = label.getLiteralLanguage();
                if (lang.equals("en")) {
                    return label.getLiteralLexicalForm();
                }
                if (lang.isEmpty() || plain == null) {
                    plain = label.getLiteralLexicalForm();
                }
            }
        }
        return plain != null ? plain : shortForm(node);
    }

    /**
     * How the project prints a term for people: an IRI as a prefixed name ({@code service:icloud}) or
     * in angle brackets when no prefix fits, a literal as its lexical form, a blank node as {@code _:label}.
     */
    public static String shortForm(Node node) {
        if (node == null) {
            return "";
        }
        if (node.isURI()) {
            String prefixed = prefixed(node.getURI());
            return prefixed != null ? prefixed : "<" + node.getURI() + ">";
        }
        if (node.isLiteral()) {
            return node.getLiteralLexicalForm();
        }
        return "_:" + node.getBlankNodeLabel();
    }

    /**
     * The IRI as a prefixed name when the local part is a plain SPARQL/Turtle local name. Jena's
     * qnameFor follows XML's rules and refuses a local part starting with a digit ({@code organisation:21vianet}).
     */
    private static String prefixed(String iri) {
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, String> prefix : PREFIXES.getNsPrefixMap().entrySet()) {
            String ns = prefix.getValue();
            if (iri.startsWith(ns) && ns.length() > bestLength && LOCAL_NAME.matcher(iri.substring(ns.length())).matches()) {
                best = prefix.getKey() + ":" + iri.substring(ns.length());
                bestLength = ns.length();
            }
        }
        return best;
    }

    private static PrefixMapping buildPrefixes() {
        PrefixMapping p = PrefixMapping.Factory.create();
        p.setNsPrefix("ckg", ONTOLOGY_NS);
        for (String kind : new String[] {"organisation", "service", "place", "law", "fact", "statement",
                "source", "group", "person", "report", "attestation"}) {
            p.setNsPrefix(kind, ID_BASE + kind + "/");
        }
        p.setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        p.setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        p.setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        p.setNsPrefix("owl", "http://www.w3.org/2002/07/owl#");
        p.setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#");
        p.setNsPrefix("schema", "https://schema.org/");
        p.setNsPrefix("dct", "http://purl.org/dc/terms/");
        p.setNsPrefix("prov", "http://www.w3.org/ns/prov#");
        return p.lock();
    }
}

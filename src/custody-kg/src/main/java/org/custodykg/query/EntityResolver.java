package org.custodykg.query;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyKg;

/**
 * Finds entities by the names people use: labels and alternative labels, compared without regard to
 * case, accents, spacing or punctuation ("iCloud", "icloud", "Apple iCloud"), or by IRI or prefixed name.
 * The index is built once per dataset with fixed queries; the user's text is only ever a map key.
 *
 * <p>One rule serves every parameter of every question and command. A name means the entities of the
 * parameter's class that carry it. Where an authority is expected (the class is ckg:GovernmentBody or
 * one below it), a jurisdiction's name, or the name the sources give its authorities together
 * ({@code ckg:authoritiesLabel}, "Hong Kong authorities"), means every authority of that class whose
 * jurisdiction is that place or lies within it: "Hong Kong" is its government and its law-enforcement
 * authorities, "China" the Chinese government and Hong Kong's authorities. A name with more than one
 * such meaning is an error that lists them.
 */
public final class EntityResolver {
    private static final String JURISDICTION = CustodyKg.ONTOLOGY_NS + "Jurisdiction";

    private static final String INDEX_QUERY = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?entity ?name ?label ?class WHERE {
              ?entity rdfs:label|skos:altLabel|skos:prefLabel ?name .
              ?entity rdfs:label ?label .
              ?entity a/rdfs:subClassOf* ?class .
              FILTER(isIRI(?entity))
            }""";

    /** The names the sources give a jurisdiction's authorities taken together. */
    private static final String AUTHORITIES_NAME_QUERY = """
            PREFIX ckg: <https://w3id.org/custody-kg/ontology#>
            SELECT ?jurisdiction ?name WHERE {
              ?jurisdiction ckg:authoritiesLabel ?name .
              FILTER(isIRI(?jurisdiction))
            }""";

    /** Each jurisdiction with the authorities whose jurisdiction is it or lies within it. */
    private static final String AUTHORITIES_QUERY = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX ckg: <https://w3id.org/custody-kg/ontology#>
            SELECT DISTINCT ?jurisdiction ?authority WHERE {
              ?authority ckg:hasJurisdiction ?own .
              ?own ckg:partOf* ?jurisdiction .
              ?jurisdiction a/rdfs:subClassOf* ckg:Jurisdiction .
              FILTER(isIRI(?authority) && isIRI(?jurisdiction))
            }""";

    /** The classes where an authority is expected. */
    private static final String AUTHORITY_CLASSES_QUERY = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX ckg: <https://w3id.org/custody-kg/ontology#>
            SELECT DISTINCT ?class WHERE { ?class rdfs:subClassOf* ckg:GovernmentBody FILTER(isIRI(?class)) }""";

    /** A parameter of this type accepts an entity of any class. */
    public static final String ANY_CLASS = "http://www.w3.org/2000/01/rdf-schema#Resource";

    private final Map<String, Set<Node>> byName = new HashMap<>();
    private final Map<String, Set<Node>> byAuthoritiesName = new HashMap<>();
    private final Map<Node, String> labels = new HashMap<>();
    private final Map<Node, Set<String>> classes = new HashMap<>();
    private final Map<Node, Set<Node>> authoritiesWithin = new HashMap<>();
    private final Set<String> authorityClasses = new LinkedHashSet<>();
    private final NameSuggestions suggestions;

    /** Builds the index of every labelled entity of the dataset. */
    public EntityResolver(Dataset dataset) {
        suggestions = new NameSuggestions(dataset, this::isA, this::label);
        Txn.executeRead(dataset, () -> {
            select(dataset, INDEX_QUERY, row -> {
                Node entity = row.get("entity").asNode();
                byName.computeIfAbsent(key(row.getLiteral("name").getLexicalForm()), k -> new LinkedHashSet<>()).add(entity);
                labels.putIfAbsent(entity, row.getLiteral("label").getLexicalForm());
                classes.computeIfAbsent(entity, k -> new LinkedHashSet<>()).add(row.get("class").asNode().getURI());
            });
            select(dataset, AUTHORITIES_NAME_QUERY, row -> byAuthoritiesName.computeIfAbsent(
                    key(row.getLiteral("name").getLexicalForm()), k -> new LinkedHashSet<>()).add(row.get("jurisdiction").asNode()));
            select(dataset, AUTHORITIES_QUERY, row -> authoritiesWithin.computeIfAbsent(
                    row.get("jurisdiction").asNode(), k -> new TreeSet<>(Comparator.comparing(Node::getURI))).add(row.get("authority").asNode()));
            select(dataset, AUTHORITY_CLASSES_QUERY, row -> authorityClasses.add(row.get("class").asNode().getURI()));
        });
    }

    private static void select(Dataset dataset, String query, Consumer<QuerySolution> each) {
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(query).build()) {
            ResultSet rows = qe.execSelect();
            rows.forEachRemaining(each);
        }
    }

    /**
     * The one entity of the class that the text names.
     *
     * @param parameter the parameter's name, for the error message
     * @param text a label, alternative label, IRI ({@code https://…}) or prefixed name ({@code service:icloud})
     * @param classIri the class the entity must belong to
     * @throws ArgumentException when nothing or more than one entity matches, or the text names a
     *     jurisdiction with several authorities (ask {@link #resolveAll} for those)
     */
    public Node resolve(String parameter, String text, String classIri) {
        List<Node> all = resolveAll(parameter, text, classIri);
        if (all.size() == 1) {
            return all.get(0);
        }
        List<String> meant = all.stream().map(this::described).toList();
        throw new ArgumentException(parameter, "'" + printable(text) + "' stands for " + all.size()
                + " entities here, where one is expected: " + String.join(", ", meant), meant);
    }

    /**
     * The entities the text means for a parameter of the class: the one entity of the class that it
     * names or, where an authority is expected, every authority of the jurisdiction it names (see the
     * class comment), sorted by IRI.
     *
     * @param parameter the parameter's name, for the error message
     * @param text a label, alternative label, IRI ({@code https://…}) or prefixed name ({@code service:icloud}),
     *     or, for an authority, the name or IRI of a jurisdiction or the name of its authorities
     * @param classIri the class the entities must belong to
     * @throws ArgumentException when nothing matches, the name has several meanings, or a jurisdiction
     *     has no authority of the class
     */
    public List<Node> resolveAll(String parameter, String text, String classIri) {
        String className = CustodyKg.shortForm(NodeFactory.createURI(classIri));
        boolean authority = authorityClasses.contains(classIri);
        Node byIri = asIri(text);
        if (byIri != null) {
            if (isA(byIri, classIri)) {
                return List.of(byIri);
            }
            if (authority && isA(byIri, JURISDICTION)) {
                return authorities(parameter, byIri, classIri);
            }
            throw new ArgumentException(parameter, "expected an entity of class " + className
                    + (authority ? ", or a jurisdiction for all its authorities" : "") + ", but " + text
                    + " is not one in this graph");
        }
        String key = key(text);
        Set<Node> meanings = new LinkedHashSet<>();
        Set<Node> jurisdictions = new LinkedHashSet<>();
        for (Node candidate : byName.getOrDefault(key, Set.of())) {
            if (isA(candidate, classIri)) {
                meanings.add(candidate);
            } else if (authority && isA(candidate, JURISDICTION)) {
                jurisdictions.add(candidate);
            }
        }
        if (authority) {
            jurisdictions.addAll(byAuthoritiesName.getOrDefault(key, Set.of()));
        }
        meanings.addAll(jurisdictions);
        if (meanings.isEmpty()) {
            String unknown = "no " + className + (authority ? ", nor a jurisdiction for all its authorities," : "")
                    + " is called '" + printable(text) + "'";
            List<String> close = authority ? suggestions.closest(text, classIri, JURISDICTION) : suggestions.closest(text, classIri);
            throw new ArgumentException(parameter, close.isEmpty() ? unknown
                    + " (expected a name, an alternative name or an IRI of an entity of class " + className
                    + (authority ? ", or of a jurisdiction" : "") + ")" : unknown + "; did you mean: " + String.join(", ", close) + "?");
        }
        if (meanings.size() > 1) {
            List<String> candidates = meanings.stream()
                    .map(n -> jurisdictions.contains(n) ? described(n) + " for all its authorities" : described(n))
                    .sorted().toList();
            throw new ArgumentException(parameter, "the name '" + printable(text) + "' is ambiguous; it could mean: "
                    + String.join(", ", candidates), candidates);
        }
        Node meant = meanings.iterator().next();
        return jurisdictions.contains(meant) ? authorities(parameter, meant, classIri) : List.of(meant);
    }

    /** The authorities of the class whose jurisdiction is the place or lies within it. */
    private List<Node> authorities(String parameter, Node jurisdiction, String classIri) {
        List<Node> found = authoritiesWithin.getOrDefault(jurisdiction, Set.of()).stream()
                .filter(a -> isA(a, classIri)).toList();
        if (found.isEmpty()) {
            throw new ArgumentException(parameter, "no " + CustodyKg.shortForm(NodeFactory.createURI(classIri))
                    + " has jurisdiction over " + described(jurisdiction) + " or any place within it");
        }
        return found;
    }

    /**
     * The labels of the entities of a class whose names come close to the text (a typing slip, a name cut
     * short or run on, initials), closest first, at most five: the candidates to offer for a name that
     * matches nothing.
     */
    public List<String> nearMisses(String text, String classIri) {
        return suggestions.closest(text, classIri);
    }

    /** The entity's rdfs:label, or its short form when it has none. */
    public String label(Node entity) {
        return labels.getOrDefault(entity, CustodyKg.shortForm(entity));
    }

    /** "service:icloud (iCloud)". */
    private String described(Node entity) {
        return CustodyKg.shortForm(entity) + " (" + label(entity) + ")";
    }

    private boolean isA(Node entity, String classIri) {
        if (ANY_CLASS.equals(classIri)) {
            return classes.containsKey(entity);
        }
        return classes.getOrDefault(entity, Set.of()).contains(classIri);
    }

    private static Node asIri(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("http://") || trimmed.startsWith("https://")) {
            return NodeFactory.createURI(trimmed);
        }
        int colon = trimmed.indexOf(':');
        if (colon > 0 && CustodyKg.prefixes().getNsPrefixURI(trimmed.substring(0, colon)) != null
                && trimmed.substring(colon + 1).matches("[A-Za-z0-9._-]+")) {
            return NodeFactory.createURI(CustodyKg.prefixes().expandPrefix(trimmed));
        }
        return null;
    }

    /** Names compare without case, accents, punctuation or spacing. */
    static String key(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /** The text as an error message may quote it: at most 80 characters, control characters as '?'. */
    static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}

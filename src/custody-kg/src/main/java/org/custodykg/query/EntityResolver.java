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
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.system.Txn;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyKg;
import org.custodykg.cache.BoundedCache;
import org.custodykg.cache.Footprint;

/**
 * Finds entities by the names people use: labels and alternative labels, compared without regard to
 * case, accents, spacing or punctuation ("iCloud", "icloud", "Apple iCloud"), or by IRI or prefixed name.
 * A name is looked up directly: fixed queries with the exact text bound in their syntax trees, which a
 * TDB2 store answers from its indexes. Only a text found nowhere exactly (other case, accents, spacing)
 * builds the index of every name, once per resolver, where the text is only ever a map key.
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

    /** The labelled entities with this exact name (bound to ?name). */
    private static final Query NAMED_QUERY = QueryFactory.create("""
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT DISTINCT ?entity WHERE {
              ?entity rdfs:label|skos:altLabel|skos:prefLabel ?name .
              FILTER(isIRI(?entity))
              FILTER EXISTS { ?entity rdfs:label ?label }
            }""");

    /** The jurisdictions whose authorities together have this exact name (bound to ?name). */
    private static final Query AUTHORITIES_NAMED_QUERY = QueryFactory.create("""
            PREFIX ckg: <https://w3id.org/custody-kg/ontology#>
            SELECT DISTINCT ?entity WHERE {
              ?entity ckg:authoritiesLabel ?name .
              FILTER(isIRI(?entity))
            }""");

    /** The classes of a labelled entity (bound to ?entity) and every class above them. */
    private static final Query CLASSES_QUERY = QueryFactory.create("""
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT DISTINCT ?class WHERE {
              ?entity a/rdfs:subClassOf* ?class .
              FILTER EXISTS { ?entity rdfs:label ?label }
            }""");

    /** The entity's labels (bound to ?entity). */
    private static final Query LABEL_QUERY = QueryFactory.create("""
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?label WHERE { ?entity rdfs:label ?label }""");

    /** The authorities whose jurisdiction is the jurisdiction (bound to ?entity) or lies within it. */
    private static final Query AUTHORITIES_QUERY = QueryFactory.create("""
            PREFIX ckg: <https://w3id.org/custody-kg/ontology#>
            SELECT DISTINCT ?authority WHERE {
              ?own ckg:partOf* ?entity .
              ?authority ckg:hasJurisdiction ?own .
              FILTER(isIRI(?authority))
            }""");

    /** The classes where an authority is expected. */
    private static final Query AUTHORITY_CLASSES_QUERY = QueryFactory.create("""
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX ckg: <https://w3id.org/custody-kg/ontology#>
            SELECT DISTINCT ?class WHERE { ?class rdfs:subClassOf* ckg:GovernmentBody FILTER(isIRI(?class)) }""");

    /** A parameter of this type accepts an entity of any class. */
    public static final String ANY_CLASS = "http://www.w3.org/2000/01/rdf-schema#Resource";
    /** The most the labels looked up may take: 4 MiB, some 20,000 labels. */
    public static final long LABELS_LIMIT_BYTES = 4L << 20;

    private final Dataset dataset;
    private final Set<String> authorityClasses = new LinkedHashSet<>();
    /** The labels looked up so far (an entity page labels every entity it links to): bounded, as requests ask for any. */
    private final BoundedCache<Node, String> labels = new BoundedCache<>("label cache", LABELS_LIMIT_BYTES,
            (entity, label) -> BoundedCache.ENTRY_BYTES + Footprint.of(entity) + Footprint.of(label));
    private NameIndex index;
    private final NameSuggestions suggestions;

    /** A resolver over the dataset; names are looked up as they are asked (see the class comment). */
    public EntityResolver(Dataset dataset) {
        this.dataset = dataset;
        rows(AUTHORITY_CLASSES_QUERY, null, row -> authorityClasses.add(row.get("class").getURI()));
        suggestions = new NameSuggestions(dataset, this::isA, this::label);
    }

    /** Runs a fixed query in a read transaction, with ?entity or ?name bound to the value (unless null). */
    private void rows(Query query, Node value, Consumer<Binding> each) {
        Txn.executeRead(dataset, () -> {
            QueryExecBuilder builder = QueryExec.dataset(dataset.asDatasetGraph()).query(query);
            if (value != null) {
                builder.substitution(value.isLiteral() ? "name" : "entity", value);
            }
            try (QueryExec exec = builder.build()) {
                exec.select().forEachRemaining(each);
            }
        });
    }

    private Set<Node> values(Query query, Node value, String variable) {
        Set<Node> found = new LinkedHashSet<>();
        rows(query, value, row -> found.add(row.get(variable)));
        return found;
    }

    /** The entities the query finds under the exact text, as an English or as a plain literal. */
    private Set<Node> exactly(Query query, String text) {
        Set<Node> found = new LinkedHashSet<>();
        String name = text.strip();
        if (!name.isEmpty()) {
            found.addAll(values(query, NodeFactory.createLiteralLang(name, "en"), "entity"));
            found.addAll(values(query, NodeFactory.createLiteralString(name), "entity"));
        }
        return found;
    }

    /** The index of every name, built the first time a text is not found exactly (rarely called: no double check). */
    private synchronized NameIndex index() {
        if (index == null) {
            index = Txn.calculateRead(dataset, () -> new NameIndex(dataset));
        }
        return index;
    }

    /** What a name can mean for a parameter: entities of its class, and jurisdictions meaning all their authorities. */
    private record Meanings(Set<Node> entities, Set<Node> jurisdictions) {}

    private Meanings meanings(Set<Node> named, Set<Node> authoritiesNamed, String classIri, boolean authority) {
        Set<Node> entities = new LinkedHashSet<>();
        Set<Node> jurisdictions = new LinkedHashSet<>();
        for (Node candidate : named) {
            if (isA(candidate, classIri)) {
                entities.add(candidate);
            } else if (authority && isA(candidate, JURISDICTION)) {
                jurisdictions.add(candidate);
            }
        }
        if (authority) {
            jurisdictions.addAll(authoritiesNamed);
        }
        entities.addAll(jurisdictions);
        return new Meanings(entities, jurisdictions);
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
        Meanings found = meanings(exactly(NAMED_QUERY, text),
                authority ? exactly(AUTHORITIES_NAMED_QUERY, text) : Set.of(), classIri, authority);
        if (found.entities().isEmpty()) {
            String key = key(text);
            found = meanings(index().named(key), authority ? index().authoritiesNamed(key) : Set.of(), classIri, authority);
        }
        Set<Node> meanings = found.entities();
        Set<Node> jurisdictions = found.jurisdictions();
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
        Set<Node> within = new TreeSet<>(Comparator.comparing(Node::getURI));
        within.addAll(values(AUTHORITIES_QUERY, jurisdiction, "authority"));
        List<Node> found = within.stream().filter(a -> isA(a, classIri)).toList();
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
        String known = labels.get(entity);
        return known != null ? known : labels.put(entity, values(LABEL_QUERY, entity, "label").stream().findFirst()
                .map(Node::getLiteralLexicalForm).orElse(CustodyKg.shortForm(entity)));
    }

    /** How many labels are kept, their estimated bytes and the limit. */
    public BoundedCache.Usage labelCache() {
        return labels.usage();
    }

    /** "service:icloud (iCloud)". */
    private String described(Node entity) {
        return CustodyKg.shortForm(entity) + " (" + label(entity) + ")";
    }

    private boolean isA(Node entity, String classIri) {
        Set<Node> classes = entity.isURI() ? values(CLASSES_QUERY, entity, "class") : Set.of();
        return ANY_CLASS.equals(classIri) ? !classes.isEmpty() : classes.contains(NodeFactory.createURI(classIri));
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

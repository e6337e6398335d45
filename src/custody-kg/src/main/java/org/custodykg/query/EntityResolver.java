package org.custodykg.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * The index is built once per dataset with a fixed query; the user's text is only ever a map key.
 */
public final class EntityResolver {
    private static final String INDEX_QUERY = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?entity ?name ?label ?class WHERE {
              ?entity rdfs:label|skos:altLabel|skos:prefLabel ?name .
              ?entity rdfs:label ?label .
              ?entity a/rdfs:subClassOf* ?class .
              FILTER(isIRI(?entity))
            }""";

    /** A parameter of this type accepts an entity of any class. */
    public static final String ANY_CLASS = "http://www.w3.org/2000/01/rdf-schema#Resource";

    private final Map<String, Set<Node>> byName = new HashMap<>();
    private final Map<Node, String> labels = new HashMap<>();
    private final Map<Node, Set<String>> classes = new HashMap<>();

    /** Builds the index of every labelled entity of the dataset. */
    public EntityResolver(Dataset dataset) {
        Txn.executeRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(INDEX_QUERY).build()) {
                ResultSet rows = qe.execSelect();
                while (rows.hasNext()) {
                    QuerySolution row = rows.next();
                    Node entity = row.get("entity").asNode();
                    byName.computeIfAbsent(key(row.getLiteral("name").getLexicalForm()), k -> new LinkedHashSet<>()).add(entity);
                    labels.putIfAbsent(entity, row.getLiteral("label").getLexicalForm());
                    classes.computeIfAbsent(entity, k -> new LinkedHashSet<>()).add(row.get("class").asNode().getURI());
                }
            }
        });
    }

    /**
     * The one entity of the class that the text names.
     *
     * @param parameter the parameter's name, for the error message
     * @param text a label, alternative label, IRI ({@code https://…}) or prefixed name ({@code service:icloud})
     * @param classIri the class the entity must belong to
     * @throws ArgumentException when nothing or more than one entity matches
     */
    public Node resolve(String parameter, String text, String classIri) {
        String className = CustodyKg.shortForm(NodeFactory.createURI(classIri));
        Node byIri = asIri(text);
        if (byIri != null) {
            if (isA(byIri, classIri)) {
                return byIri;
            }
            throw new ArgumentException(parameter, "expected an entity of class " + className + ", but " + text
                    + " is not one in this graph");
        }
        List<Node> matches = new ArrayList<>();
        for (Node candidate : byName.getOrDefault(key(text), Set.of())) {
            if (isA(candidate, classIri)) {
                matches.add(candidate);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new ArgumentException(parameter, "no " + className + " is called '" + printable(text)
                    + "' (expected a name, an alternative name or an IRI of an entity of class " + className + ")");
        }
        List<String> candidates = matches.stream().map(n -> CustodyKg.shortForm(n) + " (" + labels.get(n) + ")").sorted().toList();
        throw new ArgumentException(parameter, "the name '" + printable(text) + "' is ambiguous; it could mean: "
                + String.join(", ", candidates), candidates);
    }

    /**
     * The labels of the entities of a class whose names come close to the text (a typing slip, a name cut
     * short or run on), closest first, at most five: the candidates to offer for a name that matches
     * nothing.
     */
    public List<String> nearMisses(String text, String classIri) {
        String wanted = key(text);
        Map<Node, Integer> distance = new HashMap<>();
        byName.forEach((name, entities) -> {
            int d = closeness(wanted, name);
            if (d >= 0) {
                entities.stream().filter(e -> isA(e, classIri)).forEach(e -> distance.merge(e, d, Math::min));
            }
        });
        return distance.entrySet().stream()
                .sorted(Map.Entry.<Node, Integer>comparingByValue().thenComparing(e -> label(e.getKey())))
                .map(e -> label(e.getKey())).distinct().limit(5).toList();
    }

    /**
     * How far apart two name keys are: 1 when one holds the other (at least four characters), else the edit
     * distance, or -1 when it exceeds a quarter of the shorter length (at least 2).
     */
    private static int closeness(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        if (shorter.length() >= 4 && (a.contains(b) || b.contains(a))) {
            return 1;
        }
        int limit = Math.max(2, Math.min(a.length(), b.length()) / 4);
        if (Math.abs(a.length() - b.length()) > limit) {
            return -1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()] <= limit ? previous[b.length()] : -1;
    }

    /** The entity's rdfs:label, or its short form when it has none. */
    public String label(Node entity) {
        return labels.getOrDefault(entity, CustodyKg.shortForm(entity));
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

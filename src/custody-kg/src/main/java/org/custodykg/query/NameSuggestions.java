package org.custodykg.query;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;

/**
 * The names to offer when a name matches nothing: those that come close to it (a typing slip, a name cut
 * short or run on, or the initials of a name's words: "HK" for Hong Kong). Their table is read from the
 * dataset the first time a name fails, so a lookup that succeeds never pays for it.
 */
final class NameSuggestions {
    /** Every name of every entity with an IRI; fixed text, the user's never enters it. */
    private static final String NAMES_QUERY = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?entity ?name WHERE { ?entity rdfs:label|skos:altLabel|skos:prefLabel ?name FILTER(isIRI(?entity)) }""";
    private static final int MOST = 5;

    private final Dataset dataset;
    private final BiPredicate<Node, String> isA;
    private final Function<Node, String> label;
    private volatile Map<String, Set<Node>> byName;

    /**
     * @param isA whether an entity belongs to a class (by IRI)
     * @param label the entity's label as messages show it
     */
    NameSuggestions(Dataset dataset, BiPredicate<Node, String> isA, Function<Node, String> label) {
        this.dataset = dataset;
        this.isA = isA;
        this.label = label;
    }

    /**
     * The labels of the entities of any of the classes whose names come close to the text, closest first,
     * then by label; at most five.
     */
    List<String> closest(String text, String... classIris) {
        String wanted = EntityResolver.key(text);
        Map<Node, Integer> distance = new HashMap<>();
        names().forEach((name, entities) -> {
            int d = closeness(wanted, name);
            if (d >= 0) {
                for (Node e : entities) {
                    for (String classIri : classIris) {
                        if (isA.test(e, classIri)) {
                            distance.merge(e, d, Math::min);
                        }
                    }
                }
            }
        });
        return distance.entrySet().stream()
                .sorted(Map.Entry.<Node, Integer>comparingByValue().thenComparing(e -> label.apply(e.getKey())))
                .map(e -> label.apply(e.getKey())).distinct().limit(MOST).toList();
    }

    private Map<String, Set<Node>> names() {
        Map<String, Set<Node>> current = byName;
        if (current == null) {
            Map<String, Set<Node>> read = new HashMap<>();
            Txn.executeRead(dataset, () -> {
                try (QueryExecution qe = QueryExecution.dataset(dataset).query(NAMES_QUERY).build()) {
                    qe.execSelect().forEachRemaining(row -> {
                        String name = row.getLiteral("name").getLexicalForm();
                        Node entity = row.get("entity").asNode();
                        read.computeIfAbsent(EntityResolver.key(name), k -> new LinkedHashSet<>()).add(entity);
                        String initials = initials(name);
                        if (initials.length() >= 2) {
                            read.computeIfAbsent(" " + initials, k -> new LinkedHashSet<>()).add(entity);
                        }
                    });
                }
            });
            byName = read;
            current = read;
        }
        return current;
    }

    /** The first letter of each word of a name of two or more words ("Hong Kong" → "hk"), else "". */
    private static String initials(String name) {
        String[] words = name.strip().split("[^\\p{L}\\p{N}]+");
        if (words.length < 2) {
            return "";
        }
        StringBuilder first = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty()) {
                first.append(EntityResolver.key(word.substring(0, 1)));
            }
        }
        return first.toString();
    }

    /**
     * How far apart a wanted key is from a name's key: 1 when one holds the other (at least four
     * characters) or the wanted key is the name's initials (keys of initials start with a space), else the
     * edit distance, or -1 when it exceeds a quarter of the shorter length (at least 2) or leaves no
     * character of the shorter in place.
     */
    static int closeness(String a, String b) {
        if (b.startsWith(" ")) {
            return a.length() >= 2 && a.equals(b.substring(1)) ? 1 : -1;
        }
        String shorter = a.length() <= b.length() ? a : b;
        if (shorter.length() >= 4 && (a.contains(b) || b.contains(a))) {
            return 1;
        }
        int limit = Math.min(Math.max(2, shorter.length() / 4), shorter.length() - 1);
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
}

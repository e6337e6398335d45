package org.custodykg.query;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;

/**
 * Every name of every labelled, typed entity, and every name of a jurisdiction's authorities, by
 * {@link EntityResolver#key}: what a name not found exactly is compared with, and where near misses are
 * looked for. Reads every label, so it is built only when one of those is needed.
 */
final class NameIndex {
    private static final String NAMES_QUERY = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT DISTINCT ?entity ?name WHERE {
              ?entity rdfs:label|skos:altLabel|skos:prefLabel ?name .
              FILTER(isIRI(?entity))
              FILTER EXISTS { ?entity rdfs:label ?label }
              FILTER EXISTS { ?entity a ?class }
            }""";

    private static final String AUTHORITIES_NAMES_QUERY = """
            PREFIX ckg: <https://w3id.org/custody-kg/ontology#>
            SELECT ?jurisdiction ?name WHERE {
              ?jurisdiction ckg:authoritiesLabel ?name .
              FILTER(isIRI(?jurisdiction))
            }""";

    private final Map<String, Set<Node>> byName = new HashMap<>();
    private final Map<String, Set<Node>> byAuthoritiesName = new HashMap<>();

    /** Reads the names (call inside a read transaction). */
    NameIndex(Dataset dataset) {
        select(dataset, NAMES_QUERY, row -> add(byName, row.getLiteral("name").getLexicalForm(), row.get("entity").asNode()));
        select(dataset, AUTHORITIES_NAMES_QUERY,
                row -> add(byAuthoritiesName, row.getLiteral("name").getLexicalForm(), row.get("jurisdiction").asNode()));
    }

    private static void add(Map<String, Set<Node>> index, String name, Node entity) {
        index.computeIfAbsent(EntityResolver.key(name), k -> new LinkedHashSet<>()).add(entity);
    }

    private static void select(Dataset dataset, String query, Consumer<QuerySolution> each) {
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(query).build()) {
            qe.execSelect().forEachRemaining(each);
        }
    }

    /** The entities with a name of this key. */
    Set<Node> named(String key) {
        return byName.getOrDefault(key, Set.of());
    }

    /** The jurisdictions whose authorities together have a name of this key. */
    Set<Node> authoritiesNamed(String key) {
        return byAuthoritiesName.getOrDefault(key, Set.of());
    }

    /** Each name key with its entities. */
    void forEachName(BiConsumer<String, Set<Node>> each) {
        byName.forEach(each);
    }
}

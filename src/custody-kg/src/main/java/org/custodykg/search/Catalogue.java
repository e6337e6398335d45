package org.custodykg.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyKg;
import org.custodykg.Entity;
import org.custodykg.EntityKind;

/**
 * The entities of the data grouped by kind, as their IRIs group them ({@code …/id/service/icloud} is of
 * kind {@code service}), each kind sorted by label: for browsing. Worked out once per version of the data
 * and kept until the data changes.
 */
public final class Catalogue {
    private static final String ID = "/id/";

    private final DatasetGraph data;
    private final LongSupplier version;
    private Map<String, List<Entity>> kinds;
    private long builtAt;

    /** @param version the data's version: the catalogue is worked out again when it moves */
    public Catalogue(DatasetGraph data, LongSupplier version) {
        this.data = data;
        this.version = version;
    }

    /** The kinds, by name, with how many entities each has. */
    public List<EntityKind> kinds() {
        return current().entrySet().stream().map(e -> new EntityKind(e.getKey(), e.getValue().size())).toList();
    }

    /**
     * The entities of a kind, sorted by label (then IRI).
     *
     * @throws ArgumentException naming {@code kind} when the data has no entity of that kind
     */
    public List<Entity> entities(String kind) {
        List<Entity> found = current().get(kind);
        if (found == null) {
            throw new ArgumentException("kind", "no entity is of kind '" + kind.replaceAll("\\p{Cntrl}", "?")
                    + "'; expected one of " + String.join(", ", current().keySet()));
        }
        return found;
    }

    private synchronized Map<String, List<Entity>> current() {
        long now = version.getAsLong();
        if (kinds == null || now != builtAt) {
            kinds = Txn.calculateRead(data, this::group);
            builtAt = now;
        }
        return kinds;
    }

    /** Every typed entity of the data (not the ontology, not derived) whose IRI has a kind. */
    private Map<String, List<Entity>> group() {
        Map<String, Map<String, Entity>> byKind = new TreeMap<>();
        Graph union = data.getUnionGraph();
        data.find(Node.ANY, Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(quad -> {
            String graph = quad.getGraph().getURI();
            Node subject = quad.getSubject();
            if (subject.isURI() && !CustodyKg.ONTOLOGY_GRAPH.equals(graph) && !CustodyKg.INFERRED_GRAPH.equals(graph)) {
                String kind = kindOf(subject.getURI());
                if (kind != null) {
                    byKind.computeIfAbsent(kind, k -> new TreeMap<>())
                            .computeIfAbsent(subject.getURI(), iri -> new Entity(iri, CustodyKg.label(union, subject)));
                }
            }
        });
        Map<String, List<Entity>> sorted = new TreeMap<>();
        Comparator<Entity> byLabel = Comparator.comparing((Entity e) -> e.label().toLowerCase(Locale.ROOT))
                .thenComparing(Entity::iri);
        byKind.forEach((kind, entities) -> {
            List<Entity> list = new ArrayList<>(entities.values());
            list.sort(byLabel);
            sorted.put(kind, List.copyOf(list));
        });
        return sorted;
    }

    /** The path segment after {@code /id/}, when one more segment follows it. */
    private static String kindOf(String iri) {
        int id = iri.indexOf(ID);
        if (id < 0) {
            return null;
        }
        int slash = iri.indexOf('/', id + ID.length());
        return slash > id + ID.length() && slash < iri.length() - 1 ? iri.substring(id + ID.length(), slash) : null;
    }
}

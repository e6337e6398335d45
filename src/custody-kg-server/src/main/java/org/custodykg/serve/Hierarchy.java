package org.custodykg.serve;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDFS;

/**
 * Folds what the inferred graph adds to a page: a statement with a property's super-property (ckg:region
 * and its copy as schema:areaServed) and a type's super-classes (service and schema:Service) show once,
 * as the most specific term. Reads the ontology's {@code rdfs:subPropertyOf} and {@code rdfs:subClassOf}
 * from the graph, transitively; call inside a read transaction.
 */
final class Hierarchy {
    private final Graph graph;
    private final Map<Node, Set<Node>> supers = new HashMap<>();

    Hierarchy(Graph graph) {
        this.graph = graph;
    }

    /** The triples without those that a more specific triple of the list implies (same subject and object). */
    List<Triple> foldProperties(List<Triple> triples) {
        return triples.stream().filter(t -> triples.stream().noneMatch(other -> other.getSubject().equals(t.getSubject())
                && other.getObject().equals(t.getObject()) && strictSupers(other.getPredicate(), RDFS.subPropertyOf.asNode())
                        .contains(t.getPredicate()))).toList();
    }

    /** The classes without those that are super-classes of another one in the list. */
    List<Node> foldClasses(List<Node> classes) {
        return classes.stream().filter(c -> classes.stream()
                .noneMatch(other -> strictSupers(other, RDFS.subClassOf.asNode()).contains(c))).toList();
    }

    private Set<Node> strictSupers(Node term, Node relation) {
        return supers.computeIfAbsent(term, t -> {
            Set<Node> found = new HashSet<>();
            Deque<Node> queue = new ArrayDeque<>(List.of(t));
            while (!queue.isEmpty()) {
                graph.find(queue.poll(), relation, Node.ANY).forEachRemaining(s -> {
                    if (!s.getObject().equals(t) && found.add(s.getObject())) {
                        queue.add(s.getObject());
                    }
                });
            }
            return found;
        });
    }
}

package org.custodykg.serve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.custodykg.CustodyKg;

/**
 * What a resource's page says: its own triples (with the anonymous nodes they lead to), one page of the
 * facts that point at it, and the provenance of those facts (source, evidence, and the statements that
 * support them), plus the labels of everything named, so a reader needs no second request.
 */
record Description(Node subject, Graph graph, int page, boolean morePages, long incoming) {
    /** Incoming links per page: big resources have broken other servers. */
    static final int PAGE_SIZE = 100;
    /** Own triples kept at most (with the anonymous nodes they lead to). */
    static final int OWN_LIMIT = 2000;

    private static final Node SOURCE = NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + "source");
    private static final Node EVIDENCE = NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + "evidence");
    private static final Node SUPPORTS = NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + "supports");

    /** Whether the store says anything about the resource (as subject): otherwise it is not ours, 404. */
    boolean exists() {
        return graph.contains(subject, Node.ANY, Node.ANY);
    }

    /** Describes the resource from the union graph (call inside a read transaction). */
    static Description of(Graph union, Node subject, int page) {
        Graph out = GraphFactory.createDefaultGraph();
        addWithAnonymousNodes(union, subject, out);
        List<Triple> incoming = new ArrayList<>(union.find(Node.ANY, Node.ANY, subject).toList());
        incoming.removeIf(t -> t.getSubject().isBlank());
        incoming.sort(Comparator.comparing((Triple t) -> NodeFmtLib.strNT(t.getSubject()))
                .thenComparing(t -> NodeFmtLib.strNT(t.getPredicate())));
        int from = Math.min(page * PAGE_SIZE, incoming.size());
        int to = Math.min(from + PAGE_SIZE, incoming.size());
        Set<Node> facts = new HashSet<>();
        facts.add(subject);
        for (Triple t : incoming.subList(from, to)) {
            out.add(t);
            facts.add(t.getSubject());
        }
        for (Node fact : facts) {
            copy(union, fact, SOURCE, out);
            copy(union, fact, EVIDENCE, out);
            copy(union, fact, RDFS.label.asNode(), out);
            copy(union, fact, RDF.type.asNode(), out);
            union.find(Node.ANY, SUPPORTS, fact).forEachRemaining(support -> {
                if (support.getSubject().isURI()) {
                    union.find(support.getSubject(), Node.ANY, Node.ANY).forEachRemaining(out::add);
                }
            });
        }
        Set<Node> named = new HashSet<>();
        out.find().forEachRemaining(t -> {
            named.add(t.getSubject());
            named.add(t.getObject());
        });
        for (Node node : named) {
            if (node.isURI()) {
                copy(union, node, RDFS.label.asNode(), out);
            }
        }
        return new Description(subject, out, page, to < incoming.size(), incoming.size());
    }

    private static void copy(Graph from, Node s, Node p, Graph to) {
        from.find(s, p, Node.ANY).forEachRemaining(to::add);
    }

    /** The resource's triples and, breadth first, those of the anonymous nodes they lead to (bounded). */
    private static void addWithAnonymousNodes(Graph union, Node subject, Graph out) {
        Deque<Node> queue = new ArrayDeque<>(List.of(subject));
        Set<Node> seen = new HashSet<>(queue);
        while (!queue.isEmpty() && out.size() < OWN_LIMIT) {
            union.find(queue.poll(), Node.ANY, Node.ANY).forEachRemaining(t -> {
                if (out.size() < OWN_LIMIT) {
                    out.add(t);
                    if (t.getObject().isBlank() && seen.add(t.getObject())) {
                        queue.add(t.getObject());
                    }
                }
            });
        }
    }
}

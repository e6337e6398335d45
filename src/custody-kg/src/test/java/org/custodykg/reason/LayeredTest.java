package org.custodykg.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** The view a derivation reads: the data, then the conclusions drawn so far, which it never holds twice. */
class LayeredTest {
    private static final Node A = NodeFactory.createURI("http://example.org/a");
    private static final Node P = NodeFactory.createURI("http://example.org/p");
    private static final Node B = NodeFactory.createURI("http://example.org/b");
    private static final Node C = NodeFactory.createURI("http://example.org/c");

    @Test
    void findsTheDataThenTheConclusions() {
        Graph data = GraphFactory.createDefaultGraph();
        data.add(Triple.create(A, P, B));
        Graph conclusions = GraphFactory.createDefaultGraph();
        Graph view = new Layered(data, conclusions);
        assertEquals(List.of(Triple.create(A, P, B)), view.find(A, P, Node.ANY).toList());
        assertFalse(view.contains(Triple.create(A, P, C)));

        conclusions.add(Triple.create(A, P, C)); // the view lacked it
        assertEquals(List.of(Triple.create(A, P, B), Triple.create(A, P, C)), view.find(A, P, Node.ANY).toList());
        assertTrue(view.contains(Triple.create(A, P, C)));
        assertTrue(view.contains(Triple.create(A, P, B)));
        assertTrue(view.contains(Triple.create(Node.ANY, P, C)));
        assertFalse(view.contains(Triple.create(B, P, Node.ANY)));
        assertEquals(Set.of(Triple.create(A, P, C)), view.find(Node.ANY, Node.ANY, C).toSet());
        assertEquals(2, view.size());
    }
}

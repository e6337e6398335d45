package org.custodykg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** The compact copy a load reads finds exactly what Jena's in-memory union graph finds, each triple once. */
class CompactGraphTest {
    private static final Node ABSENT = NodeFactory.createURI("http://example.org/never-given");

    @Test
    void everyPatternFindsWhatJenasUnionGraphFinds() {
        Random random = new Random(7);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            nodes.add(NodeFactory.createURI("http://example.org/n" + i));
        }
        for (int i = 0; i < 10; i++) {
            nodes.add(NodeFactory.createLiteralLang("word " + i, "en"));
            nodes.add(NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger));
            nodes.add(NodeFactory.createBlankNode("b" + i));
        }
        List<Node> graphs = List.of(NodeFactory.createURI("http://example.org/g1"), NodeFactory.createURI("http://example.org/g2"),
                NodeFactory.createURI("http://example.org/g3"));
        DatasetGraph expected = DatasetGraphFactory.createGeneral();
        CompactGraph.Builder builder = new CompactGraph.Builder();
        for (int i = 0; i < 5_000; i++) {
            Node s = nodes.get(random.nextInt(40));
            Node p = nodes.get(random.nextInt(8));
            Node o = nodes.get(random.nextInt(nodes.size()));
            Quad quad = Quad.create(graphs.get(random.nextInt(graphs.size())), s, p, o);
            expected.add(quad);
            builder.quad(quad); // many quads twice, and many triples in several graphs
        }
        CompactGraph compact = builder.build();
        Graph union = expected.getUnionGraph();
        assertEquals(union.size(), compact.size());
        assertTrue(compact.size() < 5_000);

        List<Node> probes = new ArrayList<>(nodes);
        probes.add(ABSENT);
        for (int i = 0; i < 400; i++) {
            Node s = pick(random, probes);
            Node p = pick(random, probes.subList(0, 8));
            Node o = pick(random, probes);
            Triple pattern = Triple.create(s, p, o);
            List<Triple> found = compact.find(pattern).toList();
            assertEquals(found.size(), new HashSet<>(found).size(), "each triple once: " + pattern);
            assertEquals(union.find(pattern).toSet(), new HashSet<>(found), pattern.toString());
            assertEquals(union.contains(pattern), compact.contains(pattern), pattern.toString());
        }
        assertEquals(union.find().toSet(), compact.find().toSet());
        assertEquals(compact.size(), compact.find().toList().size());
        // a concrete triple is looked up without an iterator: every one held, and others beside each
        for (Triple triple : union.find().toList()) {
            assertTrue(compact.contains(triple), triple.toString());
            Triple beside = Triple.create(triple.getSubject(), triple.getPredicate(), probes.get(random.nextInt(probes.size())));
            assertEquals(union.contains(beside), compact.contains(beside), beside.toString());
        }

        for (Node predicate : nodes.subList(0, 8)) {
            Set<Quad> withPredicate = Iter.toSet(expected.find(Node.ANY, Node.ANY, predicate, Node.ANY));
            List<Quad> quads = Iter.toList(compact.quadsWith(predicate));
            assertEquals(withPredicate, new HashSet<>(quads));
            assertEquals(withPredicate.size(), quads.size(), "each quad once");
        }
        assertFalse(compact.quadsWith(ABSENT).hasNext());
    }

    @Test
    void anEmptyGraphFindsNothingAndATripleIsAQuadOfTheDefaultGraph() {
        assertEquals(0, new CompactGraph.Builder().build().find().toList().size());
        CompactGraph.Builder builder = new CompactGraph.Builder();
        Triple triple = Triple.create(NodeFactory.createURI("http://example.org/a"), RDFS.label.asNode(), NodeFactory.createLiteralString("A"));
        builder.triple(triple);
        CompactGraph graph = builder.build();
        assertEquals(List.of(triple), graph.find(Node.ANY, RDFS.label.asNode(), Node.ANY).toList());
        assertEquals(List.of(Quad.create(Quad.defaultGraphIRI, triple)), Iter.toList(graph.quadsWith(RDFS.label.asNode())));
        assertThrows(IllegalStateException.class, () -> builder.triple(triple));
    }

    @Test
    void manyMoreNodesThanItsFirstTableHoldsAreEachFound() {
        CompactGraph.Builder builder = new CompactGraph.Builder();
        Node p = NodeFactory.createURI("http://example.org/p");
        for (int i = 0; i < 100_000; i++) {
            builder.triple(Triple.create(NodeFactory.createURI("http://example.org/s" + i), p, NodeFactory.createLiteralString("v" + (i % 1000))));
        }
        CompactGraph graph = builder.build();
        assertEquals(100_000, graph.size());
        assertEquals(List.of(NodeFactory.createLiteralString("v321")),
                graph.find(NodeFactory.createURI("http://example.org/s99321"), p, Node.ANY).mapWith(Triple::getObject).toList());
        assertEquals(100, graph.find(Node.ANY, p, NodeFactory.createLiteralString("v5")).toList().size());
        assertEquals(100, graph.find(Node.ANY, Node.ANY, NodeFactory.createLiteralString("v999")).toList().size());
    }

    private static Node pick(Random random, List<Node> nodes) {
        return random.nextInt(3) == 0 ? Node.ANY : nodes.get(random.nextInt(nodes.size()));
    }
}

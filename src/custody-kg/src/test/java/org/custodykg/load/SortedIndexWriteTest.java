package org.custodykg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing index by index leaves a TDB2 store exactly as adding each quad does: the same tuples in each of
 * the six quad indexes (and the same quads read back), over data already there, with repeated quads, inline
 * literals (numbers, dates) and quads of the default graph.
 */
class SortedIndexWriteTest {
    @TempDir
    Path temp;

    @Test
    void eachIndexHoldsWhatAddingEachQuadGives() {
        List<Quad> first = quads(0, 3_000);
        List<Quad> second = quads(2_000, 6_000); // overlaps the first
        Dataset added = TDB2Factory.connectDataset(temp.resolve("added").toString());
        Dataset sorted = TDB2Factory.connectDataset(temp.resolve("sorted").toString());
        for (List<Quad> batch : List.of(first, second)) {
            Txn.executeWrite(added, () -> batch.forEach(added.asDatasetGraph()::add));
            Txn.executeWrite(sorted, () -> {
                SortedIndexWrite write = new SortedIndexWrite(sorted.asDatasetGraph());
                batch.forEach(write::quad);
                write.giveIds();
                write.writeIndexes();
            });
        }
        assertEquals(indexes(added), indexes(sorted));
        List<String> addedQuads = quads(added);
        assertEquals(6_001, addedQuads.size());
        assertEquals(addedQuads, quads(sorted));
        assertEquals(6, indexes(sorted).size());
    }

    @Test
    void aNewStoreBuiltBottomUpHoldsWhatAddingEachQuadGives() {
        List<Quad> quads = new ArrayList<>(quads(0, 3_000));
        quads.addAll(quads(2_000, 70_000)); // repeats some; more tuples than one block of ids holds
        Dataset added = TDB2Factory.connectDataset(temp.resolve("added").toString());
        Txn.executeWrite(added, () -> quads.forEach(added.asDatasetGraph()::add));
        Path built = temp.resolve("built");
        Dataset packed = TDB2Factory.connectDataset(built.toString());
        written(packed, quads, true).packIndexes(() -> true);
        assertEquals(indexes(added), indexes(packed));
        TDBInternal.expel(packed.asDatasetGraph()); // and as read back from its files
        Dataset reopened = TDB2Factory.connectDataset(built.toString());
        assertEquals(indexes(added), indexes(reopened));
        assertEquals(quads(added), quads(reopened));
        assertEquals(60_248, quads(reopened).size()); // distinct quads: dates and texts repeat
        // the store takes further writes as any other
        Quad more = Quad.create(NodeFactory.createURI("https://example.org/g9"), NodeFactory.createURI("https://example.org/s"),
                NodeFactory.createURI("https://example.org/p"), NodeFactory.createLiteralString("more"));
        Txn.executeWrite(reopened, () -> reopened.asDatasetGraph().add(more));
        Txn.executeWrite(added, () -> added.asDatasetGraph().add(more));
        assertEquals(indexes(added), indexes(reopened));
    }

    @Test
    void packingStopsBeforeAnIndexWhenNoLongerWanted() {
        Dataset packed = TDB2Factory.connectDataset(temp.resolve("stopped").toString());
        int[] asked = new int[1];
        written(packed, quads(0, 100), true).packIndexes(() -> asked[0]++ < 2);
        List<Long> sizes = Txn.calculateRead(packed, () -> Arrays.stream(quadIndexes(packed)).map(TupleIndex::size).toList());
        // GSPO, then SPOG (merged from the same sort; the last of the six); the quad of the default graph is in its own table
        assertEquals(List.of(100L, 0L, 0L, 0L, 0L, 100L), sizes);
    }

    @Test
    void packingAsksForTheNodesIdsFirst() {
        SortedIndexWrite write = written(TDB2Factory.connectDataset(temp.resolve("unnumbered").toString()), quads(0, 10), false);
        assertEquals("the nodes have no ids yet: giveIds() comes first",
                assertThrows(IllegalStateException.class, () -> write.packIndexes(() -> true)).getMessage());
    }

    @Test
    void aDatasetThatIsNotAStoreTakesEachQuadAsItComes() {
        var dataset = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dataset, () -> {
            SortedIndexWrite write = new SortedIndexWrite(dataset);
            quads(0, 10).forEach(write::quad);
            assertEquals(11L, dataset.stream().count()); // before writeIndexes: nothing is held back
            write.writeIndexes();
        });
        assertEquals(11L, Txn.calculateRead(dataset, () -> dataset.stream().count()));
    }

    /** The quads given to a writer in one write transaction, which commits; the nodes given their ids in it if asked. */
    private static SortedIndexWrite written(Dataset store, List<Quad> quads, boolean giveIds) {
        SortedIndexWrite write = Txn.calculateWrite(store, () -> new SortedIndexWrite(store.asDatasetGraph()));
        Txn.executeWrite(store, () -> {
            quads.forEach(write::quad);
            if (giveIds) {
                write.giveIds();
            }
        });
        return write;
    }

    /** Quads i in [from, to): four graphs, repeated subjects, IRIs, strings, integers and dates; one default-graph quad. */
    private static List<Quad> quads(int from, int to) {
        List<Quad> quads = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Node graph = NodeFactory.createURI("https://example.org/g" + i % 4);
            Node subject = NodeFactory.createURI("https://example.org/s" + i % 97);
            Node predicate = NodeFactory.createURI("https://example.org/p" + i % 5);
            Node object = switch (i % 3) {
                case 0 -> NodeFactory.createLiteralString("text " + i);
                case 1 -> NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger);
                default -> NodeFactory.createLiteralDT("2020-07-" + String.format("%02d", 1 + i % 28), XSDDatatype.XSDdate);
            };
            quads.add(Quad.create(graph, subject, predicate, object));
        }
        quads.add(Quad.create(Quad.defaultGraphIRI, NodeFactory.createURI("https://example.org/d"),
                NodeFactory.createURI("https://example.org/p"), NodeFactory.createLiteralString("default")));
        return quads;
    }

    private static List<String> quads(Dataset store) {
        return Txn.calculateRead(store, () -> store.asDatasetGraph().stream().map(Quad::toString).sorted().toList());
    }

    private static TupleIndex[] quadIndexes(Dataset store) {
        return TDBInternal.getDatasetGraphTDB(store.asDatasetGraph()).getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
    }

    /**
     * Each quad index's name and its tuples as nodes (sorted as text: the ids differ between stores that gave
     * their nodes ids in other orders), after checking that the index holds its keys in strictly ascending order.
     */
    private static List<String> indexes(Dataset store) {
        return Txn.calculateRead(store, () -> {
            NodeTable nodes = TDBInternal.getDatasetGraphTDB(store.asDatasetGraph()).getQuadTable().getNodeTupleTable().getNodeTable();
            List<String> all = new ArrayList<>();
            for (TupleIndex index : quadIndexes(store)) {
                List<String> tuples = new ArrayList<>();
                List<Long> previous = null;
                for (Tuple<NodeId> tuple : (Iterable<Tuple<NodeId>>) index::all) {
                    List<Long> key = index.getMapping().map(tuple).asList().stream().map(SortedIndexWriteTest::encoded).toList();
                    if (previous != null) {
                        assertTrue(ascending(previous, key), index.getName() + ": " + previous + " then " + key);
                    }
                    previous = key;
                    tuples.add(tuple.asList().stream().map(id -> nodes.getNodeForNodeId(id).toString()).toList().toString());
                }
                all.add(index.getName() + ": " + tuples.stream().sorted().toList());
            }
            return all;
        });
    }

    private static long encoded(NodeId id) {
        byte[] bytes = new byte[NodeId.SIZE];
        NodeIdFactory.set(id, bytes);
        return Bytes.getLong(bytes);
    }

    private static boolean ascending(List<Long> before, List<Long> after) {
        for (int column = 0; column < before.size(); column++) {
            int c = Long.compareUnsigned(before.get(column), after.get(column));
            if (c != 0) {
                return c < 0;
            }
        }
        return false;
    }
}

package org.custodykg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
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

    /** Each quad index's name and its tuples, in its own order. */
    private static List<String> indexes(Dataset store) {
        return Txn.calculateRead(store, () -> {
            List<String> all = new ArrayList<>();
            for (TupleIndex index : TDBInternal.getDatasetGraphTDB(store.asDatasetGraph()).getQuadTable().getNodeTupleTable()
                    .getTupleTable().getIndexes()) {
                StringBuilder tuples = new StringBuilder(index.getName()).append(':');
                index.all().forEachRemaining(tuple -> tuples.append(' ').append(tuple));
                all.add(tuples.toString());
            }
            return all;
        });
    }
}

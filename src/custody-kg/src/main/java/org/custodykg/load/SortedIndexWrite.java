package org.custodykg.load;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.atlas.lib.tuple.TupleMap;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.index.RangeIndex;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Writes named-graph quads into a TDB2 store in a write transaction, index by index: each quad's nodes get
 * their ids as it arrives (kept as four longs, not as objects), and at the end each of the six quad indexes
 * takes every tuple, in runs sorted in that index's own key order, so that its B+tree is filled leaf after
 * leaf instead of in turn with the five others at random places (that interleaving was most of a load's time).
 * The store ends up holding exactly what adding each quad would have given. Any other dataset takes each quad
 * as it comes. Use on the write transaction's thread, and call {@link #writeIndexes} before the commit.
 */
final class SortedIndexWrite extends StreamRDFBase {
    /** Tuples sorted at a time: bounds the records in memory at once (about 80 bytes each). */
    private static final int RUN = 1 << 21;
    private static final int WIDTH = 4;
    private static final Comparator<Record> BY_KEY = (a, b) -> Bytes.compare(a.getKey(), b.getKey());
    private final DatasetGraph target;
    /** The store's node table and quad indexes; null for a dataset that is not a TDB2 store. */
    private final NodeTable nodes;
    private final TupleIndex[] indexes;
    private final byte[] encoded = new byte[NodeId.SIZE];
    /** The node ids of the tuples so far, graph, subject, predicate, object, as the index keys hold them. */
    private long[] ids = new long[WIDTH * 1024];
    private int count;

    /** A writer into the dataset, inside its write transaction. */
    SortedIndexWrite(DatasetGraph target) {
        this.target = target;
        NodeTupleTable quads = TDBInternal.isTDB2(target)
                ? TDBInternal.getDatasetGraphTDB(target).getQuadTable().getNodeTupleTable() : null;
        this.nodes = quads == null ? null : quads.getNodeTable();
        this.indexes = quads == null ? null : quads.getTupleTable().getIndexes();
    }

    @Override
    public void quad(Quad quad) {
        if (nodes == null || quad.isDefaultGraph()) {
            target.add(quad); // not a store, or the default graph, which has tables of its own
            return;
        }
        if (WIDTH * (count + 1) > ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        int at = WIDTH * count++;
        ids[at] = id(quad.getGraph());
        ids[at + 1] = id(quad.getSubject());
        ids[at + 2] = id(quad.getPredicate());
        ids[at + 3] = id(quad.getObject());
    }

    @Override
    public void triple(Triple triple) {
        target.getDefaultGraph().add(triple);
    }

    /** Adds every tuple to each index, in that index's order. */
    void writeIndexes() {
        if (nodes == null) {
            return;
        }
        for (TupleIndex index : indexes) {
            // every quad index of a TDB2 store is a B+tree of records
            insertSorted(((TupleIndexRecord) index.baseTupleIndex()).getRangeIndex(), index.getMapping());
        }
        ids = new long[0];
        count = 0;
    }

    private void insertSorted(RangeIndex index, TupleMap order) {
        RecordFactory factory = index.getRecordFactory();
        Tuple<Integer> columns = order.map(TupleFactory.create4(0, 1, 2, 3)); // the tuple's slot in each key column
        Record[] run = new Record[Math.min(count, RUN)];
        for (int start = 0; start < count; start += RUN) {
            int length = Math.min(RUN, count - start);
            for (int i = 0; i < length; i++) {
                byte[] key = new byte[WIDTH * NodeId.SIZE];
                for (int column = 0; column < WIDTH; column++) {
                    Bytes.setLong(ids[WIDTH * (start + i) + columns.get(column)], key, column * NodeId.SIZE);
                }
                run[i] = factory.create(key);
            }
            Arrays.sort(run, 0, length, BY_KEY);
            for (int i = 0; i < length; i++) {
                index.insert(run[i]);
            }
        }
    }

    private long id(Node node) {
        NodeIdFactory.set(nodes.getAllocateNodeId(node), encoded);
        return Bytes.getLong(encoded);
    }
}

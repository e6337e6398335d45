package org.custodykg.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.index.RangeIndex;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.BPlusTreeParams;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Writes named-graph quads into a TDB2 store index by index: each quad's nodes get their ids as it arrives,
 * in the write transaction (kept as four longs, not as objects), and at the end each of the six quad indexes
 * takes every tuple sorted in its own key order (one array, sorted three times: GSPO and SPOG come from one
 * sort, as do GPOS and POSG, GOSP and OSPG), so
 * that its B+tree is filled leaf after leaf instead of in turn with the five others at random places (that
 * interleaving was most of a load's time): inserted in the same transaction ({@link #writeIndexes}), or, for
 * a new store, built bottom-up after it ({@link #packIndexes}). The store ends up holding exactly what adding each quad would have given. Any
 * other dataset takes each quad as it comes. Use on the write transaction's thread.
 */
final class SortedIndexWrite extends StreamRDFBase {
    private static final int WIDTH = TupleSort.WIDTH;
    private final DatasetGraph target;
    /** The store's node table and quad indexes; null for a dataset that is not a TDB2 store. */
    private final NodeTable nodes;
    private final TupleIndex[] indexes;
    private final byte[] encoded = new byte[NodeId.SIZE];
    /** Every node this write has looked up, numbered; {@link #ids} holds the store's id of each by number. */
    private NodeNumbers known = new NodeNumbers();
    private long[] ids = new long[1024];
    /** The node ids of the tuples so far, graph, subject, predicate, object, as the index keys hold them. */
    private TupleBlocks tuples = new TupleBlocks(WIDTH);

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
        long[] block = tuples.append();
        int at = tuples.at();
        block[at] = id(quad.getGraph());
        block[at + 1] = id(quad.getSubject());
        block[at + 2] = id(quad.getPredicate());
        block[at + 3] = id(quad.getObject());
    }

    @Override
    public void triple(Triple triple) {
        target.getDefaultGraph().add(triple);
    }

    /** Adds every tuple to each index, in that index's order, inside the write transaction. */
    void writeIndexes() {
        forgetNodes();
        if (nodes != null) {
            Keys keys = new Keys();
            for (TupleIndex index : keys.inOrder(indexes)) {
                RangeIndex tree = tree(index);
                keys.sortedRecords(index, tree.getRecordFactory()).forEachRemaining(tree::insert);
            }
        }
    }

    /**
     * Builds each quad index of a new store from its sorted tuples, leaf after leaf, as Jena's own bulk
     * loader does, instead of inserting them one by one: about a tenth of the work, and full blocks. Call
     * after the write transaction that gave the nodes their ids has committed, with no transaction active;
     * each index is built in a transaction of its own, so a failure part-way leaves a store only fit for
     * deleting (which is why this is for a store being created, in a folder of its own).
     *
     * @param wanted asked before each index; when it says no, the rest are not built
     * @throws IllegalStateException when an index has been written to: packing would overwrite it
     */
    void packIndexes(BooleanSupplier wanted) {
        forgetNodes();
        if (nodes != null) {
            Keys keys = new Keys();
            // no transaction of the store's own may start meanwhile, as Jena's bulk loaders do
            TransactionCoordinator store = TDBInternal.getTransactionCoordinator(target);
            store.startExclusiveMode();
            try {
                for (TupleIndex index : keys.inOrder(indexes)) {
                    if (!wanted.getAsBoolean()) {
                        break;
                    }
                    pack(index, keys);
                }
            } finally {
                store.finishExclusiveMode();
            }
        }
    }

    private void pack(TupleIndex index, Keys keys) {
        BPlusTree tree = (BPlusTree) tree(index);
        CoLib.executeWrite(index, () -> {
            // the packed tree's root is block 0, where a tree never written keeps its own
            if (!tree.isEmpty() || tree.getRootId() != BPlusTreeParams.RootId) {
                throw new IllegalStateException("the index " + index.getName() + " has been written to");
            }
            BPlusTreeRewriter.packIntoBPlusTree(keys.sortedRecords(index, tree.getRecordFactory()), tree.getParams(),
                    tree.getRecordFactory(), tree.getStateManager().getBufferChannel(), tree.getNodeManager().getBlockMgr(),
                    tree.getRecordsMgr().getBlockMgr());
        });
    }

    /** Lets go of the nodes looked up: once every quad has its ids, while the indexes are built. */
    private void forgetNodes() {
        known = new NodeNumbers();
        ids = new long[1024];
    }

    /** Every quad index of a TDB2 store is a B+tree of records. */
    private static RangeIndex tree(TupleIndex index) {
        return ((TupleIndexRecord) index.baseTupleIndex()).getRangeIndex();
    }

    /**
     * Every tuple in one array, taken from the blocks (so the tuples are held once), then sorted in place
     * into one index's key order after another; an index whose order is another's with the graph moved from
     * first to last is read from the array sorted for that other by merging its graphs' runs
     * ({@link RunMerge}), not sorted again. Each tuple is held once: the copies of a quad given more than once
     * are dropped after the first sort.
     */
    private final class Keys {
        private int count = tuples.count();
        private final long[] keys = tuples.toArray();
        /** The tuple's slot (graph, subject, predicate, object) each column of {@link #keys} holds now. */
        private int[] columns = {0, 1, 2, 3};
        private boolean sorted;

        /**
         * The indexes in the order to fill them: each one whose key starts with the graph right before the one
         * holding the same order with the graph last, so that the second is merged from the first's sort.
         */
        List<TupleIndex> inOrder(TupleIndex[] all) {
            List<TupleIndex> left = new ArrayList<>(Arrays.asList(all));
            List<TupleIndex> order = new ArrayList<>();
            while (!left.isEmpty()) {
                TupleIndex first = left.remove(0);
                order.add(first);
                int[] slots = slots(first);
                left.stream().filter(other -> slots[0] == 0 && Arrays.equals(slots(other), graphLast(slots))).findFirst()
                        .ifPresent(twin -> {
                            left.remove(twin);
                            order.add(twin);
                        });
            }
            return order;
        }

        /** The tuples as the index's records, in its key order, each once. */
        Iterator<Record> sortedRecords(TupleIndex index, RecordFactory factory) {
            int[] wanted = slots(index);
            if (sorted && columns[0] == 0 && Arrays.equals(wanted, graphLast(columns))) {
                RunMerge merge = new RunMerge(keys, count);
                return records(merge::hasNext, merge::next, new int[] {1, 2, 3, 0}, factory);
            }
            int[] from = new int[WIDTH]; // the column each wanted slot is in now
            for (int column = 0; column < WIDTH; column++) {
                for (int now = 0; now < WIDTH; now++) {
                    if (columns[now] == wanted[column]) {
                        from[column] = now;
                    }
                }
            }
            long[] tuple = new long[WIDTH];
            for (int i = 0; i < count; i++) {
                int at = WIDTH * i;
                for (int column = 0; column < WIDTH; column++) {
                    tuple[column] = keys[at + from[column]];
                }
                System.arraycopy(tuple, 0, keys, at, WIDTH);
            }
            columns = wanted;
            TupleSort.sort(keys, count);
            if (!sorted) {
                count = TupleSort.distinct(keys, count); // the same tuples in every order
                sorted = true;
            }
            int[] next = new int[1];
            return records(() -> next[0] < count, () -> next[0]++, new int[] {0, 1, 2, 3}, factory);
        }

        /** The records of the tuples at the positions given, each key made of the columns given, in turn. */
        private Iterator<Record> records(BooleanSupplier more, IntSupplier position, int[] keyColumns, RecordFactory factory) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return more.getAsBoolean();
                }

                @Override
                public Record next() {
                    if (!more.getAsBoolean()) {
                        throw new NoSuchElementException();
                    }
                    int at = WIDTH * position.getAsInt();
                    byte[] key = new byte[WIDTH * NodeId.SIZE];
                    for (int column = 0; column < WIDTH; column++) {
                        Bytes.setLong(keys[at + keyColumns[column]], key, column * NodeId.SIZE);
                    }
                    return factory.create(key);
                }
            };
        }
    }

    /** The tuple's slot (graph 0, subject 1, predicate 2, object 3) in each of the index's key columns. */
    private static int[] slots(TupleIndex index) {
        Tuple<Integer> mapping = index.getMapping().map(TupleFactory.create4(0, 1, 2, 3));
        return new int[] {mapping.get(0), mapping.get(1), mapping.get(2), mapping.get(3)};
    }

    /** The order with its first slot moved last. */
    private static int[] graphLast(int[] slots) {
        return new int[] {slots[1], slots[2], slots[3], slots[0]};
    }

    /**
     * The node's id, asked of the node table once per node: a file names most of its nodes again and again, and
     * the table's own cache spent more time keeping its entries than finding them (and, beyond its size,
     * went to the node index on disk again, as for most subjects of the conclusions a load derives).
     */
    private long id(Node node) {
        int count = known.size();
        int number = known.number(node);
        if (number == count) { // new to this write
            if (number == ids.length) {
                ids = Arrays.copyOf(ids, 2 * number);
            }
            NodeIdFactory.set(nodes.getAllocateNodeId(node), encoded);
            ids[number] = Bytes.getLong(encoded);
        }
        return ids[number];
    }
}

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
import org.apache.jena.tdb2.lib.NodeLib;
import org.apache.jena.tdb2.store.Hash;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Writes named-graph quads into a TDB2 store index by index: each quad is kept as its nodes' numbers (four
 * longs, not objects), the nodes get their ids once the quads have ended ({@link #giveIds}, in the write
 * transaction, in the order of the node table's index), and at the end each of the six quad indexes
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
    /** Every node of the quads so far, numbered; null once they have their ids. */
    private NodeNumbers known = new NodeNumbers();
    /** The store's id of each node by number, as the index keys hold it, once {@link #giveIds} has run. */
    private long[] ids;
    /** The tuples so far, graph, subject, predicate, object: their nodes' numbers, until they become ids. */
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
        block[at] = known.number(quad.getGraph());
        block[at + 1] = known.number(quad.getSubject());
        block[at + 2] = known.number(quad.getPredicate());
        block[at + 3] = known.number(quad.getObject());
    }

    @Override
    public void triple(Triple triple) {
        target.getDefaultGraph().add(triple);
    }

    /** Adds every tuple to each index, in that index's order, inside the write transaction, after {@link #giveIds}. */
    void writeIndexes() {
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

    /**
     * Gives every node of the quads its id in the store, once, in the write transaction, after the last quad
     * and before {@link #writeIndexes} or the commit that precedes {@link #packIndexes}: asked of the
     * node table once per node, in the order of the nodes' hashes, which is its index's key order, so that
     * each new node goes into that B+tree next to the one before it. Asked as each quad arrived instead, in
     * the order the file names them, nine in ten of a 10 M load's new nodes went to a random place in the
     * index, which took the writer's thread longer than parsing took the caller's.
     */
    void giveIds() {
        if (nodes == null) {
            return;
        }
        int count = known.size();
        // the first half of each node's hash, then its number: nodes whose hashes share that half may be asked
        // for out of the index's order, which costs a lookup, nothing more
        long[] byHash = new long[2 * count];
        Hash hash = new Hash(SystemTDB.LenNodeHash);
        for (int number = 0; number < count; number++) {
            NodeLib.setHash(hash, known.node(number));
            byHash[2 * number] = Bytes.getLong(hash.getBytes(), 0);
            byHash[2 * number + 1] = number;
        }
        TupleSort.sort(byHash, count, 2);
        ids = new long[count];
        for (int i = 0; i < count; i++) {
            int number = (int) byHash[2 * i + 1];
            NodeIdFactory.set(nodes.getAllocateNodeId(known.node(number)), encoded);
            ids[number] = Bytes.getLong(encoded);
        }
        known = null; // the nodes are in the store's table now, and the parsed copy holds them for the load
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
        private final long[] keys = idsOf(tuples.toArray());
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

    /** The tuples of node numbers as tuples of the nodes' ids, in place; the numbers' ids are let go of. */
    private long[] idsOf(long[] numbers) {
        if (ids == null) {
            throw new IllegalStateException("the nodes have no ids yet: giveIds() comes first");
        }
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = ids[(int) numbers[i]];
        }
        ids = new long[0];
        return numbers;
    }
}

package org.custodykg.load;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.NiceIterator;
import org.apache.jena.util.iterator.NullIterator;

/**
 * Quads held in memory for reading them as one graph, each triple once whatever graphs hold it: what a load
 * validates, derives from and indexes for search while the store writes them. Jena's in-memory graph takes
 * about 250 bytes a triple, which at ten million triples was most of a load's memory; here each node is kept
 * once and numbered, and each quad is two longs (two node numbers in each) in each of three sorted orders —
 * subject, predicate, object, graph; predicate, object, subject, graph; object, subject, predicate, graph
 * (this one made when first needed) — found by halving. Filled by a {@link Builder}, read-only once built,
 * and safe to read from several threads.
 */
public final class CompactGraph extends GraphBase {
    private final Nodes nodes;
    private final int count;
    private final long[] spog;
    private final long[] posg;
    /** Made from {@link #spog} the first time a lookup needs it: only lookups by object alone do. */
    private volatile long[] ospg;
    private final int triples;

    private CompactGraph(Nodes nodes, long[] spog, int count) {
        this.nodes = nodes;
        this.count = count;
        this.spog = spog;
        this.posg = reordered(spog, count, Order.POS);
        this.triples = distinctTriples(spog, count);
    }

    /** The triples of every graph, each once. */
    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        int s = nodes.numberOf(pattern.getSubject());
        int p = nodes.numberOf(pattern.getPredicate());
        int o = nodes.numberOf(pattern.getObject());
        if (s == Nodes.ABSENT || p == Nodes.ABSENT || o == Nodes.ABSENT) {
            return NullIterator.instance();
        }
        if (s >= 0 && p < 0 && o >= 0) {
            return found(Order.OSP, ospg(), pair(o, s), pair(o, s), -1);
        }
        if (s >= 0) {
            return p >= 0 ? found(Order.SPO, spog, pair(s, p), pair(s, p), o) : found(Order.SPO, spog, pair(s, 0), pair(s, -1), -1);
        }
        if (p >= 0) {
            return o >= 0 ? found(Order.POS, posg, pair(p, o), pair(p, o), -1) : found(Order.POS, posg, pair(p, 0), pair(p, -1), -1);
        }
        if (o >= 0) {
            return found(Order.OSP, ospg(), pair(o, 0), pair(o, -1), -1);
        }
        return found(Order.SPO, spog, 0, Long.MAX_VALUE, -1);
    }

    @Override
    protected int graphBaseSize() {
        return triples;
    }

    /** Every quad whose predicate is {@code predicate}, in whatever graph, once per graph. */
    public Iterator<Quad> quadsWith(Node predicate) {
        int p = nodes.numberOf(predicate);
        if (p < 0) {
            return NullIterator.instance();
        }
        int from = firstAtLeast(posg, count, pair(p, 0));
        int to = firstAtLeast(posg, count, pair(p, -1) + 1);
        return new Iterator<>() {
            private int next = from;

            @Override
            public boolean hasNext() {
                return next < to;
            }

            @Override
            public Quad next() {
                if (next >= to) {
                    throw new NoSuchElementException();
                }
                long first = posg[2 * next];
                long second = posg[2 * next++ + 1];
                return Quad.create(nodes.node(low(second)), nodes.node(high(second)), predicate, nodes.node(low(first)));
            }
        };
    }

    /**
     * The triples in {@code order}'s index whose first long lies in [{@code low}, {@code high}], and whose
     * third node is {@code third} unless that is negative.
     */
    private ExtendedIterator<Triple> found(Order order, long[] index, long low, long high, int third) {
        int from = firstAtLeast(index, count, low);
        int to = high == Long.MAX_VALUE ? count : firstAtLeast(index, count, high + 1);
        return new NiceIterator<>() {
            private int at = from;

            @Override
            public boolean hasNext() {
                while (at < to && third >= 0 && high(index[2 * at + 1]) != third) {
                    at++;
                }
                return at < to;
            }

            @Override
            public Triple next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int here = at++;
                while (at < to && index[2 * at] == index[2 * here] && high(index[2 * at + 1]) == high(index[2 * here + 1])) {
                    at++; // the same triple in another graph
                }
                long first = index[2 * here];
                return order.triple(nodes, high(first), low(first), high(index[2 * here + 1]));
            }
        };
    }

    private long[] ospg() {
        long[] made = ospg;
        if (made == null) {
            synchronized (this) {
                made = ospg;
                if (made == null) {
                    made = reordered(spog, count, Order.OSP);
                    ospg = made;
                }
            }
        }
        return made;
    }

    /** The first of {@code count} pairs of longs whose first is at least {@code key}. */
    private static int firstAtLeast(long[] index, int count, long key) {
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (index[2 * middle] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Two node numbers in one long, the first in the high half; a number of -1 is the highest low half. */
    private static long pair(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFF_FFFFL);
    }

    private static int high(long pair) {
        return (int) (pair >>> 32);
    }

    private static int low(long pair) {
        return (int) pair;
    }

    /** The quads of {@code spog}, sorted in another order. */
    private static long[] reordered(long[] spog, int count, Order order) {
        long[] index = new long[2 * count];
        for (int i = 0; i < count; i++) {
            int s = high(spog[2 * i]);
            int p = low(spog[2 * i]);
            int o = high(spog[2 * i + 1]);
            int g = low(spog[2 * i + 1]);
            index[2 * i] = order == Order.POS ? pair(p, o) : pair(o, s);
            index[2 * i + 1] = pair(order == Order.POS ? s : p, g);
        }
        TupleSort.sort(index, count, 2);
        return index;
    }

    private static int distinctTriples(long[] spog, int count) {
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || spog[2 * i] != spog[2 * i - 2] || high(spog[2 * i + 1]) != high(spog[2 * i - 1])) {
                distinct++;
            }
        }
        return distinct;
    }

    /** Which node each place of an index's pair of longs holds. */
    private enum Order {
        SPO, POS, OSP;

        Triple triple(Nodes nodes, int first, int second, int third) {
            return switch (this) {
                case SPO -> Triple.create(nodes.node(first), nodes.node(second), nodes.node(third));
                case POS -> Triple.create(nodes.node(third), nodes.node(first), nodes.node(second));
                case OSP -> Triple.create(nodes.node(second), nodes.node(third), nodes.node(first));
            };
        }
    }

    /**
     * Takes quads (and triples, as quads of the default graph) one at a time, on one thread, then
     * {@link #build}s the graph. Each quad given twice is kept once.
     */
    public static final class Builder extends StreamRDFBase {
        /** Quads per block: blocks, not one growing array, so that no copy doubles the memory held. */
        private static final int BLOCK_BITS = 16;
        private static final int BLOCK = 1 << BLOCK_BITS;
        private final Nodes nodes = new Nodes();
        private long[][] blocks = new long[0][];
        private int count;
        private boolean built;

        @Override
        public void quad(Quad quad) {
            if (built) {
                throw new IllegalStateException("the graph has been built");
            }
            int block = count >>> BLOCK_BITS;
            if (block == blocks.length) {
                blocks = Arrays.copyOf(blocks, block + 1);
                blocks[block] = new long[2 * BLOCK];
            }
            int at = 2 * (count++ & (BLOCK - 1));
            blocks[block][at] = pair(nodes.number(quad.getSubject()), nodes.number(quad.getPredicate()));
            blocks[block][at + 1] = pair(nodes.number(quad.getObject()), nodes.number(quad.getGraph()));
        }

        @Override
        public void triple(Triple triple) {
            quad(Quad.create(Quad.defaultGraphIRI, triple));
        }

        /** The graph of every quad given; the builder takes no more. */
        public CompactGraph build() {
            built = true;
            long[] spog = new long[2 * count];
            for (int i = 0; i < blocks.length; i++) {
                int length = Math.min(2 * BLOCK, 2 * (count - i * BLOCK));
                System.arraycopy(blocks[i], 0, spog, 2 * i * BLOCK, length);
                blocks[i] = null; // let go of each block once copied
            }
            blocks = new long[0][];
            TupleSort.sort(spog, count, 2);
            int distinct = 0;
            for (int i = 0; i < count; i++) {
                if (i == 0 || spog[2 * i] != spog[2 * distinct - 2] || spog[2 * i + 1] != spog[2 * distinct - 1]) {
                    spog[2 * distinct] = spog[2 * i];
                    spog[2 * distinct++ + 1] = spog[2 * i + 1];
                }
            }
            return new CompactGraph(nodes, spog, distinct);
        }
    }

    /** Each node once, numbered from 0 in the order first seen, found by an open-addressed hash table. */
    private static final class Nodes {
        static final int ANY = -1;
        static final int ABSENT = -2;
        private Node[] byNumber = new Node[1024];
        private int size;
        /** Slot → number + 1, 0 for an empty slot; at most half full. */
        private int[] slots = new int[2048];
        /** What the hash is shifted right by to give a slot: 32 less the bits of the table's size. */
        private int shift = Integer.SIZE - 11;

        /** The node's number, numbering it if new. */
        int number(Node node) {
            int slot = slot(node);
            if (slots[slot] != 0) {
                return slots[slot] - 1;
            }
            if (size == byNumber.length) {
                byNumber = Arrays.copyOf(byNumber, 2 * size);
            }
            byNumber[size] = node;
            slots[slot] = ++size;
            if (2 * size > slots.length) {
                rehash();
            }
            return size - 1;
        }

        /** The number of a node, {@link #ANY} for a wildcard, {@link #ABSENT} for a node never given. */
        int numberOf(Node node) {
            if (node == null || node == Node.ANY || node.isVariable()) {
                return ANY;
            }
            int number = slots[slot(node)];
            return number == 0 ? ABSENT : number - 1;
        }

        Node node(int number) {
            return byNumber[number];
        }

        /** The slot holding the node, or the empty one where it would go. */
        private int slot(Node node) {
            int mask = slots.length - 1;
            int slot = home(node);
            while (slots[slot] != 0 && !byNumber[slots[slot] - 1].equals(node)) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        /** The node's first slot to try: the top bits of its hash spread by Fibonacci hashing. */
        private int home(Node node) {
            return (node.hashCode() * 0x9E3779B9) >>> shift;
        }

        private void rehash() {
            int[] old = slots;
            slots = new int[2 * old.length];
            shift--;
            int mask = slots.length - 1;
            for (int number : old) {
                if (number != 0) {
                    int slot = home(byNumber[number - 1]);
                    while (slots[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    slots[slot] = number;
                }
            }
        }
    }
}

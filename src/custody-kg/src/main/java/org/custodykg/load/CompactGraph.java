package org.custodykg.load;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
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
 * (this one made when first needed) — each with where its first node's quads start, halving within them.
 * Filled by a {@link Builder}, read-only once built, and safe to read from several threads.
 */
public final class CompactGraph extends GraphBase {
    private final NodeNumbers nodes;
    private final int count;
    private final Index spog;
    private final Index posg;
    /** Made from {@link #spog} the first time a lookup needs it: only lookups by object alone do. */
    private volatile Index ospg;
    private final int triples;

    private CompactGraph(NodeNumbers nodes, long[] spog, int count) {
        this.nodes = nodes;
        this.count = count;
        this.spog = new Index(Order.SPO, spog, count, nodes.size());
        this.posg = reordered(Order.POS);
        this.triples = distinctTriples(spog, count);
    }

    /** The triples of every graph, each once. */
    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        int s = nodes.numberOf(pattern.getSubject());
        int p = nodes.numberOf(pattern.getPredicate());
        int o = nodes.numberOf(pattern.getObject());
        if (s == NodeNumbers.ABSENT || p == NodeNumbers.ABSENT || o == NodeNumbers.ABSENT) {
            return NullIterator.instance();
        }
        if (s >= 0) {
            return p < 0 && o >= 0 ? found(ospg(), o, s, -1) : found(spog, s, p, o);
        }
        if (p >= 0) {
            return found(posg, p, o, -1);
        }
        if (o >= 0) {
            return found(ospg(), o, -1, -1);
        }
        return inRange(spog, 0, count, -1);
    }

    /** A lookup without an iterator: deriving asks whether the graph holds each conclusion. */
    @Override
    protected boolean graphBaseContains(Triple triple) {
        if (!triple.isConcrete()) {
            return super.graphBaseContains(triple);
        }
        int s = nodes.numberOf(triple.getSubject());
        int p = nodes.numberOf(triple.getPredicate());
        int o = nodes.numberOf(triple.getObject());
        if (s < 0 || p < 0 || o < 0) {
            return false;
        }
        long[] pairs = spog.pairs;
        int from = firstAtLeast(pairs, spog.start(s), spog.start(s + 1), pair(s, p));
        for (int i = from; i < count && pairs[2 * i] == pair(s, p); i++) {
            int object = high(pairs[2 * i + 1]);
            if (object >= o) {
                return object == o; // sorted by object within a subject and predicate
            }
        }
        return false;
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
        long[] pairs = posg.pairs;
        return IntStream.range(posg.start(p), posg.start(p + 1)).mapToObj(i -> Quad.create(nodes.node(low(pairs[2 * i + 1])),
                nodes.node(high(pairs[2 * i + 1])), predicate, nodes.node(low(pairs[2 * i])))).iterator();
    }

    /**
     * The triples in the index whose first node is {@code first}, whose second is {@code second} unless that is
     * negative, and whose third is {@code third} unless that is negative.
     */
    private ExtendedIterator<Triple> found(Index index, int first, int second, int third) {
        int from = index.start(first);
        int to = index.start(first + 1);
        if (second >= 0) {
            long key = pair(first, second);
            from = firstAtLeast(index.pairs, from, to, key);
            to = firstAtLeast(index.pairs, from, to, key + 1);
        }
        return inRange(index, from, to, third);
    }

    /** The triples at [{@code from}, {@code to}) of the index, each once, whose third node is {@code third} unless that is negative. */
    private ExtendedIterator<Triple> inRange(Index index, int from, int to, int third) {
        long[] pairs = index.pairs;
        return new NiceIterator<>() {
            private int at = from;

            @Override
            public boolean hasNext() {
                while (at < to && third >= 0 && high(pairs[2 * at + 1]) != third) {
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
                while (at < to && pairs[2 * at] == pairs[2 * here] && high(pairs[2 * at + 1]) == high(pairs[2 * here + 1])) {
                    at++; // the same triple in another graph
                }
                long first = pairs[2 * here];
                return index.order.triple(nodes, high(first), low(first), high(pairs[2 * here + 1]));
            }
        };
    }

    private Index ospg() {
        Index made = ospg;
        if (made == null) {
            synchronized (this) {
                made = ospg;
                if (made == null) {
                    made = reordered(Order.OSP);
                    ospg = made;
                }
            }
        }
        return made;
    }

    /** The first of the pairs of longs at [{@code from}, {@code to}) whose first is at least {@code key}. */
    private static int firstAtLeast(long[] pairs, int from, int to, long key) {
        int low = from;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (pairs[2 * middle] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Quads as pairs of longs sorted in one order, and where each first node's quads start: a lookup by its
     * first node goes straight to them, halving only within them for a second node.
     */
    private static final class Index {
        final Order order;
        final long[] pairs;
        /** Where the quads whose first node is number n start, for n from 0 to the number of nodes. */
        private final int[] starts;

        Index(Order order, long[] pairs, int count, int nodes) {
            this.order = order;
            this.pairs = pairs;
            this.starts = new int[nodes + 1];
            for (int i = 0; i < count; i++) {
                starts[high(pairs[2 * i]) + 1]++;
            }
            for (int n = 0; n < nodes; n++) {
                starts[n + 1] += starts[n];
            }
        }

        /** Where the quads whose first node is {@code first} start; the number of nodes gives the end of all. */
        int start(int first) {
            return starts[first];
        }
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

    /** The quads sorted in another order. */
    private Index reordered(Order order) {
        long[] from = spog.pairs;
        long[] pairs = new long[2 * count];
        for (int i = 0; i < count; i++) {
            int s = high(from[2 * i]);
            int p = low(from[2 * i]);
            int o = high(from[2 * i + 1]);
            int g = low(from[2 * i + 1]);
            pairs[2 * i] = order == Order.POS ? pair(p, o) : pair(o, s);
            pairs[2 * i + 1] = pair(order == Order.POS ? s : p, g);
        }
        TupleSort.sort(pairs, count, 2);
        return new Index(order, pairs, count, nodes.size());
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

        Triple triple(NodeNumbers nodes, int first, int second, int third) {
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
        private final NodeNumbers nodes = new NodeNumbers();
        private final TupleBlocks quads = new TupleBlocks(2);
        private boolean built;

        @Override
        public void quad(Quad quad) {
            if (built) {
                throw new IllegalStateException("the graph has been built");
            }
            long[] block = quads.append();
            block[quads.at()] = pair(nodes.number(quad.getSubject()), nodes.number(quad.getPredicate()));
            block[quads.at() + 1] = pair(nodes.number(quad.getObject()), nodes.number(quad.getGraph()));
        }

        @Override
        public void triple(Triple triple) {
            quad(Quad.create(Quad.defaultGraphIRI, triple));
        }

        /** The graph of every quad given; the builder takes no more. */
        public CompactGraph build() {
            built = true;
            int count = quads.count();
            long[] spog = quads.toArray();
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
}

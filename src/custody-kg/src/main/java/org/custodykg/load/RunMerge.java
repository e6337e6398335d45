package org.custodykg.load;

/**
 * Visits tuples of four longs sorted by columns (a, b, c, d) in the order (b, c, d, a), without sorting them
 * again: they fall into runs of equal a, each already in (b, c, d) order, and merging the runs gives the
 * other order. A TDB2 store's GSPO and SPOG indexes hold the same tuples in orders related so (as do GPOS
 * and POSG, GOSP and OSPG), so one sort serves both. A load has few graphs (one per file), hence few runs;
 * they are merged through a heap of their next tuples, a tuple costing about log2(runs) comparisons
 * (sorting again cost about log2(tuples)).
 */
final class RunMerge {
    private static final int WIDTH = TupleSort.WIDTH;
    private final long[] tuples;
    /** By run: the tuple it offers next, and where it ends. */
    private final int[] next;
    private final int[] end;
    /** The runs not yet used up, as a binary heap on the tuple each offers next. */
    private final int[] heap;
    private int size;

    /** @param tuples the first {@code count} tuples sorted by their columns in order, compared as unsigned */
    RunMerge(long[] tuples, int count) {
        this.tuples = tuples;
        int runs = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || tuples[WIDTH * i] != tuples[WIDTH * (i - 1)]) {
                runs++;
            }
        }
        next = new int[runs];
        end = new int[runs];
        heap = new int[runs];
        int run = -1;
        for (int i = 0; i < count; i++) {
            if (i == 0 || tuples[WIDTH * i] != tuples[WIDTH * (i - 1)]) {
                next[++run] = i;
            }
            end[run] = i + 1;
        }
        for (size = 0; size < runs; size++) {
            heap[size] = size;
        }
        for (int at = size / 2 - 1; at >= 0; at--) {
            siftDown(at);
        }
    }

    boolean hasNext() {
        return size > 0;
    }

    /** The position (in the array) of the next tuple in (b, c, d, a) order. */
    int next() {
        int run = heap[0];
        int tuple = next[run]++;
        if (next[run] == end[run]) {
            heap[0] = heap[--size];
        }
        siftDown(0);
        return tuple;
    }

    private void siftDown(int at) {
        while (true) {
            int least = at;
            int left = 2 * at + 1;
            if (left < size && before(heap[left], heap[least])) {
                least = left;
            }
            if (left + 1 < size && before(heap[left + 1], heap[least])) {
                least = left + 1;
            }
            if (least == at) {
                return;
            }
            int kept = heap[at];
            heap[at] = heap[least];
            heap[least] = kept;
            at = least;
        }
    }

    /** Whether run x's next tuple comes before run y's in (b, c, d, a) order. */
    private boolean before(int x, int y) {
        int i = WIDTH * next[x];
        int j = WIDTH * next[y];
        for (int column = 1; column <= WIDTH; column++) {
            int c = Long.compareUnsigned(tuples[i + column % WIDTH], tuples[j + column % WIDTH]);
            if (c != 0) {
                return c < 0;
            }
        }
        return false;
    }
}

package org.custodykg.load;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Sorts tuples of longs held side by side in one {@code long[]}: four node ids into the order of a TDB2
 * index's keys, or {@link CompactGraph}'s pairs of packed ids. Column after column, each compared as
 * unsigned (the keys are the ids' big-endian bytes, compared byte by byte as unsigned). Sorting the longs in
 * place, instead of an object per tuple, takes a small part of the time and no memory beyond the array.
 * A large array is sorted on every core: once partitioned, the two sides are sorted at the same time (a
 * load's indexes are sorted one after another at its end, when the other core may have nothing left to do).
 */
final class TupleSort {
    static final int WIDTH = 4;
    /** Ranges this short are sorted by insertion. */
    private static final int SHORT = 16;
    /** Ranges this long are split between cores; shorter ones are not worth a task. */
    private static final int SHARED = 1 << 16;

    /** Sorts the first {@code count} tuples of four longs of {@code tuples}. */
    static void sort(long[] tuples, int count) {
        FOUR.sortAll(tuples, count);
    }

    /** Sorts the first {@code count} tuples of {@code width} longs of {@code tuples}. */
    static void sort(long[] tuples, int count, int width) {
        new TupleSort(width).sortAll(tuples, count);
    }

    /**
     * Drops the copies from the first {@code count} sorted tuples of four longs, moving the rest forward in
     * order; returns how many are left.
     */
    static int distinct(long[] tuples, int count) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (kept == 0 || FOUR.compare(tuples, i, tuples, kept - 1) != 0) {
                System.arraycopy(tuples, WIDTH * i, tuples, WIDTH * kept++, WIDTH);
            }
        }
        return kept;
    }

    private static final TupleSort FOUR = new TupleSort(WIDTH);
    private final int width;

    private TupleSort(int width) {
        this.width = width;
    }

    private void sortAll(long[] tuples, int count) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (count < SHARED || cores == 1) {
            quicksort(tuples, 0, count - 1);
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(cores); // its threads are daemons, and end with it
        try {
            pool.invoke(new Shared(tuples, 0, count - 1));
        } finally {
            pool.shutdown();
        }
    }

    /** Sorts a range by partitioning it, then both sides at once while they are long. */
    private final class Shared extends RecursiveAction {
        private final long[] t;
        private final int low;
        private final int high;

        Shared(long[] t, int low, int high) {
            this.t = t;
            this.low = low;
            this.high = high;
        }

        @Override
        protected void compute() {
            if (high - low < SHARED) {
                quicksort(t, low, high);
                return;
            }
            int pivot = partition(t, low, high);
            invokeAll(new Shared(t, low, pivot - 1), new Shared(t, pivot + 1, high));
        }
    }

    private void quicksort(long[] t, int low, int high) {
        while (high - low >= SHORT) {
            int i = partition(t, low, high);
            // recurse into the smaller side, loop over the larger: the stack stays logarithmic
            if (i - low < high - i) {
                quicksort(t, low, i - 1);
                low = i + 1;
            } else {
                quicksort(t, i + 1, high);
                high = i - 1;
            }
        }
        for (int i = low + 1; i <= high; i++) {
            for (int j = i; j > low && compare(t, j, t, j - 1) < 0; j--) {
                swap(t, j, j - 1);
            }
        }
    }

    /**
     * Partitions a range of at least {@link #SHORT} tuples around the median of its first, middle and last:
     * returns where that pivot ends, every tuple before it no greater and every one after it no smaller.
     */
    private int partition(long[] t, int low, int high) {
        int middle = (low + high) >>> 1;
        // the median of three as the pivot, moved to the end so the partition can run over the rest
        if (compare(t, middle, t, low) < 0) {
            swap(t, middle, low);
        }
        if (compare(t, high, t, low) < 0) {
            swap(t, high, low);
        }
        if (compare(t, high, t, middle) < 0) {
            swap(t, high, middle);
        }
        swap(t, middle, high - 1);
        int pivot = high - 1;
        int i = low;
        int j = high - 1;
        while (true) {
            while (compare(t, ++i, t, pivot) < 0) { }
            while (compare(t, --j, t, pivot) > 0) { }
            if (i >= j) {
                break;
            }
            swap(t, i, j);
        }
        swap(t, i, high - 1);
        return i;
    }

    private int compare(long[] a, int i, long[] b, int j) {
        int x = width * i;
        int y = width * j;
        for (int column = 0; column < width; column++) {
            int c = Long.compareUnsigned(a[x + column], b[y + column]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private void swap(long[] t, int i, int j) {
        int x = width * i;
        int y = width * j;
        for (int column = 0; column < width; column++) {
            long kept = t[x + column];
            t[x + column] = t[y + column];
            t[y + column] = kept;
        }
    }
}

package org.custodykg.load;

import java.util.Arrays;

/**
 * Tuples of longs appended one at a time, held in blocks rather than one growing array (growing it would
 * copy it, and for a moment hold it twice), then moved into one array for sorting, each block let go of as
 * soon as it is copied. Use on one thread.
 */
final class TupleBlocks {
    /** Tuples per block. */
    private static final int BLOCK_BITS = 16;
    private static final int BLOCK = 1 << BLOCK_BITS;
    private final int width;
    private long[][] blocks = new long[0][];
    private int count;
    private int at;

    /** Blocks of tuples of {@code width} longs. */
    TupleBlocks(int width) {
        this.width = width;
    }

    /** Room for one more tuple: its longs go into the block returned, from {@link #at()} on. */
    long[] append() {
        int block = count >>> BLOCK_BITS;
        if (block == blocks.length) {
            blocks = Arrays.copyOf(blocks, block + 1);
            blocks[block] = new long[width * BLOCK];
        }
        at = width * (count++ & (BLOCK - 1));
        return blocks[block];
    }

    /** Where in its block the tuple last appended starts. */
    int at() {
        return at;
    }

    /** How many tuples have been appended. */
    int count() {
        return count;
    }

    /** Every tuple, side by side in one array; the blocks are emptied. */
    long[] toArray() {
        long[] all = new long[width * count];
        for (int block = 0; block < blocks.length; block++) {
            int tuples = Math.min(BLOCK, count - block * BLOCK);
            System.arraycopy(blocks[block], 0, all, width * block * BLOCK, width * tuples);
            blocks[block] = null;
        }
        blocks = new long[0][];
        count = 0;
        return all;
    }
}

package org.custodykg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tuples of four ids come out in the order of a TDB2 index's keys: column by column, each unsigned. */
class TupleSortTest {
    @Test
    void sortsAsTheKeysBytesCompare() {
        Random random = new Random(7);
        // few distinct values per column, so that ties in the first columns are common; negative ones sort last
        long[] values = {0, 1, 2, 41, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE, -1};
        // from 65,536 tuples on, the two sides of a partition are sorted on two cores at once
        for (int size : new int[] {0, 1, 2, 15, 16, 17, 1_000, 20_000, 65_536, 65_537, 300_000}) {
            long[] tuples = new long[TupleSort.WIDTH * size];
            Arrays.setAll(tuples, i -> values[random.nextInt(values.length)]);
            List<List<Long>> expected = new ArrayList<>(rows(tuples, size));
            Comparator<List<Long>> unsigned = (a, b) -> {
                for (int column = 0; column < TupleSort.WIDTH; column++) {
                    int c = Long.compareUnsigned(a.get(column), b.get(column));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            };
            expected.sort(unsigned);
            TupleSort.sort(tuples, size);
            assertEquals(expected, rows(tuples, size), "size " + size);
        }
    }

    @Test
    void sortsOnlyTheTuplesCounted() {
        long[] tuples = {3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0};
        TupleSort.sort(tuples, 2);
        assertEquals(List.of(List.of(1L, 0L, 0L, 0L), List.of(3L, 0L, 0L, 0L), List.of(2L, 0L, 0L, 0L)), rows(tuples, 3));
    }

    @Test
    void dropsTheCopiesOfSortedTuples() {
        long[] tuples = {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 2, 0, 0, 0, 2, 0, 0, 0, 9, 9, 9, 9};
        assertEquals(3, TupleSort.distinct(tuples, 5)); // the sixth is not counted
        assertEquals(List.of(List.of(1L, 0L, 0L, 0L), List.of(1L, 0L, 0L, 1L), List.of(2L, 0L, 0L, 0L)), rows(tuples, 3));
        assertEquals(0, TupleSort.distinct(tuples, 0));
    }

    static List<List<Long>> rows(long[] tuples, int size) {
        List<List<Long>> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            rows.add(List.of(tuples[4 * i], tuples[4 * i + 1], tuples[4 * i + 2], tuples[4 * i + 3]));
        }
        return rows;
    }
}

package org.custodykg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tuples sorted by (a, b, c, d) come out of the merge of their runs in exactly the order sorting them by
 * (b, c, d, a) gives: for one run, a few, many, runs of one tuple, and first columns that sort as unsigned.
 */
class RunMergeTest {
    @Test
    void visitsTheTuplesInTheOrderOfTheirLastColumnsThenTheFirst() {
        Random random = new Random(11);
        long[] firsts = {0, 3, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE, -1};
        long[] values = {0, 1, 2, 41, Long.MIN_VALUE, -1};
        for (int runs = 1; runs <= firsts.length; runs++) {
            for (int size : new int[] {0, 1, 2, 7, 1_000, 70_000}) {
                long[] tuples = new long[TupleSort.WIDTH * size];
                for (int i = 0; i < size; i++) {
                    tuples[4 * i] = firsts[random.nextInt(runs)];
                    for (int column = 1; column < TupleSort.WIDTH; column++) {
                        tuples[4 * i + column] = values[random.nextInt(values.length)];
                    }
                }
                TupleSort.sort(tuples, size);
                List<List<Long>> expected = new ArrayList<>(TupleSortTest.rows(tuples, size));
                expected.sort(Comparator.comparing((List<Long> row) -> row, RunMergeTest::lastColumnsFirst));
                List<List<Long>> merged = new ArrayList<>();
                RunMerge merge = new RunMerge(tuples, size);
                while (merge.hasNext()) {
                    int at = 4 * merge.next();
                    merged.add(Arrays.stream(tuples, at, at + 4).boxed().toList());
                }
                assertEquals(expected, merged, runs + " runs, " + size + " tuples");
                assertFalse(merge.hasNext());
            }
        }
    }

    private static int lastColumnsFirst(List<Long> a, List<Long> b) {
        for (int column : new int[] {1, 2, 3, 0}) {
            int c = Long.compareUnsigned(a.get(column), b.get(column));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}

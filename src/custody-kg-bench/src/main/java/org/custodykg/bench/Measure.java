package org.custodykg.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/** Timing and heap helpers: medians of repeated runs, bounded in count and in time. */
final class Measure {
    /** How long each task is repeated before it is timed. */
    static final long WARM_UP_MILLIS = 2_000;

    private Measure() {}

    /** Runs {@code task} once and returns the milliseconds it took. */
    static double millis(Runnable task) {
        long start = System.nanoTime();
        task.run();
        return (System.nanoTime() - start) / 1e6;
    }

    /** Times a task that returns a value, keeping the value alive so the work is not optimised away. */
    static <T> Timed<T> timed(Supplier<T> task) {
        long start = System.nanoTime();
        T value = task.get();
        return new Timed<>(value, (System.nanoTime() - start) / 1e6);
    }

    /** A value and how long it took, in milliseconds. */
    record Timed<T>(T value, double millis) {}

    /**
     * The median of up to {@code runs} timings taken after a warm-up: the task is repeated for
     * {@link #WARM_UP_MILLIS} (at least once) so that the JIT has compiled its code; without it a median
     * of a dozen sub-millisecond runs measures the interpreter. The Oxigraph script warms up the same way.
     */
    static double warmMedianMillis(Runnable task, int runs, long budgetMillis) {
        long warmUpEnd = System.nanoTime() + WARM_UP_MILLIS * 1_000_000L;
        do {
            task.run();
        } while (System.nanoTime() < warmUpEnd);
        return medianMillis(task, runs, budgetMillis);
    }

    /**
     * The median of up to {@code runs} timings, stopping once {@code budgetMillis} have been spent (at
     * least three timings, or one when a single run takes longer than the budget).
     */
    static double medianMillis(Runnable task, int runs, long budgetMillis) {
        List<Double> times = new ArrayList<>();
        long deadline = System.nanoTime() + budgetMillis * 1_000_000L;
        for (int i = 0; i < runs && (i < 3 || System.nanoTime() < deadline); i++) {
            times.add(millis(task));
            if (times.get(0) > budgetMillis) {
                break;
            }
        }
        return median(times);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    /** Heap in use after full collections (MemoryMXBean), in bytes. */
    static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}

package org.custodykg.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Phase times of one command, from the JVM's start, for measuring the cold start: wall time, and when
 * asked the process's CPU time (every thread: the JIT compiler's and the collector's too), the steadier
 * figure on a machine shared with other work.
 */
final class Timings {
    /** Wall and CPU nanoseconds of each phase; CPU -1 when not measured. */
    private final Map<String, long[]> phases = new LinkedHashMap<>();
    private long lastWall = Main.STARTED;
    private long lastCpu;

    /**
     * Ends a phase: what happened since the last mark.
     *
     * @param cpu also measure the process's CPU time (loads the management classes, so only when printed)
     */
    void mark(String phase, boolean cpu) {
        long wall = System.nanoTime();
        long used = cpu ? processCpu() : -1;
        long[] spent = phases.computeIfAbsent(phase, p -> new long[2]);
        spent[0] += wall - lastWall;
        spent[1] = used < 0 ? -1 : spent[1] + used - lastCpu;
        lastWall = wall;
        lastCpu = Math.max(used, 0);
    }

    void print(PrintWriter err) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainMillis = System.currentTimeMillis() - (System.nanoTime() - Main.STARTED) / 1_000_000;
        err.printf("timing %-12s %5d ms%n", "jvm start", mainMillis - jvmStart);
        long total = 0;
        for (Map.Entry<String, long[]> phase : phases.entrySet()) {
            long[] spent = phase.getValue();
            total += spent[0];
            err.printf("timing %-12s %5d ms%s%n", phase.getKey(), millis(spent[0]),
                    spent[1] < 0 ? "" : String.format(", CPU %5d ms", millis(spent[1])));
        }
        err.printf("timing %-12s %5d ms (after the JVM start)%s%n", "total", millis(total),
                lastCpu <= 0 ? "" : String.format(", CPU %5d ms (from the JVM start)", millis(lastCpu)));
        err.flush();
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}

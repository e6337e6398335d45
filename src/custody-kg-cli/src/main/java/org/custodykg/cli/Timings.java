package org.custodykg.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** Phase times of one command, from the JVM's start, for measuring the cold start. */
final class Timings {
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private long last = Main.STARTED;

    void mark(String phase) {
        long now = System.nanoTime();
        phases.merge(phase, now - last, Long::sum);
        last = now;
    }

    void print(PrintWriter err) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainMillis = System.currentTimeMillis() - (System.nanoTime() - Main.STARTED) / 1_000_000;
        err.printf("timing %-12s %5d ms%n", "jvm start", mainMillis - jvmStart);
        long total = 0;
        for (Map.Entry<String, Long> phase : phases.entrySet()) {
            total += phase.getValue();
            err.printf("timing %-12s %5d ms%n", phase.getKey(), Duration.ofNanos(phase.getValue()).toMillis());
        }
        err.printf("timing %-12s %5d ms (after the JVM start)%n", "total", Duration.ofNanos(total).toMillis());
        err.flush();
    }
}

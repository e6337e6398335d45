package org.custodykg.export;

import java.io.PrintStream;

/** Prints "exported N triples, X/s" at most once a second, so a long export shows it is moving. */
final class Progress {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private final String unit;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    private long count;

    Progress(PrintStream out, String unit) {
        this.out = out;
        this.unit = unit;
    }

    void tick() {
        count++;
        if ((count & 0x3FF) == 0 && out != null) {
            long now = System.nanoTime();
            if (now - lastPrint >= INTERVAL_NANOS) {
                lastPrint = now;
                double seconds = (now - start) / 1e9;
                out.printf("exported %d %s, %.0f/s%n", count, unit, count / seconds);
            }
        }
    }
}

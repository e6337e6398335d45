package org.custodykg.store;

import java.util.Locale;
import java.util.function.Consumer;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;

/**
 * Counts what streams through it and reports "N triples, R triples/s, T s" at most once a second, and
 * once more at the end.
 */
final class Progress extends StreamRDFWrapper {
    private static final long CHECK_EVERY = 1 << 14;
    private final Consumer<String> report;
    private final String running;
    private final long started = System.nanoTime();
    private long lastReport = started;
    private long count;

    /** @param running what the lines say while it runs ("loading", "storing") */
    Progress(StreamRDF destination, Consumer<String> report, String running) {
        super(destination);
        this.report = report;
        this.running = running;
    }

    @Override
    public void triple(Triple triple) {
        super.triple(triple);
        tick();
    }

    @Override
    public void quad(Quad quad) {
        super.quad(quad);
        tick();
    }

    long count() {
        return count;
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** Reports the figures now, whatever the time since the last report. */
    void report(String phase) {
        double seconds = seconds();
        report.accept(String.format(Locale.ROOT, "%s: %,d triples, %,.0f triples/s, %.1f s elapsed",
                phase, count, seconds > 0 ? count / seconds : 0.0, seconds));
    }

    private void tick() {
        count++;
        if (count % CHECK_EVERY == 0) {
            long now = System.nanoTime();
            if (now - lastReport >= 1_000_000_000L) {
                lastReport = now;
                report(running);
            }
        }
    }
}

package org.custodykg.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.custodykg.AccessAnswer;
import org.custodykg.CustodyGraph;

/**
 * Times access questions on a TDB2 store: the first question in the process (store opened, entailments
 * already marked), the same question again (answered from the cache), and new questions (the same pair at
 * dates not asked before, so each is derived afresh).
 *
 * <p>usage: {@code AccessBench STORE AUTHORITY SERVICE [QUESTIONS]}
 */
public final class AccessBench {
    private AccessBench() {}

    public static void main(String[] args) {
        int questions = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        long opened = System.nanoTime();
        try (CustodyGraph graph = CustodyGraph.openStore(Path.of(args[0]))) {
            Measure.Timed<AccessAnswer> first = Measure.timed(() -> graph.access(args[1], args[2], Optional.empty(), true));
            System.out.printf("first question: %.1f ms (%.1f ms with opening the store), %d routes, %s%n", first.millis(),
                    (System.nanoTime() - opened) / 1e6, first.value().routes().size(), first.value().notes());
            List<Double> cached = new ArrayList<>();
            List<Double> fresh = new ArrayList<>();
            LocalDate day = first.value().asOf();
            for (int i = 0; i < questions; i++) {
                cached.add(Measure.millis(() -> graph.access(args[1], args[2], Optional.empty(), true)));
                LocalDate date = day.minusDays(i + 1);
                fresh.add(Measure.millis(() -> graph.access(args[1], args[2], Optional.of(date), true)));
            }
            System.out.printf("same question again: median %.3f ms (%d)%n", median(cached), questions);
            System.out.printf("new date each time: median %.1f ms, max %.1f ms (%d)%n", median(fresh), Collections.max(fresh), questions);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}

package org.custodykg.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Node;
import org.custodykg.Credentials;
import org.custodykg.CustodyException;
import org.custodykg.CustodyGraph;
import org.custodykg.Endpoint;
import org.custodykg.Question;

/**
 * What reading a remote store costs: every named question, and optionally one access-path question,
 * asked of a local graph (the embedded one, or a TDB2 store) and of each remote store given, cold (the
 * first ask), warm without the answer cache (the query itself, over HTTP for a store; an access question
 * on a new date each time) and warm from the cache (for a store, the one query that checks the
 * publication's version). Prints a Markdown table of medians.
 *
 * <pre>java -cp src/custody-kg-cli/target/custody-kg-cli-0.1.0.jar org.custodykg.bench.RemoteBench \
 *     [--store DIR --generated] [--access AUTHORITY|SERVICE] URL...</pre>
 *
 * <p>{@code --generated} asks each question of the generated graph's first company, service and state
 * (as the load benchmark does) instead of the questions' examples.
 */
public final class RemoteBench {
    private static final int RUNS = 30;
    private static final long BUDGET_MILLIS = 3_000;

    private RemoteBench() {}

    public static void main(String[] args) {
        Map<String, CustodyGraph> graphs = new LinkedHashMap<>();
        Path store = null;
        boolean generated = false;
        String[] access = null;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--store" -> store = Path.of(args[++i]);
                case "--generated" -> generated = true;
                case "--access" -> access = args[++i].split("\\|", 2);
                default -> urls.add(args[i]);
            }
        }
        CustodyGraph local = store == null ? CustodyGraph.openDefault() : CustodyGraph.openStore(store);
        local.materialiseInferred();
        graphs.put(store == null ? "embedded" : "TDB2 store", local);
        for (String url : urls) {
            graphs.put(url, CustodyGraph.openRemote(Endpoint.of(URI.create(url))
                    .withCredentials(Credentials.fromEnvironment(System.getenv()))));
        }
        List<String> lines = new ArrayList<>();
        lines.add("| question | graph | cold ms | warm ms, no cache | warm ms, cached |");
        lines.add("| --- | --- | ---: | ---: | ---: |");
        for (Question question : local.questions()) {
            Map<String, Node> bindings = QueryBench.parameters().getOrDefault(question.name(), Map.of());
            boolean bound = generated;
            graphs.forEach((name, graph) -> {
                Runnable ask = bound ? () -> graph.askBound(question.name(), bindings) : () -> graph.ask(question.name(), question.example());
                lines.add(row(question.name(), name, graph, ask, ask));
            });
        }
        if (access != null) {
            String authority = access[0];
            String service = access[1];
            graphs.forEach((name, graph) -> {
                AtomicInteger day = new AtomicInteger();
                LocalDate start = LocalDate.of(2020, 7, 7);
                lines.add(row("access " + authority + " / " + service, name, graph,
                        () -> graph.access(authority, service, Optional.of(start.minusDays(day.incrementAndGet())), true),
                        () -> graph.access(authority, service, Optional.of(start), true)));
            });
        }
        lines.forEach(System.out::println);
        graphs.values().forEach(CustodyGraph::close);
    }

    /** One row: {@code fresh} must not be answered from a cache (the cache is emptied before each run too). */
    private static String row(String question, String graphName, CustodyGraph graph, Runnable fresh, Runnable repeated) {
        try {
            return measuredRow(question, graphName, graph, fresh, repeated);
        } catch (CustodyException failed) {
            // a store that cannot answer within the request timeout is a result, not the end of the run
            return String.format(Locale.ROOT, "| %s | %s | failed: %s | | |", question, graphName, failed.getMessage());
        }
    }

    private static String measuredRow(String question, String graphName, CustodyGraph graph, Runnable fresh, Runnable repeated) {
        graph.clearAnswers();
        double cold = Measure.millis(repeated::run);
        double uncached = Measure.warmMedianMillis(() -> {
            graph.clearAnswers();
            fresh.run();
        }, RUNS, BUDGET_MILLIS);
        double cached = Measure.warmMedianMillis(repeated::run, RUNS, BUDGET_MILLIS);
        return String.format(Locale.ROOT, "| %s | %s | %.1f | %.2f | %.3f |", question, graphName, cold, uncached, cached);
    }
}

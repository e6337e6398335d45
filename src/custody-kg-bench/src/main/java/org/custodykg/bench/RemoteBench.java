package org.custodykg.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodykg.Credentials;
import org.custodykg.CustodyGraph;
import org.custodykg.Endpoint;
import org.custodykg.Question;

/**
 * What reading a remote store costs: every named question, with its example parameters, asked of the
 * embedded graph (inferred graph materialised) and of each remote store given, cold (the first ask),
 * warm without the answer cache (the query itself, over HTTP for a store) and warm from the cache (for
 * a store, the one query that checks the publication's version). Prints a Markdown table of medians.
 *
 * <pre>java -cp src/custody-kg-cli/target/custody-kg-cli-0.1.0.jar org.custodykg.bench.RemoteBench URL...</pre>
 */
public final class RemoteBench {
    private static final int RUNS = 30;
    private static final long BUDGET_MILLIS = 3_000;

    private RemoteBench() {}

    public static void main(String[] args) {
        Map<String, CustodyGraph> graphs = new LinkedHashMap<>();
        CustodyGraph embedded = CustodyGraph.openDefault();
        embedded.materialiseInferred();
        graphs.put("embedded", embedded);
        for (String url : args) {
            graphs.put(url, CustodyGraph.openRemote(Endpoint.of(URI.create(url))
                    .withCredentials(Credentials.fromEnvironment(System.getenv()))));
        }
        List<String> lines = new ArrayList<>();
        lines.add("| question | graph | cold ms | warm ms, no cache | warm ms, cached |");
        lines.add("| --- | --- | ---: | ---: | ---: |");
        for (Question question : embedded.questions()) {
            graphs.forEach((name, graph) -> {
                graph.clearAnswers();
                double cold = Measure.millis(() -> graph.ask(question.name(), question.example()));
                double uncached = Measure.warmMedianMillis(() -> {
                    graph.clearAnswers();
                    graph.ask(question.name(), question.example());
                }, RUNS, BUDGET_MILLIS);
                double cached = Measure.warmMedianMillis(() -> graph.ask(question.name(), question.example()), RUNS, BUDGET_MILLIS);
                lines.add(String.format(Locale.ROOT, "| %s | %s | %.1f | %.2f | %.3f |", question.name(), name, cold, uncached, cached));
            });
        }
        lines.forEach(System.out::println);
        graphs.values().forEach(CustodyGraph::close);
    }
}

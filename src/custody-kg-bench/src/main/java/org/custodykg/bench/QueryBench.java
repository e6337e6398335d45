package org.custodykg.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.Answer;
import org.custodykg.Question;
import org.custodykg.query.PreparedQuery;

/**
 * Every named question, bound to entities of the generated graph, timed three ways on one dataset:
 * plain ARQ (QueryExec with substitution, rows counted), the library without its answer cache
 * (PreparedQuery: a plan compiled once per question, the answer copied out of the transaction), and the library's facade
 * (CustodyGraph.askBound, answered from the cache once asked).
 */
final class QueryBench {
    private final Report report;
    private final int runs;

    QueryBench(Report report, int runs) {
        this.report = report;
        this.runs = runs;
    }

    /** The values each question is asked with: the first generated company, service, state and so on. */
    static Map<String, Map<String, Node>> parameters() {
        Node service = id("service/gen-0-0");
        Node company = id("organisation/gen-company-0");
        Map<String, Map<String, Node>> parameters = new LinkedHashMap<>();
        parameters.put("blocked-services", Map.of("region", id("place/gen-state-0")));
        parameters.put("conflicts", Map.of("entity", company));
        parameters.put("corroboration", Map.of("entity", company));
        parameters.put("requests-over-time", Map.of("company", company));
        parameters.put("describe", Map.of("entity", service));
        parameters.put("holdings", Map.of("company", company));
        parameters.put("key-custody", Map.of("service", service));
        parameters.put("legal-channel", Map.of("company", company));
        parameters.put("operators", Map.of("service", service));
        parameters.put("sources", Map.of("entity", service));
        parameters.put("stances", Map.of("firm", company));
        parameters.put("storage", Map.of("service", service));
        parameters.put("transparency", Map.of("company", company));
        return parameters;
    }

    /** Times every question on the graph; {@code store} names it in the report. */
    void run(String store, CustodyGraph graph) {
        Dataset dataset = graph.dataset();
        for (Question question : graph.questions()) {
            Map<String, Node> bindings = parameters().getOrDefault(question.name(), Map.of());
            Query query = question.query();
            PreparedQuery prepared = new PreparedQuery(query);
            Measure.Timed<Answer> first = Measure.timed(() -> prepared.run(dataset, bindings));
            double cold = first.millis();
            int rows = size(first.value());
            double arq = Measure.warmMedianMillis(() -> plainArq(dataset, query, bindings), runs, 10_000);
            report.query(store, question.name(), "plain ARQ", rows, Double.NaN, arq);
            double uncached = Measure.warmMedianMillis(() -> prepared.run(dataset, bindings), runs, 10_000);
            report.query(store, question.name(), "custody-kg, no cache", rows, cold, uncached);
            graph.clearAnswers();
            double cachedCold = Measure.millis(() -> graph.askBound(question.name(), bindings));
            double cached = Measure.warmMedianMillis(() -> graph.askBound(question.name(), bindings), runs, 10_000);
            report.query(store, question.name(), "custody-kg facade (answer cache)", rows, cachedCold, cached);
        }
    }

    private static long plainArq(Dataset dataset, Query query, Map<String, Node> bindings) {
        return Txn.calculateRead(dataset, () -> {
            QueryExecBuilder builder = QueryExec.dataset(dataset.asDatasetGraph()).query(query);
            bindings.forEach(builder::substitution);
            try (QueryExec exec = builder.build()) {
                if (query.isSelectType()) {
                    RowSet rows = exec.select();
                    long n = 0;
                    while (rows.hasNext()) {
                        rows.next();
                        n++;
                    }
                    return n;
                }
                Graph graph = query.isConstructType() ? exec.construct() : exec.describe();
                return (long) graph.size();
            }
        });
    }

    static int size(Answer answer) {
        return switch (answer.kind()) {
            case TABLE -> answer.table().size();
            case GRAPH -> (int) answer.graph().size();
            case BOOLEAN -> 1;
        };
    }

    private static Node id(String path) {
        return NodeFactory.createURI(CustodyKg.ID_BASE + path);
    }
}

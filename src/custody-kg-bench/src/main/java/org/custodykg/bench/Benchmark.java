package org.custodykg.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.custodykg.CustodyGraph;
import org.custodykg.Layout;
import org.custodykg.store.Store;

/**
 * The scale benchmark: load rates (in memory and into TDB2) next to Jena's raw parse rate and Jena's
 * own TDB2 loaders, heap per million triples, and every named question's cold and warm latency in
 * memory and on TDB2, next to plain ARQ and to Oxigraph on the same file. Figures are printed as
 * Markdown rows as soon as they are measured.
 */
public final class Benchmark {
    /**
     * What to run.
     *
     * @param file an N-Triples file (optionally .gz), such as one written by {@code custody generate}
     * @param work a scratch folder for the TDB2 stores and Oxigraph's files (emptied by the caller)
     * @param runs how many warm runs each median is taken over (each bounded to 10 s)
     * @param memory whether to load into memory (and measure heap and in-memory queries)
     * @param tdb2 whether to load into TDB2 (and run the questions there)
     * @param validate whether the TDB2 load is SHACL-validated
     * @param oxigraphScript the node script, or null to skip Oxigraph
     * @param nodeModules where {@code npm install --prefix target/npm oxigraph} put the package
     */
    public record Settings(Path file, Path work, int runs, boolean memory, boolean tdb2, boolean validate, Path oxigraphScript,
            Path nodeModules) {}

    private Benchmark() {}

    /** Runs the benchmark, writing Markdown to {@code out}. */
    public static void run(Settings settings, PrintWriter out) throws IOException, InterruptedException {
        Files.createDirectories(settings.work());
        Report report = new Report(out);
        Runtime runtime = Runtime.getRuntime();
        report.line("### " + settings.file().getFileName() + " — " + Instant.now());
        report.line("");
        report.line("JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", max heap "
                + runtime.maxMemory() / (1024 * 1024) + " MiB, " + runtime.availableProcessors() + " processors; "
                + "warm medians over up to " + settings.runs() + " runs after " + Measure.WARM_UP_MILLIS + " ms of warm-up runs, each median bounded to 10 s.");
        LoadBench loads = new LoadBench(settings.file(), report);
        long triples = loads.parse(3);
        QueryBench queries = new QueryBench(report, settings.runs());
        if (settings.memory()) {
            try (CustodyGraph graph = loads.memory(triples, settings.work().resolve("staging"))) {
                queries.run("memory", graph);
            }
            loads.plainMemory(triples);
        }
        if (settings.tdb2()) {
            Path store = loads.tdb2(triples, settings.work(), settings.validate());
            try (CustodyGraph graph = CustodyGraph.over(Store.connect(store))) {
                queries.run("TDB2", graph);
            }
        }
        if (settings.oxigraphScript() != null) {
            oxigraph(settings, report, triples);
        }
    }

    private static void oxigraph(Settings settings, Report report, long triples) throws IOException, InterruptedException {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            Path ontology = settings.work().resolve("custody.ttl");
            Files.copy(Layout.embedded().ontology().resolve("custody.ttl"), ontology, StandardCopyOption.REPLACE_EXISTING);
            Oxigraph.Result result = Oxigraph.run(settings.oxigraphScript(), settings.nodeModules(), settings.file(), ontology,
                    graph.questions(), QueryBench.parameters(), settings.runs(), settings.work(), 30);
            report.rate("load", result.engine() + " in memory (Store.load, chunks of 200,000 lines)", triples, result.loadMs());
            for (Oxigraph.Timing timing : result.timings()) {
                report.query("memory", timing.name(), result.engine(), timing.rows(), timing.coldMs(), timing.warmMs());
            }
        }
    }
}

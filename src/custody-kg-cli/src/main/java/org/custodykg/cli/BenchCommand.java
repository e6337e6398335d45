package org.custodykg.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.custodykg.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code custody bench --file FILE --work DIR}: load and query benchmarks, printed as Markdown. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure load rates, heap and every named question's latency on an N-Triples file "
            + "(see 'custody generate'), each next to plain Jena and Oxigraph measured in the same run."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The N-Triples file (optionally .gz).")
    private Path file;

    @Option(names = "--work", required = true, paramLabel = "DIR",
            description = "An empty scratch folder for the TDB2 stores and Oxigraph's files.")
    private Path work;

    @Option(names = "--runs", defaultValue = "15", paramLabel = "N",
            description = "Warm runs per median, each median bounded to 10 s (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--no-memory", description = "Skip the in-memory load, heap and in-memory queries.")
    private boolean noMemory;

    @Option(names = "--no-tdb2", description = "Skip the TDB2 loads and the questions on TDB2.")
    private boolean noTdb2;

    @Option(names = "--validate", description = "SHACL-validate the TDB2 load (slow on large files).")
    private boolean validate;

    @Option(names = "--oxigraph", paramLabel = "SCRIPT",
            description = "The Oxigraph node script (src/custody-kg-bench/src/bench/node/oxigraph-bench.js); Oxigraph is skipped without it.")
    private Path oxigraph;

    @Option(names = "--node-modules", defaultValue = "target/npm/node_modules", paramLabel = "DIR",
            description = "Where npm installed oxigraph (default: ${DEFAULT-VALUE}).")
    private Path nodeModules;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Benchmark.run(new Benchmark.Settings(file, work, runs, !noMemory, !noTdb2, validate, oxigraph, nodeModules),
                spec.commandLine().getOut());
        return Main.OK;
    }
}

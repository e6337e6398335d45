package org.custodykg.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.custodykg.generate.Generator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code custody generate --triples N --seed S --out FILE}: writes a synthetic graph for benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic custody graph of exactly N triples in the project's ontology "
            + "(IRIs .../id/KIND/gen-...), the same bytes for the same N and seed.",
            "N-Triples for .nt, Turtle for .ttl, gzipped when the name also ends .gz."})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--triples", required = true, paramLabel = "N", description = "How many triples to write.")
    private long triples;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    private Path out;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Generator.Summary summary = Generator.generate(triples, seed, out);
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "Wrote %,d triples (%,d facts, %,d companies) to %s",
                summary.triples(), summary.facts(), summary.companies(), out));
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}

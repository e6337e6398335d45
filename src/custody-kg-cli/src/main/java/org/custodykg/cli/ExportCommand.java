package org.custodykg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.custodykg.CustodyGraph;
import org.custodykg.DataException;
import org.custodykg.ExportFormat;
import org.custodykg.ExportPart;
import org.custodykg.ExportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code custody export}: writes the graph as a dump in a standard RDF format. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the graph as a dump: ttl, nt, jsonld, rdfxml (named graphs merged), trig, nq (named graphs kept).")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    private GraphSource source;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "ttl|nt|jsonld|rdfxml|trig|nq")
    private String format;

    @Option(names = "--part", defaultValue = "all", paramLabel = "PART", description = "ontology|data|all (default: all)")
    private String part;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (written whole, then moved into place); default: standard output")
    private Path out;

    @Spec
    private CommandSpec spec;

    /** Exports; a bad argument exits with 2 and bad data or an unwritable file with 3 (see {@link Main}). */
    @Override
    public Integer call() {
        ExportFormat chosen = ExportFormat.parse(format);
        ExportPart chosenPart = ExportPart.parse(part);
        PrintWriter err = spec.commandLine().getErr();
        try (CustodyGraph graph = source.open()) {
            graph.materialiseInferred();
            ExportResult result = out == null
                    ? graph.export(chosen, chosenPart, System.out)
                    : graph.export(chosen, chosenPart, out, System.err);
            if (!chosen.keepsNamedGraphs() && result.graphs() > 1) {
                err.println("note: " + chosen.name().toLowerCase(Locale.ROOT) + " has no named graphs; "
                        + result.graphs() + " graphs merged into one");
                err.flush();
            }
        } catch (UncheckedIOException e) {
            throw new DataException("cannot write " + out + " (" + e.getMessage() + ")", e);
        }
        return Main.OK;
    }
}

package org.custodykg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyException;
import org.custodykg.CustodyGraph;
import org.custodykg.export.ExportFormat;
import org.custodykg.export.ExportPart;
import org.custodykg.export.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code custody export}: writes the graph as a dump in a standard RDF format. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the graph as a dump: ttl, nt, jsonld, rdfxml (named graphs merged), trig, nq (named graphs kept).")
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "ttl|nt|jsonld|rdfxml|trig|nq")
    String format;

    @Option(names = "--part", defaultValue = "all", paramLabel = "PART", description = "ontology|data|all (default: all)")
    String part;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (written whole, then moved into place); default: standard output")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "A folder of Turtle instead of the embedded graph")
    Path data;

    @Option(names = "--store", paramLabel = "DIR", description = "A TDB2 store instead of the embedded graph")
    Path store;

    /** Exports; returns the exit code (0, 2 for a bad argument, 3 for bad data). */
    @Override
    public Integer call() {
        PrintStream err = System.err;
        try {
            ExportFormat chosen = ExportFormat.parse(format);
            ExportPart chosenPart = ExportPart.parse(part);
            try (CustodyGraph graph = open()) {
                Exporter exporter = new Exporter(graph).progressTo(err);
                Exporter.Result result;
                if (out == null) {
                    OutputStream stdout = System.out;
                    result = exporter.write(chosen, chosenPart, stdout);
                } else {
                    result = exporter.writeFile(chosen, chosenPart, out);
                }
                if (!chosen.keepsNamedGraphs() && result.graphs() > 1) {
                    err.println("note: " + chosen.name().toLowerCase(java.util.Locale.ROOT) + " has no named graphs; "
                            + result.graphs() + " graphs merged into one");
                }
            }
            return Main.OK;
        } catch (ArgumentException e) {
            err.println("error: " + e.getMessage());
            return Main.USAGE;
        } catch (CustodyException e) {
            err.println("error: " + e.getMessage());
            return Main.BAD_INPUT;
        } catch (IOException e) {
            err.println("error: cannot write " + out + " (" + e.getMessage() + ")");
            return Main.BAD_INPUT;
        }
    }

    private CustodyGraph open() {
        if (data != null && store != null) {
            throw new ArgumentException("--data and --store: give one or the other, not both");
        }
        if (store != null) {
            if (!java.nio.file.Files.isDirectory(store)) {
                throw new ArgumentException("--store: expected a TDB2 store folder, but " + store + " is not a folder");
            }
            Dataset dataset = TDB2Factory.connectDataset(store.toString());
            return CustodyGraph.over(dataset);
        }
        return data != null ? CustodyGraph.openDirectory(data, CustodyGraph.Options.validating()) : CustodyGraph.openDefault();
    }
}

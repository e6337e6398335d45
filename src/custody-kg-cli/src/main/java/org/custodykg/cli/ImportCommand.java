package org.custodykg.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custodykg.CustodyGraph;
import org.custodykg.ingest.RequestsImport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code custody import requests FILE.csv --source ID --company NAME}: a transparency table becomes facts of a source. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turn a table into facts of a source document.",
        subcommands = {CommandLine.HelpCommand.class, ImportCommand.Requests.class})
final class ImportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.USAGE;
    }

    @Command(name = "requests", mixinStandardHelpOptions = true,
            description = {"Turn a transparency table of government data requests (CSV) into request-statistics facts",
                "in DIR/SOURCE/requests-COMPANY.ttl, after checking every row and the SHACL shapes; nothing is written",
                "when a row is wrong. A figure the graph already holds becomes an attestation of it."})
    static final class Requests implements Callable<Integer> {
        @Mixin
        private GraphSource graphSource;

        @Parameters(index = "0", paramLabel = "FILE.csv", description = "The table: a header row, then one row per country and period.")
        private Path csv;

        @Option(names = "--source", required = true, paramLabel = "ID", description = "The source document (its folder name, described in data/sources.ttl).")
        private String source;

        @Option(names = "--company", required = true, paramLabel = "NAME", description = "The firm whose transparency report the table is.")
        private String company;

        @Option(names = "--mapping", paramLabel = "FILE", description = "A CSVW metadata document mapping the columns (default: docs/import.md).")
        private Path mapping;

        @Option(names = "--into", paramLabel = "DIR", defaultValue = "data", description = "The data folder to write into (default: data).")
        private Path into;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            try (CustodyGraph graph = graphSource.open()) {
                RequestsImport.Result result = RequestsImport.run(graph, csv, Optional.ofNullable(mapping), source, company, into);
                spec.commandLine().getOut().println("wrote " + result.file() + ": " + result.facts() + " facts, "
                        + result.attestations() + " attestations of figures the graph holds");
                spec.commandLine().getOut().flush();
            }
            return Main.OK;
        }
    }
}

package org.custodykg.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.custodykg.DataException;
import org.custodykg.reason.AccessRoute;
import picocli.CommandLine.Option;

/** The options {@code access} and {@code explain} share, and how they turn into routes and exit codes. */
abstract class AccessOptions implements Callable<Integer> {
    @Option(names = "--authority", required = true, paramLabel = "NAME",
            description = "An authority (\"Hong Kong law enforcement\") or a jurisdiction (\"Hong Kong\": all its authorities).")
    String authority;

    @Option(names = "--service", required = true, paramLabel = "NAME", description = "A service, e.g. iCloud.")
    String service;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Consider only stances, laws and facts in force on this date (default: today, UTC).")
    LocalDate asOf;

    @Option(names = "--data", paramLabel = "DIR", description = "Read this folder instead of the embedded graph.")
    Path data;

    @Override
    public Integer call() {
        try (CustodyGraph graph = data == null ? CustodyGraph.openDefault()
                : CustodyGraph.openDirectory(data, CustodyGraph.Options.validating())) {
            return print(graph.access(authority, service, Optional.ofNullable(asOf)));
        } catch (ArgumentException e) {
            System.err.println(e.getMessage());
            return Main.USAGE;
        } catch (DataException e) {
            System.err.println(e.getMessage());
            return Main.BAD_INPUT;
        }
    }

    /** Prints the routes; returns the exit code. */
    abstract int print(List<AccessRoute> routes);
}

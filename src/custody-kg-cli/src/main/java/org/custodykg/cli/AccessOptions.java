package org.custodykg.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custodykg.CustodyGraph;
import org.custodykg.reason.AccessPaths;
import org.custodykg.AccessAnswer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options {@code access} and {@code explain} share. Bad names and bad data are thrown to
 * {@link Main#commandLine()}'s handler, which gives them their exit codes.
 */
abstract class AccessOptions implements Callable<Integer> {
    @Mixin
    GraphSource source;

    @Spec
    CommandSpec spec;

    @Option(names = "--authority", required = true, paramLabel = "NAME",
            description = "An authority (\"Hong Kong law enforcement\") or a jurisdiction (\"Hong Kong\": all its authorities).")
    String authority;

    @Option(names = "--service", required = true, paramLabel = "NAME", description = "A service, e.g. iCloud.")
    String service;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Consider only stances, laws and facts in force on this date, 1900-01-01 to 2100-12-31 (default: the newest source's date).")
    LocalDate asOf;

    @Option(names = "--assumptions",
            description = "Also show assumed routes: those resting on a presumption no source states (each names it).")
    boolean assumptions;

    @Override
    public Integer call() {
        AccessAnswer answer;
        Optional<LocalDate> date = Optional.ofNullable(asOf).map(d -> AccessPaths.checkDate("--as-of", d));
        try (CustodyGraph graph = source.open()) {
            answer = graph.access(authority, service, date, assumptions);
            source.mark("query");
        }
        PrintWriter out = spec.commandLine().getOut();
        print(answer, out);
        out.flush();
        source.mark("print");
        source.report(spec.commandLine().getErr());
        return Main.OK;
    }

    /** Prints the answer on the command's out. */
    abstract void print(AccessAnswer answer, PrintWriter out);
}

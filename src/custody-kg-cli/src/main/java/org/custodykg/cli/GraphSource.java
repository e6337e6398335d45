package org.custodykg.cli;

import org.custodykg.AnswerFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.jena.sys.JenaSystem;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyGraph.Options;
import org.custodykg.Answer;
import org.custodykg.Layout;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options that say which graph a command reads: the embedded one, a folder of Turtle, a TDB2 store,
 * or a remote SPARQL store.
 */
final class GraphSource {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Location location;

    @Option(names = "--timings", hidden = true, description = "Print the time of each phase to stderr.")
    private boolean timings;

    private final Timings clock = new Timings();

    /** Exactly one place to read the graph from. */
    static final class Location {
        @Option(names = "--data", paramLabel = "DIR",
                description = "Read a folder of Turtle (validated against the shapes) instead of the embedded graph.")
        Path data;

        @Option(names = "--store", paramLabel = "DIR", description = "Read a TDB2 store written by 'custody load'.")
        Path store;

        @ArgGroup(exclusive = false)
        RemoteTarget remote;
    }

    /** Opens the graph the options name, with its inferred graph. */
    CustodyGraph open() {
        return open(true);
    }

    /** Opens the graph the options name, timing Jena's start-up and the loading separately. */
    CustodyGraph open(boolean inferred) {
        mark("command line");
        JenaSystem.init();
        mark("jena init");
        CustodyGraph graph = location != null && location.remote != null
                ? CustodyGraph.openRemote(location.remote.toEndpoint())
                : openLocal(location == null ? null : location.data, location == null ? null : location.store, inferred);
        mark("load");
        return graph;
    }

    /** The folder of Turtle (validated), else the TDB2 store, else the embedded graph; with its inferred graph or not. */
    static CustodyGraph openLocal(Path data, Path store, boolean inferred) {
        if (data != null) {
            return CustodyGraph.openDirectory(data, inferred ? Options.validating() : Options.validating().withoutInferred());
        }
        if (store != null) {
            return CustodyGraph.openStore(store, inferred ? Options.validating() : Options.validating().withoutInferred());
        }
        return CustodyGraph.open(Layout.embedded(), inferred ? Options.trusted() : Options.trusted().withoutInferred());
    }

    /**
     * Opens the graph, asks it, prints the answer on the command's out, and closes it: what every
     * querying command does.
     *
     * @param format null for the answer's default format
     */
    int answer(CommandSpec spec, AnswerFormat format, Function<CustodyGraph, Answer> question) {
        try (CustodyGraph graph = open()) {
            Answer answer = question.apply(graph);
            mark("query");
            AnswerPrinter.print(answer, format, spec.commandLine().getOut());
            mark("print");
        }
        report(spec.commandLine().getErr());
        return Main.OK;
    }

    /** Ends a phase of the command for {@code --timings}: what it did since the last mark. */
    void mark(String phase) {
        clock.mark(phase, timings);
    }

    /** Prints the phase times when {@code --timings} was given. */
    void report(PrintWriter err) {
        if (timings) {
            clock.print(err);
        }
    }
}

package org.custodykg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.custodykg.CustodyGraph;
import org.custodykg.Layout;
import org.custodykg.load.Loader;
import org.custodykg.store.StoreLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code custody load --store DIR FILE...}: bulk-loads RDF files into a TDB2 store, all or nothing. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load Turtle, N-Triples, TriG or N-Quads files (optionally .gz) into a TDB2 store, all or "
            + "nothing, validated against the shapes before it commits: into an existing store in one transaction; "
            + "a new store is built beside its folder and moved in only when complete.",
            "A file that fails to parse, or data that fails the shapes, leaves the store as it was.",
            "Progress (triples, triples/s, elapsed) goes to stderr."})
final class LoadCommand implements Callable<Integer> {
    @Option(names = "--store", required = true, paramLabel = "DIR", description = "The TDB2 store: an existing one, or a new or empty folder (the store is created when the load commits).")
    private Path store;

    @Option(names = "--graph", paramLabel = "IRI",
            description = "The named graph for triples (default: one graph per file, named after the file).")
    private String graph;

    @Option(names = "--no-validate", description = "Skip the SHACL validation (for data validated already).")
    private boolean noValidate;

    @Option(names = "--infer", description = "Also derive the rules' date-independent conclusions into the "
            + "store's inferred graph, so that 'custody serve --store' starts without deriving them (minutes at a "
            + "million triples): into a new store within the load, from the files in memory; into an existing "
            + "store after the load, from the whole store. Without it, each load drops the inferred graph and the "
            + "next serve derives it once.")
    private boolean infer;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "RDF files to load.")
    private List<Path> files;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Graph shapes = noValidate ? GraphFactory.createDefaultGraph() : Loader.shapes(Layout.embedded());
        PrintWriter out = spec.commandLine().getOut();
        StoreLoader.Result result = StoreLoader.loadInto(store, shapes, line -> {
            err.println(line);
            err.flush();
        }, files, graph, infer);
        out.println(String.format(Locale.ROOT, "Loaded %,d triples from %d files into %s in %.1f s", result.triples(),
                result.files(), store, result.seconds()));
        out.flush();
        if (result.derived().isPresent()) { // a new store: derived in the load itself
            printDerived(out, result.derived().get().triples(), result.derived().get().seconds());
        } else if (infer) {
            try (CustodyGraph custody = CustodyGraph.openStore(store)) {
                long start = System.nanoTime();
                err.println("deriving the inferred graph (the load above is committed; if this fails, 'custody serve' derives it)");
                err.flush();
                printDerived(out, custody.materialiseInferred(), (System.nanoTime() - start) / 1e9);
            }
        }
        return Main.OK;
    }

    private static void printDerived(PrintWriter out, long triples, double seconds) {
        out.println(String.format(Locale.ROOT, "Derived %,d triples into the inferred graph in %.1f s", triples, seconds));
        out.flush();
    }
}

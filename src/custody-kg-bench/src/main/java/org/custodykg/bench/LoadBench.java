package org.custodykg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.Layout;
import org.custodykg.load.Loader;
import org.custodykg.store.Store;
import org.custodykg.store.StoreLoader;

/** Load rates and heap, each beside plain Jena doing the same work on the same file. */
final class LoadBench {
    private final Path file;
    private final Report report;

    LoadBench(Path file, Report report) {
        this.file = file;
        this.report = report;
    }

    /** Jena's raw parse rate: RDFParser into a stream that only counts. */
    long parse(int runs) {
        AtomicLong count = new AtomicLong();
        StreamRDF counter = new StreamRDFBase() {
            @Override
            public void triple(Triple triple) {
                count.incrementAndGet();
            }

            @Override
            public void quad(Quad quad) {
                count.incrementAndGet();
            }
        };
        double ms = Measure.medianMillis(() -> {
            count.set(0);
            Loader.parse(file, counter);
        }, runs, 60_000);
        report.rate("load", "Jena raw parse (RDFParser → counting StreamRDF)", count.get(), ms);
        return count.get();
    }

    /**
     * The library's in-memory load (each quad once, the default graph a union view), timed and weighed;
     * the graph is returned open, for the questions to be timed on it before anything else is loaded.
     */
    CustodyGraph memory(long triples, Path stagingDir) {
        return weigh("custody-kg in memory (CustodyGraph.openDirectory, not validated)",
                "custody-kg in-memory dataset (a graph per named graph, the default graph a union view)", triples,
                () -> CustodyGraph.openDirectory(stage(stagingDir), CustodyGraph.Options.trusted()));
    }

    /**
     * Plain Jena's in-memory stores, loaded from the same file, for comparison. Run after the questions:
     * querying other graph classes first would teach the JIT call sites the library never meets.
     */
    void plainMemory(long triples) {
        this.<Runnable>weigh("plain Jena DatasetFactory.createTxnMem() + RDFParser", "plain Jena TxnMem dataset (one copy)", triples, () -> {
            Dataset dataset = DatasetFactory.createTxnMem();
            Txn.executeWrite(dataset, () -> RDFParser.source(file).parse(dataset.asDatasetGraph()));
            return dataset::close;
        }).run();
        this.<Runnable>weigh("plain Jena DatasetGraphFactory.createGeneral() (a GraphMem2 per graph) + RDFParser",
                "plain Jena general dataset (a GraphMem2 per graph, one copy)", triples, () -> {
                    DatasetGraph dataset = DatasetGraphFactory.createGeneral();
                    RDFParser.source(file).parse(StreamRDFLib.dataset(dataset));
                    return dataset::close;
                }).run();
        this.<Runnable>weigh("plain Jena GraphFactory.createDefaultGraph() + RDFParser", "plain Jena default graph (GraphMem2)", triples, () -> {
            Graph graph = GraphFactory.createDefaultGraph();
            RDFParser.source(file).parse(StreamRDFLib.graph(graph));
            return graph::close;
        }).run();
    }

    /**
     * Times a load and weighs what it holds, returning what {@code load} returned (the loaded graph, or how
     * to release it), which keeps it reachable until the heap has been measured.
     */
    private <T> T weigh(String loadLabel, String heapLabel, long triples, Supplier<T> load) {
        long base = Measure.usedHeapAfterGc();
        Measure.Timed<T> loaded = Measure.timed(load);
        long used = Measure.usedHeapAfterGc() - base;
        report.rate("load", loadLabel, triples, loaded.millis());
        report.heap(heapLabel, used, triples);
        return loaded.value();
    }

    /** Jena's TDB2 loaders that its documentation calls fully transactional in the presence of crashes. */
    private static final List<String> TRANSACTIONAL = List.of("sequential", "basic");

    private static DataLoader jenaLoader(String plan, DatasetGraph dataset) {
        Node graph = NodeFactory.createURI(CustodyKg.sourceGraph("bench"));
        return switch (plan) {
            case "parallel" -> LoaderFactory.parallelLoader(dataset, graph, (fmt, args) -> { });
            case "phased" -> LoaderFactory.phasedLoader(dataset, graph, (fmt, args) -> { });
            case "sequential" -> LoaderFactory.sequentialLoader(dataset, graph, (fmt, args) -> { });
            default -> LoaderFactory.basicLoader(dataset, graph, (fmt, args) -> { });
        };
    }

    /** The library's TDB2 loader (one transaction, optionally validated) against Jena's own bulk loaders. */
    Path tdb2(long triples, Path work, boolean validate) {
        Path ours = work.resolve("tdb2-custody");
        Dataset store = Store.connect(ours);
        Graph shapes = validate ? Loader.shapes(Layout.embedded()) : GraphFactory.createDefaultGraph();
        double ms = Measure.millis(() -> new StoreLoader(store, shapes, line -> { }).load(List.of(file), null));
        report.rate("load", "custody-kg StoreLoader into TDB2, one transaction" + (validate ? ", SHACL-validated" : ", not validated"),
                triples, ms);
        for (String plan : List.of("parallel", "phased", "sequential", "basic")) {
            Path dir = work.resolve("tdb2-jena-" + plan + (validate ? "-v" : ""));
            Dataset jena = TDB2Factory.connectDataset(dir.toString());
            DataLoader loader = jenaLoader(plan, jena.asDatasetGraph());
            double jenaMs = Measure.millis(() -> {
                loader.startBulk();
                loader.load(file.toString());
                loader.finishBulk();
            });
            report.rate("load", "Jena TDB2 LoaderFactory." + plan + "Loader (no validation" + (TRANSACTIONAL.contains(plan)
                    ? ", fully transactional)" : ", not fully transactional)"), triples, jenaMs);
            jena.close();
        }
        return ours;
    }

    private Path stage(Path stagingDir) {
        try {
            Files.createDirectories(stagingDir);
            Path link = stagingDir.resolve(file.getFileName());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, file.toAbsolutePath());
            return stagingDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

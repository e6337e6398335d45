package org.custodykg.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyException;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;
import org.custodykg.ErrorCode;
import org.custodykg.Layout;
import org.custodykg.load.BackgroundWrite;
import org.custodykg.load.CompactGraph;
import org.custodykg.load.Loader;
import org.custodykg.load.UnionView;
import org.custodykg.load.Validator;
import org.custodykg.reason.ForwardChainer;
import org.custodykg.reason.RuleSet;
import org.custodykg.search.SearchIndex;

/**
 * Loads RDF files (Turtle, N-Triples, TriG, N-Quads, each optionally gzipped) into a TDB2 store in one
 * write transaction: if any file fails to parse, or the store's data with them fails the SHACL shapes,
 * the transaction is aborted and the store is left exactly as it was. The files are parsed and validated
 * in memory while the transaction writes them on another thread, and it commits only once they conform, so
 * a load needs heap for the files' triples (about 120 bytes a triple, held as a {@link CompactGraph}) and,
 * when validating, for a compact copy of the store's union graph. A new store ({@link #loadInto} into an
 * empty folder) is all or nothing as a folder instead: it is built beside its place and moved there only
 * once complete.
 */
public final class StoreLoader {
    private final Dataset store;
    private final Graph shapes;
    private final Consumer<String> progress;
    /** Whether the store was created for this load, and is deleted if it fails. */
    private final boolean newStore;
    /** The rules whose entailments a new store's load derives before it builds the indexes; null for none. */
    private final RuleSet deriving;

    /**
     * @param store a TDB2 dataset, from {@link Store#connect}
     * @param shapes the shapes to validate against before committing; an empty graph skips validation
     * @param progress receives a progress line about once a second, and a last one per phase
     */
    public StoreLoader(Dataset store, Graph shapes, Consumer<String> progress) {
        this(store, shapes, progress, false, null);
    }

    private StoreLoader(Dataset store, Graph shapes, Consumer<String> progress, boolean newStore, RuleSet deriving) {
        this.store = store;
        this.shapes = shapes;
        this.progress = progress;
        this.newStore = newStore;
        this.deriving = deriving;
    }

    /** A loader that validates with the project's shapes (those of the embedded layout). */
    public static StoreLoader validating(Dataset store, Consumer<String> progress) {
        return new StoreLoader(store, Loader.shapes(Layout.embedded()), progress);
    }

    /**
     * Loads files into the store in a folder, creating the store only if the load commits: into a new
     * store built in a hidden folder beside it ({@code .NAME.loading}) and moved into place once
     * committed, so a failed first load leaves no store behind. A new store's indexes are built bottom-up
     * from the sorted data once it is parsed, as Jena's bulk loaders build them.
     *
     * @param dir a TDB2 store, an empty folder, or a folder that does not exist yet
     * @param shapes the shapes to validate against; an empty graph skips validation
     * @throws ArgumentException naming {@code --store} when the folder is neither empty nor a TDB2 store,
     *     or another process holds the store
     * @throws DataException as {@link #load}; an existing store is unchanged, and no new one is created
     */
    public static Result loadInto(Path dir, Graph shapes, Consumer<String> progress, List<Path> files, String graph) {
        return loadInto(dir, shapes, progress, files, graph, false);
    }

    /**
     * As {@link #loadInto(Path, Graph, Consumer, List, String)}; with {@code infer}, a new store also gets
     * its inferred graph in the same load: the embedded rules' entailments, derived from the validated files
     * in memory and written with them, and its {@link InferredMark}. Into an existing store nothing is
     * derived ({@link Result#derived} is empty): the caller derives afterwards, over the whole store.
     *
     * @throws DataException also when a rule derives a blank node; no store is created then
     */
    public static Result loadInto(Path dir, Graph shapes, Consumer<String> progress, List<Path> files, String graph,
            boolean infer) {
        if (Store.isStore(dir)) {
            return new StoreLoader(Store.connectUnlocked(dir), shapes, progress).load(files, graph);
        }
        if (!Store.isFree(dir)) {
            throw new ArgumentException("store", "the folder " + dir + " is neither empty nor a TDB2 store; give a new or "
                    + "empty folder, or a store written by 'custody load'");
        }
        Path building = dir.toAbsolutePath().resolveSibling("." + dir.getFileName() + ".loading");
        if (Store.heldElsewhere(building)) {
            throw new ArgumentException("store", "another 'custody load' is creating the store " + dir);
        }
        StoreFolder.delete(building);
        Dataset fresh = Store.connect(building);
        try {
            RuleSet rules = infer ? RuleSet.embedded() : null;
            Result result = new StoreLoader(fresh, shapes, progress, true, rules).load(files, graph);
            if (rules != null) {
                InferredMark.of(fresh).orElseThrow().record(rules.fingerprint());
            }
            StoreFolder.release(fresh);
            StoreFolder.moveIntoPlace(building, dir);
            return result;
        } catch (Throwable e) {
            StoreFolder.release(fresh);
            StoreFolder.delete(building);
            throw e;
        }
    }

    /** What one load added: the files' triples and, when it derived them, the inferred graph's. */
    public record Result(long triples, int files, double seconds, Optional<Derived> derived) {
        /** A load that derived nothing. */
        public Result(long triples, int files, double seconds) {
            this(triples, files, seconds, Optional.empty());
        }
    }

    /** The triples a load derived into the inferred graph, and the time deriving them took. */
    public record Derived(long triples, double seconds) {}

    /**
     * Loads the files. Triples of a triple format go to {@code graph} when given, otherwise to
     * {@link CustodyKg#sourceGraph} of the file's base name ({@code a/b/facts.nt.gz} → {@code facts});
     * quads keep their graph. The first load into a store also adds the ontology, to its own graph. The
     * store's inferred graph is dropped in the same transaction, and its {@link InferredMark} withdrawn
     * before it starts (and put back if the load fails): the conclusions are derived again from the new
     * data when next asked for. The store's search index is deleted before the load and written afresh
     * after it commits ({@link SearchIndex}).
     *
     * @param graph the named graph for triples, or {@code null} for one graph per file
     * @throws DataException naming the file, line and column of a syntax error, or listing every
     *     violation of the shapes; the store is unchanged, and takes no more room on disk than before
     */
    public Result load(List<Path> files, String graph) {
        Optional<InferredMark> mark = InferredMark.of(store);
        Optional<String> marked = mark.flatMap(InferredMark::fingerprint);
        long bytesBefore = StoreFolder.bytes(store);
        mark.ifPresent(InferredMark::forget);
        // the search index would no longer match the data; without one, the next search builds it
        SearchIndex.forget(store.asDatasetGraph());
        Result result;
        try {
            result = loadInOneTransaction(files, graph);
        } catch (RuntimeException e) {
            SearchIndex.forget(store.asDatasetGraph());
            // nothing was written: the inferred graph is as it was, and so is its mark
            marked.ifPresent(fingerprint -> mark.get().record(fingerprint));
            if (!newStore) { // a new store's folder is deleted whole: compacting it first would copy it for nothing
                StoreFolder.shrinkAfterAbort(store, bytesBefore);
            }
            throw e;
        }
        return result;
    }

    /**
     * Parses the files and, as they are parsed, hands their quads to a write transaction on another thread
     * ({@link BackgroundWrite}), which also keeps them in memory ({@link CompactGraph}); then validates them
     * there with the store's data (the new triples and a compact copy of the store's union graph as it was:
     * SHACL over TDB2's union graph took six to ten times as long as in memory) while that transaction is
     * still writing, and commits it only if they conform. Writing the indexes thus overlaps parsing and
     * validating instead of following them.
     */
    private Result loadInOneTransaction(List<Path> files, String graph) {
        boolean validating = !shapes.isEmpty();
        AtomicBoolean firstData = new AtomicBoolean();
        Progress[] storing = new Progress[1]; // the writer's, made on its thread
        BiFunction<DatasetGraph, StreamRDF, Graph> prepare = (target, quads) -> {
            // Derived from the data as it was; some rules are not monotonic, so derive afresh from the new data.
            target.removeGraph(NodeFactory.createURI(CustodyKg.INFERRED_GRAPH));
            firstData.set(Iter.allMatch(target.listGraphNodes(), node -> node.getURI().equals(CustodyKg.ONTOLOGY_GRAPH)));
            CompactGraph.Builder stored = new CompactGraph.Builder();
            boolean readsStore = validating || deriving != null;
            if (readsStore) {
                target.getUnionGraph().find().forEachRemaining(stored::triple);
            }
            if (!target.containsGraph(NodeFactory.createURI(CustodyKg.ONTOLOGY_GRAPH))) {
                addOntology(target, quads, readsStore ? stored : StreamRDFLib.sinkNull());
            }
            return stored.build();
        };
        UnaryOperator<StreamRDF> watch = written -> storing[0] = new Progress(written, progress, "storing");
        PrefixMap prefixes = PrefixMapFactory.create(); // the files', kept on this thread
        Consumer<DatasetGraph> finish = target -> target.prefixes().putAll(prefixes);
        CompactGraph.Builder parsed = new CompactGraph.Builder(); // filled on the writer's thread
        BackgroundWrite write = newStore ? BackgroundWrite.intoNewStore(store, prepare, watch, finish, parsed)
                : new BackgroundWrite(store, prepare, watch, finish, parsed);
        Progress counter;
        CompletableFuture<Void> indexing = CompletableFuture.completedFuture(null);
        CompletableFuture<ForwardChainer.Run> derivation = CompletableFuture.completedFuture(null);
        AtomicBoolean abandoned = new AtomicBoolean();
        Optional<Derived> derived = Optional.empty();
        try {
            // the writer keeps the quads in memory as well (write.copied); the prefixes are kept here
            counter = new Progress(new StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                    write.add(quad);
                }

                @Override
                public void prefix(String prefix, String iri) {
                    prefixes.add(prefix, iri);
                }
            }, progress, "loading");
            for (Path file : files) {
                Loader.parseInto(file, counter, graph != null ? graph : CustodyKg.sourceGraph(baseName(file)));
            }
            write.copied(); // all of them given to the copy now
            if (deriving == null) {
                write.endOfData(); // it writes the indexes while this thread sorts the copy and validates
            }
            CompactGraph triples = parsed.build();
            counter.report("parsed");
            Graph stored = write.before(); // and firstData is set
            if (firstData.get()) {
                // the store held no data: the parsed files are all it will hold, so index them meanwhile
                indexing = CompletableFuture.runAsync(() -> SearchIndex.build(store.asDatasetGraph(), triples::quadsWith),
                        work -> daemon(work, "custody-search-index"));
            }
            // the larger graph first: each triple of the second is looked up in it
            Graph all = counter.count() >= stored.size() ? UnionView.of(triples, stored) : UnionView.of(stored, triples);
            if (deriving != null) {
                // prepare kept the store's data (the ontology, in a new store) whatever the shapes; the
                // conclusions are derived while the shapes are checked, both only reading the parsed files
                derivation = CompletableFuture.supplyAsync(() -> ForwardChainer.deriveEntailments(all, deriving, quad -> {
                    if (abandoned.get()) {
                        throw new CancellationException("the load failed");
                    }
                    write.add(quad);
                }), work -> daemon(work, "custody-derive"));
            }
            if (validating) {
                Validator.validate(all, shapes);
                counter.report("validated");
            }
            if (deriving != null) {
                ForwardChainer.Run run = BackgroundWrite.unwrap(derivation);
                derived = Optional.of(new Derived(run.added(), run.elapsed().toNanos() / 1e9));
                write.endOfData();
            }
            BackgroundWrite.unwrap(indexing);
            write.commit();
        } catch (Throwable e) { // any failure, Errors too: the writer waits for a verdict until it gets one
            abandoned.set(true);
            derivation.exceptionally(failure -> null).join(); // it stops at its next conclusion
            indexing.exceptionally(failure -> null).join(); // done with its folder before the load deletes it
            write.abort();
            if (e instanceof OutOfMemoryError outOfMemory) {
                throw tooLarge(outOfMemory);
            }
            throw e;
        }
        // committed: from here on, a failure is not the load's (the index is built afresh when next opened)
        storing[0].report("stored");
        if (firstData.get()) {
            SearchIndex.install(store.asDatasetGraph());
        } else {
            SearchIndex.write(store.asDatasetGraph());
        }
        return new Result(counter.count(), files.size(), counter.seconds(), derived);
    }

    /**
     * Running out of heap (on any of the load's threads) is the files being too large for it: said in one
     * line, with what to do, once the load has let go of the parsed data and aborted.
     */
    private static CustodyException tooLarge(OutOfMemoryError failure) {
        return new CustodyException(ErrorCode.TOO_LARGE, null, String.format(Locale.ROOT,
                "out of memory: these files need more heap than the %,d MiB this JVM has (the parsed files are held in "
                        + "memory while they are validated, about 120 bytes a triple); nothing was loaded. Give it more, "
                        + "for instance CUSTODY_JAVA_OPTS=-Xmx8g (docs/scale.md)", Runtime.getRuntime().maxMemory() >> 20),
                failure);
    }

    /** Runs the work on a thread of its own, one the JVM does not wait for at its exit. */
    private static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Writes the ontology's quads through {@code quads} and gives its triples to {@code seen}. */
    private static void addOntology(DatasetGraph target, StreamRDF quads, StreamRDF seen) {
        StreamRDF both = new StreamRDFWrapper(quads) {
            @Override
            public void quad(Quad quad) {
                quads.quad(quad);
                seen.triple(quad.asTriple());
            }
        };
        for (Path file : Loader.rdfFiles(Layout.embedded().ontology())) {
            if (!file.getFileName().toString().equals(Loader.SHAPES_FILE)) {
                Loader.parseInto(file, both, CustodyKg.ONTOLOGY_GRAPH);
            }
        }
        target.prefixes().putAll(CustodyKg.prefixes().getNsPrefixMap());
    }

    /** The file name without its RDF extension and any {@code .gz}. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - ".gz".length());
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

package org.custodykg;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.vocabulary.OWL;
import org.custodykg.Layout;
import org.custodykg.export.Exporter;
import org.custodykg.store.InferredMark;
import org.custodykg.store.Store;
import org.custodykg.load.Loader;
import org.custodykg.load.Validator;
import org.custodykg.Answer;
import org.custodykg.cache.BoundedCache;
import org.custodykg.query.AnswerCache;
import org.custodykg.query.AnswerUnion;
import org.custodykg.query.EntityResolver;
import org.custodykg.query.ParameterBinder;
import org.custodykg.query.PreparedQuery;
import org.custodykg.Question;
import org.custodykg.query.QuestionCatalog;
import org.custodykg.query.LinearRegex;
import org.custodykg.query.QueryRunner;
import org.custodykg.reason.AccessPaths;
import org.custodykg.reason.ForwardChainer;
import org.custodykg.reason.Names;
import org.custodykg.reason.RuleSet;
import org.custodykg.remote.Publisher;
import org.custodykg.remote.RemoteDatasetGraph;
import org.custodykg.remote.RemoteStore;
import org.custodykg.Row;
import org.custodykg.search.Catalogue;
import org.custodykg.search.Searcher;

/**
 * The custody knowledge graph: open it, ask it named questions or any SPARQL, resolve names to
 * entities. The command line and the server use this same class.
 *
 * <p>Safe for concurrent reads: every query runs in its own read transaction and its answer is copied
 * out before the transaction ends. Answers to named questions are remembered ({@link AnswerCache}) until
 * the data changes, so asking the same question with the same values again costs microseconds.
 *
 * <pre>{@code
 * try (CustodyGraph graph = CustodyGraph.openDefault()) {
 *     ResultTable keys = graph.ask("key-custody", Map.of("service", "iCloud")).table();
 *     keys.rows().forEach(row -> System.out.println(row.shortForm("keyHolderLabel")));
 * }
 * }</pre>
 */
public final class CustodyGraph implements AutoCloseable {
    /** The most hits one search gives. */
    public static final int MAX_SEARCH_HITS = 1000;
    /** The longest text one search takes, in characters. */
    public static final int MAX_SEARCH_TEXT = 500;
    private final Dataset dataset;
    private final Layout layout;
    /** The named questions, parsed on first use: a command that asks none (access, search) does not pay for them. */
    private volatile QuestionCatalog questions;
    private final AnswerCache answers;
    private final boolean withInferred;
    /** The remote store the dataset stands for; null for a local graph. */
    private final RemoteDatasetGraph remote;
    private boolean inferred;
    private volatile boolean shaped;
    private volatile EntityResolver resolver;
    private volatile AccessPaths access;
    /** The most the kept access answers may take, applied when {@link #access} is made. */
    private volatile long accessLimitBytes = AccessPaths.DEFAULT_LIMIT_BYTES;
    /** Full-text search; its index is built on the first search. */
    private final Searcher searcher;
    /** The entities by kind, worked out on first use and again when the data changes. */
    private final Catalogue catalogue;

    private CustodyGraph(Dataset dataset, Layout layout, boolean withInferred) {
        this(dataset, layout, withInferred, null);
    }

    private CustodyGraph(Dataset dataset, Layout layout, boolean withInferred, RemoteDatasetGraph remote) {
        this.dataset = dataset;
        this.layout = layout;
        this.withInferred = withInferred;
        this.remote = remote;
        this.searcher = new Searcher(dataset.asDatasetGraph());
        this.catalogue = new Catalogue(dataset.asDatasetGraph(), AnswerCache.versionOf(dataset));
        this.answers = remote == null ? AnswerCache.over(dataset, AnswerCache.DEFAULT_LIMIT_BYTES)
                : AnswerCache.versioned(remote.dataVersion(), AnswerCache.DEFAULT_LIMIT_BYTES);
        // a remote store holds the inferred graph its publisher derived
        this.inferred = remote != null;
        // every query over this graph, whichever door it comes through: no backtracking regex, no outbound calls
        LinearRegex.install(dataset.getContext());
        dataset.getContext().set(ARQ.httpServiceAllowed, false);
    }

    /**
     * How to open a graph.
     *
     * @param validate check the data against the SHACL shapes on load (a store was checked when loaded)
     * @param inferred include the inferred graph ({@link CustodyKg#INFERRED_GRAPH}) in everything the graph
     *     answers (the default); without it, SPARQL, named questions, dumps and pages see the data as loaded
     */
    public record Options(boolean validate, boolean inferred) {
        /** Validate against the SHACL shapes on load (the default). */
        public static Options validating() {
            return new Options(true, true);
        }

        /** Skip validation: for data already validated, such as the embedded graph checked at build time. */
        public static Options trusted() {
            return new Options(false, true);
        }

        /** The same options, but answering from the data as loaded, without the inferred graph. */
        public Options withoutInferred() {
            return new Options(validate, false);
        }
    }

    /**
     * The graph packed into the jar: ontology, data and questions, needing no files. It is validated
     * against the shapes by the build, so it is not validated again here.
     */
    public static CustodyGraph openDefault() {
        return open(Layout.embedded(), Options.trusted());
    }

    /**
     * A folder of Turtle: a repository-shaped folder ({@code ontology/}, {@code data/}, {@code queries/}),
     * or a folder of data files read with the embedded ontology and questions.
     *
     * @throws ArgumentException if the folder cannot be read
     * @throws DataException for a syntax error (file, line, column) or, when validating, every violation
     */
    public static CustodyGraph openDirectory(Path dir, Options options) {
        return open(Layout.of(dir), options);
    }

    /** Opens a layout; nothing is kept when a file fails to parse or the data fails validation. */
    public static CustodyGraph open(Layout layout, Options options) {
        Dataset dataset = Loader.load(layout);
        if (options.validate()) {
            Validator.validate(dataset, Loader.shapes(layout));
        }
        return new CustodyGraph(dataset, layout, options.inferred());
    }

    /**
     * A TDB2 store on disk, as written by {@code custody load}, with the embedded questions. Its default
     * graph is the union of its named graphs. Nothing is validated: the store was checked when loaded.
     *
     * @throws ArgumentException naming the parameter {@code store} when the folder is missing, empty or
     *     not a TDB2 store
     * @throws CustodyException ({@link ErrorCode#STORE_UNAVAILABLE}) when another process holds the store
     */
    public static CustodyGraph openStore(Path dir) {
        return openStore(dir, Options.trusted());
    }

    /** A TDB2 store, as {@link #openStore(Path)}, answering with or without the inferred graph. */
    public static CustodyGraph openStore(Path dir, Options options) {
        return new CustodyGraph(Store.open(dir), Layout.embedded(), options.inferred());
    }

    /**
     * The graphs {@code custody publish} wrote to a remote SPARQL 1.1 store, read over the SPARQL Protocol
     * with the embedded questions: every question, lookup and dump is sent to the store as standard
     * SPARQL 1.1, its parameters bound in the parsed query before it is serialised.
     *
     * @throws RemoteException when the store cannot be reached, or refuses the credentials
     * @throws DataException when the store holds none of the project's graphs
     */
    public static CustodyGraph openRemote(Endpoint endpoint) {
        RemoteStore store = new RemoteStore(endpoint);
        try {
            RemoteDatasetGraph remote = RemoteDatasetGraph.connect(store);
            return new CustodyGraph(DatasetFactory.wrap(remote), Layout.embedded(), false, remote);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Writes this graph, the inferred graph included, to a remote store with the Graph Store Protocol,
     * one named graph per request: each is replaced whole or not at all, so a failed run can simply be
     * run again. Open the graph validating to publish only data that conforms to the shapes.
     *
     * @param progress where a line per graph written is printed; null for none
     * @return the triples and graphs written
     * @throws RemoteException naming the graph the store refused
     */
    public ExportResult publish(Endpoint endpoint, PrintStream progress) {
        materialiseInferred();
        try (RemoteStore store = new RemoteStore(endpoint)) {
            return Publisher.publish(dataset.asDatasetGraph(), store, progress);
        }
    }

    /**
     * Wraps a dataset that is already loaded (for instance a TDB2 store) with the embedded questions; the
     * inferred graph is added on first use.
     */
    public static CustodyGraph over(Dataset dataset) {
        return over(dataset, Options.trusted());
    }

    /** Wraps a loaded dataset, with or without the inferred graph ({@code options.validate()} is not used). */
    public static CustodyGraph over(Dataset dataset, Options options) {
        return new CustodyGraph(dataset, Layout.embedded(), options.inferred());
    }

    /**
     * The one place that decides what every reader sees: before the first answer, the inferred graph is
     * materialised (unless opened without it), so the Java API, the command line, the server, the dumps
     * and the pages all answer from the same graph.
     */
    private void shape() {
        if (!shaped) {
            if (withInferred) {
                materialiseInferred();
            }
            shaped = true;
        }
    }

    /** The layout's named questions, read and parsed once. @throws DataException for a malformed file */
    private QuestionCatalog catalog() {
        QuestionCatalog known = questions;
        if (known == null) {
            synchronized (this) {
                if (questions == null) {
                    questions = QuestionCatalog.read(layout.queries());
                }
                known = questions;
            }
        }
        return known;
    }

    /** The named questions, sorted by name. */
    public List<Question> questions() {
        return catalog().all();
    }

    /** The question of that name. @throws ArgumentException listing the known names if there is none */
    public Question question(String name) {
        return catalog().get(name);
    }

    /**
     * Runs a named question. Each value is resolved by the parameter's type (a name or IRI for an entity,
     * a lexical form for a literal) and bound in the parsed query; parameters left out stay open. Where an
     * authority is expected, a jurisdiction ("Hong Kong") stands for all its authorities: the answer is
     * then the union of the question's answers for each of them, in the question's order.
     *
     * @throws ArgumentException for an unknown question or parameter, or a value that does not resolve
     */
    public Answer ask(String name, Map<String, String> parameters) {
        Question question = catalog().get(name);
        shape();
        List<Answer> parts = ParameterBinder.combinations(ParameterBinder.bind(question, parameters, resolver())).stream()
                .map(bindings -> askBound(name, bindings)).toList();
        return AnswerUnion.of(question.query(), parts);
    }

    /** Runs a named question with terms already resolved (IRIs or literals), bound by variable name. */
    public Answer askBound(String name, Map<String, Node> bindings) {
        PreparedQuery question = catalog().prepared(name);
        shape();
        // a remote store is sent the query itself; a local plan would be run lookup by lookup
        return answers.get(name, bindings, () -> remote == null ? question.run(dataset, bindings)
                : QueryRunner.run(dataset, question.query(), bindings));
    }

    /**
     * Forgets the remembered answers to named questions. Needed only after changing an in-memory
     * {@link #dataset()} directly: a TDB2 store's answers are dropped by any committed write.
     */
    public void clearAnswers() {
        answers.clear();
        AccessPaths paths = access;
        if (paths != null) {
            paths.clear();
        }
    }

    /**
     * The remembered answers to named questions: how many, their estimated size, and the limit on it
     * ({@link AnswerCache#DEFAULT_LIMIT_BYTES} unless {@link #limitAnswers} set another).
     */
    public BoundedCache.Usage answerCache() {
        return answers.usage();
    }

    /**
     * What the graph keeps between questions that grows with the questions asked, each bounded in
     * (estimated) bytes, least recently used first out: {@code answerCache}, the answers to named questions
     * ({@link #limitAnswers}); {@code accessCache}, the access answers ({@link #limitAccessAnswers}, each
     * counted under the words asked and the entities they name); {@code labelCache}, the entities' labels
     * looked up for answers and pages ({@link EntityResolver#LABELS_LIMIT_BYTES}). The indexes built from
     * the data (names, search, entities by kind) are sized by the data, not by the requests, and not listed.
     */
    public Map<String, BoundedCache.Usage> caches() {
        Map<String, BoundedCache.Usage> caches = new LinkedHashMap<>();
        caches.put("answerCache", answers.usage());
        AccessPaths paths = access;
        caches.put("accessCache", paths == null ? new BoundedCache.Usage(0, 0, accessLimitBytes) : paths.usage());
        EntityResolver names = resolver;
        caches.put("labelCache", names == null ? new BoundedCache.Usage(0, 0, EntityResolver.LABELS_LIMIT_BYTES)
                : names.labelCache());
        return caches;
    }

    /**
     * Sets the most memory the remembered access answers may take, in bytes (estimated;
     * {@link AccessPaths#DEFAULT_LIMIT_BYTES} by default, 0 remembers none).
     *
     * @throws IllegalArgumentException if the limit is negative
     */
    public synchronized void limitAccessAnswers(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("access cache: expected a limit of 0 bytes or more, got " + bytes);
        }
        accessLimitBytes = bytes;
        AccessPaths paths = access;
        if (paths != null) {
            paths.limitBytes(bytes);
        }
    }

    /**
     * Sets the most memory the remembered answers may take, in bytes (estimated; 0 remembers none).
     *
     * @throws IllegalArgumentException if the limit is negative
     */
    public void limitAnswers(long bytes) {
        answers.limitBytes(bytes);
    }

    /**
     * Runs any SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE).
     *
     * @throws DataException with the line and column of a syntax error
     */
    public Answer sparql(String queryText) {
        return sparql(QueryRunner.parse("query", queryText));
    }

    /** Runs a parsed query. */
    public Answer sparql(Query query) {
        shape();
        return QueryRunner.run(dataset, query, Map.of());
    }

    /**
     * Who holds the keys to a service's data, and where: the {@code key-custody} question, typed.
     *
     * @param service the service's name or IRI; null for every service
     * @throws ArgumentException when the name matches no service or several
     */
    public List<KeyCustody> keyCustody(String service) {
        return typed().keyCustody(askOptional("key-custody", "service", service));
    }

    /**
     * Where a service stores which data, and whose law rules it: the {@code storage} question, typed.
     *
     * @param service the service's name or IRI; null for every service
     * @throws ArgumentException when the name matches no service or several
     */
    public List<Storage> storage(String service) {
        return typed().storage(askOptional("storage", "service", service));
    }

    /**
     * Which stances a firm took toward which authority's data requests: the {@code stances} question, typed.
     *
     * @param firm the firm's name or IRI; null for every firm
     * @throws ArgumentException when the name matches no organisation or several
     */
    public List<Stance> stances(String firm) {
        return typed().stances(askOptional("stances", "firm", firm));
    }

    private List<Row> askOptional(String question, String parameter, String value) {
        return ask(question, value == null ? Map.of() : Map.of(parameter, value)).table().rows();
    }

    private TypedAnswers typed() {
        return new TypedAnswers(this::label);
    }

    /**
     * The entity a person's name for it means, within a class.
     *
     * @param name a label, alternative label, IRI or prefixed name ("iCloud", "icloud", "Apple iCloud")
     * @param classIri the class to look in; {@link EntityResolver#ANY_CLASS} ({@code rdfs:Resource}) for any class
     * @throws ArgumentException when nothing, or more than one entity, has that name
     */
    public Node resolve(String name, String classIri) {
        return resolver().resolve("name", name, classIri);
    }

    /**
     * The entities a person's name means for a parameter of a class, by the rule every question and
     * command follows ({@link EntityResolver}): the one entity of the class with that name or, where an
     * authority is expected, every authority of the jurisdiction it names ("Hong Kong", "China",
     * "Hong Kong authorities").
     *
     * @param parameter the parameter's name, for the error message ("authority")
     * @throws ArgumentException naming the parameter when the name matches nothing, has several meanings,
     *     or names a jurisdiction without authorities of the class
     */
    public List<Node> resolveAll(String parameter, String name, String classIri) {
        return resolver().resolveAll(parameter, name, classIri);
    }

    /** The entity's label, or its short form when it has none. */
    public String label(Node entity) {
        return resolver().label(entity);
    }

    /**
     * The entities whose names, descriptions or quotations match the words of the text, best first (see
     * {@link SearchHit.Match}): each word matches a whole word or the start of one, without regard to case
     * or accents ("iclou" finds iCloud). Built on Jena's Lucene text index: in memory for a loaded graph, on
     * disk beside a TDB2 store (written by {@code custody load}, or built on the first search of a store
     * without one). The text reaches Lucene as escaped words, never as query syntax.
     *
     * @param text the words to look for, at most {@value #MAX_SEARCH_TEXT} characters
     * @param type a class by name or IRI ("service", {@code ckg:Service}): only entities of that class or
     *     one below it; empty for every class
     * @param limit the most hits, 1 to {@value #MAX_SEARCH_HITS}
     * @throws ArgumentException naming {@code text}, {@code type} or {@code limit} when it is blank, too
     *     long, names no class, or is out of range
     */
    public List<SearchHit> search(String text, Optional<String> type, int limit) {
        if (text == null || text.isBlank()) {
            throw new ArgumentException("text", "expected words to search for, but got nothing");
        }
        if (text.length() > MAX_SEARCH_TEXT) {
            throw new ArgumentException("text", "expected at most " + MAX_SEARCH_TEXT + " characters, but got " + text.length());
        }
        if (limit < 1 || limit > MAX_SEARCH_HITS) {
            throw new ArgumentException("limit", "expected a whole number from 1 to " + MAX_SEARCH_HITS + ", but got " + limit);
        }
        shape();
        Optional<Node> klass = type.map(t -> resolver().resolve("type", t, OWL.Class.getURI()));
        return searcher.search(text, klass, limit);
    }

    /** The kinds of entity the data has, as their IRIs group them ({@code service}, {@code law}, …), with counts. */
    public List<EntityKind> kinds() {
        return catalogue.kinds();
    }

    /**
     * The entities of one kind ({@link #kinds()}), sorted by label; worked out once per version of the data.
     *
     * @throws ArgumentException naming {@code kind} when the data has no entity of that kind
     */
    public List<Entity> entitiesOfKind(String kind) {
        return catalogue.entities(kind);
    }

    /**
     * Who can obtain a service's data, and through which door, as of a date: see {@link AccessPaths#answer}.
     * Derived for this question only and kept until the data changes; never grows or writes the dataset
     * beyond the one-off {@link #materialiseInferred()} of the entailments.
     *
     * @param authority an authority's name, or a jurisdiction's (all its authorities)
     * @param service a service's name
     * @param asOf the date; the newest source's date when empty
     * @param assumptions true to include the routes that rest on a presumption no source states
     * @throws ArgumentException naming the parameter when a name matches nothing (with near misses as
     *     candidates), or several things, or the date is out of range
     */
    public AccessAnswer access(String authority, String service, Optional<LocalDate> asOf, boolean assumptions) {
        materialiseInferred();
        AccessAnswer answer = accessPaths().answer(authority, service, asOf, assumptions);
        return answer.withDisputedFacts(DisputedFacts.among(dataset, answer));
    }

    private AccessPaths accessPaths() {
        AccessPaths current = access;
        if (current == null) {
            synchronized (this) {
                if (access == null) {
                    EntityResolver names = resolver();
                    access = new AccessPaths(dataset, RuleSet.forLayout(layout), new Names() {
                        @Override
                        public Node resolve(String parameter, String text, String classIri) {
                            return names.resolve(parameter, text, classIri);
                        }

                        @Override
                        public List<Node> resolveAll(String parameter, String text, String classIri) {
                            return names.resolveAll(parameter, text, classIri);
                        }

                        @Override
                        public String label(Node entity) {
                            return names.label(entity);
                        }

                        @Override
                        public List<String> nearMisses(String text, String classIri) {
                            return names.nearMisses(text, classIri);
                        }
                    }, remote == null ? AnswerCache.versionOf(dataset) : remote.dataVersion(),
                            remote != null && remote.store().takesWholeRules());
                    access.limitBytes(accessLimitBytes);
                }
                current = access;
            }
        }
        return current;
    }

    /**
     * Materialises, once, the conclusions of the rules that read no question (entailments, places'
     * jurisdictions) into the inferred graph {@link CustodyKg#INFERRED_GRAPH}, so SPARQL, linked data, the
     * exports and the access rules see them; forgets remembered answers if anything was added. Later calls
     * do nothing. Access routes are never stored: they are derived per question ({@link #access}).
     *
     * <p>A TDB2 store on disk keeps them: once they are committed, an {@link InferredMark} says so, and
     * opening the store again skips the derivation until {@code custody load} changes the data. Without a
     * mark for these rules, the store's inferred graph is dropped and derived again.
     *
     * @return the triples added by this call (0 when already done, or the store already held them)
     */
    public synchronized long materialiseInferred() {
        if (remote != null) {
            return 0;
        }
        RuleSet rules = RuleSet.forLayout(layout);
        Optional<InferredMark> mark = InferredMark.of(dataset);
        if (mark.isPresent()) {
            // A store's inferred graph outlives this object: its mark, not a flag, says whether it is current.
            String fingerprint = rules.fingerprint();
            if (mark.get().holds(fingerprint)) {
                return 0;
            }
            // derived by other rules, or from other data: derived afresh, never topped up
            ForwardChainer.dropInferred(dataset);
            long added = ForwardChainer.materialiseEntailments(dataset, rules).added();
            clearAnswers();
            mark.get().record(fingerprint);
            return added;
        }
        if (inferred) {
            return 0;
        }
        long added = ForwardChainer.materialiseEntailments(dataset, rules).added();
        if (added > 0) {
            clearAnswers();
        }
        inferred = true;
        return added;
    }

    /**
     * Writes a dump of the graph, the inferred graph included, to the stream (not closed). The same data
     * gives the same bytes: statements sorted, blank nodes labelled from their surroundings.
     */
    public ExportResult export(ExportFormat format, ExportPart part, OutputStream out) {
        return exporter(null).write(format, part, out);
    }

    /**
     * Writes a dump to a file, whole: to a temporary file beside it, then moved into place.
     *
     * @param progress where to print a progress line at most once a second; null for none
     * @throws UncheckedIOException when the file cannot be written
     */
    public ExportResult export(ExportFormat format, ExportPart part, Path file, PrintStream progress) {
        try {
            return exporter(progress).writeFile(format, part, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Exporter exporter(PrintStream progress) {
        shape();
        // a remote store's graphs are read once, each whole, so the dump sees one state of each
        Exporter exporter = new Exporter(remote == null ? dataset : DatasetFactory.wrap(remote.copy()));
        return progress == null ? exporter : exporter.progressTo(progress);
    }

    /** Writes one graph (a resource's description) in a triple format, sorted and compacted like a dump. */
    public static void writeGraph(Graph graph, ExportFormat format, OutputStream out) {
        Exporter.writeGraph(graph, format, out);
    }

    /** The project's JSON-LD context ({@code ontology/context.jsonld}), as the dumps and pages use it. */
    public static String jsonLdContext() {
        return Exporter.context();
    }

    /** The underlying Jena dataset: named graphs per part, the default graph their union. */
    public Dataset dataset() {
        shape();
        return dataset;
    }

    /** The union of every named graph as a Jena model (use inside a read transaction of {@link #dataset()}). */
    public Model model() {
        shape();
        return Layout.union(dataset);
    }

    /** Where this graph's ontology, data and questions come from. */
    public Layout layout() {
        return layout;
    }

    private EntityResolver resolver() {
        EntityResolver current = resolver;
        if (current == null) {
            synchronized (this) {
                if (resolver == null) {
                    resolver = new EntityResolver(dataset);
                }
                current = resolver;
            }
        }
        return current;
    }

    /** Releases the store (a no-op for the in-memory graph). */
    @Override
    public void close() {
        searcher.close();
        dataset.close();
    }
}

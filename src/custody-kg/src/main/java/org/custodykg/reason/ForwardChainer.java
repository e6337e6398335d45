package org.custodykg.reason;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.main.QueryEngineMain;
import org.apache.jena.sparql.modify.TemplateLib;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.custodykg.query.Deadline;
import org.apache.jena.tdb2.TDB2;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;
import org.custodykg.load.BackgroundWrite;
import org.custodykg.load.CompactGraph;
import org.custodykg.load.Loader;

/**
 * Runs a {@link RuleSet} over a dataset to a fixpoint: each stratum's rules are repeated until none has
 * anything new to read, then the next stratum starts; the strata are passed over again while a later
 * stratum added something an earlier one reads (the entailment rules then reach the nodes later strata
 * derived, such as a route's types). A rule is re-run only when a triple added since its last run has a
 * predicate, or an {@code rdf:type} class, that it names ({@link RuleReads}).
 *
 * <p>Three ways to run, so that asking a question never grows or writes the dataset, and nothing is
 * derived for questions nobody asked:
 * <ul>
 *   <li>{@link #materialiseEntailments}: once per graph, the rules that read no part of a question
 *       (entailments, places' jurisdictions), into the inferred named graph;</li>
 *   <li>{@link #derive}: for one question, the rules that read it ({@code ?authority}, {@code ?service},
 *       {@code ?asOf}) with its values bound, over a view that layers an in-memory scratch graph over the
 *       dataset ({@link Layered}); conclusions go only into the scratch graph, which the
 *       caller reads and drops;</li>
 *   <li>{@link #run}: every rule for one date with nothing else bound, into the dataset: the
 *       straightforward whole-graph derivation that tests and benchmarks compare {@link #derive} with.</li>
 * </ul>
 *
 * <p>The question's values and each rule's own IRI ({@code ?asOf}, {@code ?authority}, {@code ?service},
 * {@code ?rule}) are bound in the rule's algebra, planned once when the rule is read ({@link RuleSet.Rule#plan}),
 * so the rule files are never edited as text.
 * Derived nodes must be IRIs, so the same
 * input gives the same triples.
 */
public final class ForwardChainer {
    /** The inferred graph's name as a node. */
    public static final Node INFERRED = NodeFactory.createURI(CustodyKg.INFERRED_GRAPH);
    /** A rule's plan is optimised once, when the rule is read ({@link RuleSet.Rule#plan}): not again per run. */
    private static final RewriteFactory PLANNED = context -> op -> op;

    private ForwardChainer() {}

    /**
     * What one run did: triples added, rounds run (over all strata and passes), the time it took, and the
     * time spent in each rule (summed over rounds, in the order the rules run).
     */
    public record Run(long added, int rounds, Duration elapsed, Map<String, Duration> timePerRule) {}

    /**
     * Materialises the rules' conclusions for a date into the dataset's inferred graph, in one write
     * transaction (all or nothing). Conclusions of several dates pile up: use {@link #derive} to answer.
     *
     * @throws DataException if a rule derives a blank node (derived nodes must have IRIs)
     */
    public static Run run(Dataset dataset, RuleSet rules, LocalDate asOf) {
        return Txn.calculateWrite(dataset, () -> chain(rules.strata(), union(dataset), Map.of("asOf", date(asOf)), store(dataset),
                null, null));
    }

    /**
     * Materialises the conclusions of the rules that read no part of a question (for the embedded rules,
     * the entailments of 1-entailment and 2-places) into the inferred graph. They are derived in a read
     * transaction; only what the data did not hold is derived, and a write commits only when there is
     * something new, so a second call, or a call on a store that already holds them, writes nothing.
     *
     * @return what was added (0 when the dataset already held it all)
     * @throws DataException if a rule derives a blank node
     */
    public static Run materialiseEntailments(Dataset dataset, RuleSet rules) {
        long start = System.nanoTime();
        Graph scratch = GraphFactory.createDefaultGraph();
        Run derived = isStore(dataset) ? deriveWhileWriting(dataset, rules, scratch) : deriveThenWrite(dataset, rules, scratch);
        return new Run(derived.added(), derived.rounds(), Duration.ofNanos(System.nanoTime() - start), derived.timePerRule());
    }

    /**
     * On a TDB2 store, which lets a writer run beside readers: each conclusion is handed, as it is derived,
     * to a write transaction on another thread ({@link BackgroundWrite}), so that writing overlaps deriving.
     */
    private static Run deriveWhileWriting(Dataset dataset, RuleSet rules, Graph scratch) {
        // Derived over a snapshot that lacks each of them; a writer that stored one meanwhile (in the inferred
        // graph: the same quad again; in another: a copy the union view shows once) changes no answer.
        // A store's default graph is the union, so the inferred graph is all there is to write.
        BackgroundWrite write = new BackgroundWrite(dataset, (target, quads) -> null, UnaryOperator.identity(), target -> { });
        Run derived;
        try {
            derived = Txn.calculateRead(dataset, () -> deriveEntailments(inMemory(dataset), rules, scratch, write::add));
        } catch (RuntimeException e) {
            write.abort();
            throw e;
        }
        if (scratch.isEmpty()) {
            write.abort();
        } else {
            write.commit();
        }
        return derived;
    }

    /**
     * Derives the conclusions that {@link #materialiseEntailments} would write, over a graph in memory that
     * holds the ontology and the data (such as files being loaded into a new store, before they are), and
     * hands each, as a quad of the inferred graph, to {@code derived} as it comes.
     *
     * @throws DataException if a rule derives a blank node
     */
    public static Run deriveEntailments(Graph data, RuleSet rules, Consumer<Quad> derived) {
        long start = System.nanoTime();
        Run run = deriveEntailments(data, rules, GraphFactory.createDefaultGraph(), derived);
        return new Run(run.added(), run.rounds(), Duration.ofNanos(System.nanoTime() - start), run.timePerRule());
    }

    private static Run deriveEntailments(Graph data, RuleSet rules, Graph scratch, Consumer<Quad> derived) {
        return chain(rules.entailments(), new Layered(data, scratch), Map.of(), triple -> {
            scratch.add(triple);
            derived.accept(Quad.create(INFERRED, triple));
        }, null, scratch);
    }

    /** On a dataset whose transactions are a lock (a writer waits for every reader): derive, then write. */
    private static Run deriveThenWrite(Dataset dataset, RuleSet rules, Graph scratch) {
        Run derived = Txn.calculateRead(dataset, () -> chain(rules.entailments(), new Layered(inMemory(dataset), scratch), Map.of(),
                scratch::add, null, scratch));
        if (!scratch.isEmpty()) {
            Txn.executeWrite(dataset, () -> {
                // another writer may have stored some of them since the read transaction
                Graph stored = union(dataset);
                scratch.find().filterDrop(stored::contains).forEachRemaining(store(dataset));
            });
        }
        return derived;
    }

    /**
     * The union view, copied into memory for a TDB2 store: the entailment rules have variable predicates
     * and run over the whole graph, and a find on TDB2's union graph goes through its quad indexes with a
     * distinct over the graphs; a compact copy in memory ({@link CompactGraph}) answers the same finds several
     * times faster, for about 120 bytes of heap a triple, held only while deriving. It is copied quad by quad,
     * the copy keeping one of each triple, which is cheaper than the union's own distinct. Call inside a read
     * transaction.
     */
    private static Graph inMemory(Dataset dataset) {
        if (!isStore(dataset)) {
            return union(dataset);
        }
        CompactGraph.Builder copy = new CompactGraph.Builder();
        dataset.asDatasetGraph().findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(copy::quad);
        return copy.build();
    }

    /** Removes the inferred graph and every conclusion in it, in a write transaction of its own. */
    public static void dropInferred(Dataset dataset) {
        Txn.executeWrite(dataset, () -> dataset.asDatasetGraph().removeGraph(INFERRED));
    }

    /**
     * Derives the conclusions of the rules that read the question ({@code ?authority}, {@code ?service},
     * {@code ?asOf}) with its values bound in their planned algebra, over the dataset layered with {@code scratch},
     * adding what the view lacks to {@code scratch} only. Call inside a read transaction. The entailments
     * are not run again: they are materialised once ({@link #materialiseEntailments}).
     *
     * @param question the values to bind, by variable name ("authority", "service", "asOf")
     * @throws DataException if a rule derives a blank node
     */
    static Run derive(Dataset dataset, RuleSet rules, Map<String, Node> question, Graph scratch) {
        return derive(new Layered(union(dataset), scratch), rules, question, scratch, null);
    }

    /**
     * As {@link #derive(Dataset, RuleSet, Map, Graph)} over a view of the data and {@code scratch}, sending
     * each rule that can be split to the store as one query ({@link ShippedRules}); the others are
     * evaluated over the view.
     *
     * @param shipped null to evaluate every rule over the view
     */
    static Run derive(Graph view, RuleSet rules, Map<String, Node> question, Graph scratch, ShippedRules shipped) {
        return chain(rules.perQuestion(), view, question, scratch::add, shipped, scratch);
    }

    /**
     * The fixpoint: runs the strata over {@code view}, passing each triple the view lacks to {@code add}
     * (which must make the view hold it).
     *
     * @param bindings the values bound in each rule, by variable name (a rule lacking one is unaffected)
     * @param shipped null, or the rules to send to the store whole, reading {@code scratch} for their derived part
     */
    private static Run chain(List<List<RuleSet.Rule>> strata, Graph view, Map<String, Node> bindings, Consumer<Triple> add,
            ShippedRules shipped, Graph scratch) {
        long start = System.nanoTime();
        Map<String, Duration> timePerRule = new LinkedHashMap<>();
        List<RuleSet.Rule> all = strata.stream().flatMap(List::stream).toList();
        Set<RuleSet.Rule> dirty = new HashSet<>(all);
        long added = 0;
        int rounds = 0;
        while (!dirty.isEmpty()) {
            for (List<RuleSet.Rule> stratum : strata) {
                while (stratum.stream().anyMatch(dirty::contains)) {
                    rounds++;
                    for (RuleSet.Rule rule : stratum) {
                        if (dirty.remove(rule)) {
                            long ruleStart = System.nanoTime();
                            List<Triple> fresh = apply(rule, view, bindings, add, shipped, scratch);
                            timePerRule.merge(rule.name(), Duration.ofNanos(System.nanoTime() - ruleStart), Duration::plus);
                            added += fresh.size();
                            markAffected(all, fresh, dirty);
                        }
                    }
                }
            }
        }
        return new Run(added, rounds, Duration.ofNanos(System.nanoTime() - start), Collections.unmodifiableMap(timePerRule));
    }

    private static void markAffected(List<RuleSet.Rule> all, List<Triple> fresh, Set<RuleSet.Rule> dirty) {
        for (RuleSet.Rule rule : all) {
            if (!dirty.contains(rule) && fresh.stream().anyMatch(rule.reads()::affectedBy)) {
                dirty.add(rule);
            }
        }
    }

    /**
     * The graph queries see as the default: the union view when the default graph is the union of the
     * named graphs (a TDB2 store, a loaded in-memory dataset), else the default graph itself.
     */
    static Graph union(Dataset dataset) {
        return unionIsDefault(dataset) ? dataset.asDatasetGraph().getUnionGraph() : dataset.asDatasetGraph().getDefaultGraph();
    }

    /** True for a store whose default graph is the union of its named graphs (a TDB2 store). */
    static boolean isStore(Dataset dataset) {
        return dataset.getContext().isTrue(TDB2.symUnionDefaultGraph);
    }

    private static boolean unionIsDefault(Dataset dataset) {
        return isStore(dataset) || dataset.getContext().isTrue(Loader.UNION_DEFAULT_GRAPH);
    }

    /**
     * Adds a conclusion to the inferred graph and, for a dataset whose default graph is a separate copy
     * of the union (one built by hand), to that copy too.
     */
    private static Consumer<Triple> store(Dataset dataset) {
        Graph inferred = dataset.asDatasetGraph().getGraph(INFERRED);
        Graph copy = unionIsDefault(dataset) ? null : dataset.asDatasetGraph().getDefaultGraph();
        return triple -> {
            inferred.add(triple);
            if (copy != null) {
                copy.add(triple);
            }
        };
    }

    private static Node date(LocalDate asOf) {
        return NodeFactory.createLiteralDT(asOf.toString(), XSDDatatype.XSDdate);
    }

    private static List<Triple> apply(RuleSet.Rule rule, Graph view, Map<String, Node> bindings, Consumer<Triple> add,
            ShippedRules shipped, Graph scratch) {
        // a conclusion in terms only the rules conclude can only be in the scratch graph: no lookup in the store
        Predicate<Triple> held = triple -> shipped != null && shipped.onlyDerived(triple) ? scratch.contains(triple)
                : view.contains(triple);
        Graph shippedConclusions = shipped == null ? null : shipped.construct(rule, bindings, scratch);
        Set<Triple> fresh;
        if (shippedConclusions != null) {
            fresh = unheld(shippedConclusions.find(), held);
        } else {
            QueryIterator rows = solutions(rule, view, bindings);
            try {
                fresh = unheld(TemplateLib.calcTriples(rule.query().getConstructTemplate().getTriples(), rows), held);
            } finally {
                rows.close();
            }
        }
        for (Triple triple : fresh) {
            if (triple.getSubject().isBlank() || triple.getObject().isBlank()) {
                throw new DataException("rule " + rule.name() + " derived a blank node in " + triple
                        + "; derived nodes need IRIs");
            }
        }
        fresh.forEach(add);
        return List.copyOf(fresh);
    }

    /**
     * The solutions of the rule's pattern over the view, with the question's values and the rule's IRI bound in
     * its planned algebra (as a start binding, which the engine substitutes before it runs, and keeps in each
     * row for the template; the plan is not optimised again). The view's reads stop at the current work's
     * deadline ({@link Deadline}).
     */
    private static QueryIterator solutions(RuleSet.Rule rule, Graph view, Map<String, Node> bindings) {
        BindingBuilder question = BindingFactory.builder();
        question.add(Var.alloc("rule"), rule.iri());
        bindings.forEach((name, value) -> question.add(Var.alloc(name), value));
        DatasetGraph data = DatasetGraphFactory.wrap(Deadline.guard(view));
        Context context = Context.setupContextForDataset(ARQ.getContext(), data);
        context.set(ARQConstants.sysOptimizerFactory, PLANNED);
        Deadline.share(context);
        return new QueryEngineMain(rule.plan(), data, question.build(), context).getPlan().iterator();
    }

    /** The conclusions the view does not hold yet, each once, in the order they came. */
    private static Set<Triple> unheld(Iterator<Triple> conclusions, Predicate<Triple> held) {
        Set<Triple> fresh = new LinkedHashSet<>();
        conclusions.forEachRemaining(triple -> {
            if (!held.test(triple)) {
                fresh.add(triple);
            }
        });
        return fresh;
    }
}

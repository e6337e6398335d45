package org.custodykg.reason;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;
import org.custodykg.load.Loader;

/**
 * Runs a {@link RuleSet} over a dataset to a fixpoint: each stratum's rules are repeated until none has
 * anything new to read, then the next stratum starts; the strata are passed over again while a later
 * stratum added something an earlier one reads (the entailment rules then reach the nodes later strata
 * derived, such as a route's types). A rule is re-run only when a triple added since its last run has a
 * predicate, or an {@code rdf:type} class, that it names ({@link RuleReads}).
 *
 * <p>Three ways to run, so that asking a question never grows or writes the dataset:
 * <ul>
 *   <li>{@link #materialiseTimeless}: once per graph, the rules that do not read the date
 *       ({@code ?asOf}), into the inferred named graph — these
 *       conclusions are the same for every date, so they are stored, queried over SPARQL and exported;</li>
 *   <li>{@link #derive}: for one date, every rule, in a read transaction, over a view that layers a fresh
 *       in-memory scratch graph over the dataset ({@code Union(dataset, scratch)}); conclusions go only into
 *       the scratch graph, which the caller reads and drops. The date-independent rules run there too, so
 *       the fixpoint still crosses strata (whatever a dated rule draws gets its entailments), and whatever the
 *       one-off materialisation already holds is not derived again;</li>
 *   <li>{@link #run}: everything for one date, into the dataset (tests and benchmarks only).</li>
 * </ul>
 *
 * <p>The date considered and each rule's own IRI are bound in the rule's syntax tree ({@code ?asOf},
 * {@code ?rule}), so the rule files are never edited as text. Derived nodes must be IRIs, so the same
 * input gives the same triples.
 */
public final class ForwardChainer {
    /** The inferred graph's name as a node. */
    public static final Node INFERRED = NodeFactory.createURI(CustodyKg.INFERRED_GRAPH);

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
        return Txn.calculateWrite(dataset, () -> chain(rules.strata(), union(dataset), date(asOf), store(dataset)));
    }

    /**
     * Materialises the conclusions of the rules that do not read the date (for the embedded rules, the
     * strata 1-entailment, 2-places and 3-routes) into the inferred graph. They are first derived in a read
     * transaction; a write transaction is opened only when there is something new, so a second call, or a
     * call on a store that already holds them, writes nothing.
     *
     * @return what was added (0 when the dataset already held it all)
     * @throws DataException if a rule derives a blank node
     */
    public static Run materialiseTimeless(Dataset dataset, RuleSet rules) {
        long start = System.nanoTime();
        Graph scratch = GraphFactory.createDefaultGraph();
        Run derived = Txn.calculateRead(dataset, () -> chain(rules.timeless(), new Union(union(dataset), scratch), null, scratch::add));
        if (!scratch.isEmpty()) {
            Txn.executeWrite(dataset, () -> {
                // another writer may have stored some of them since the read transaction
                Graph stored = union(dataset);
                scratch.find().filterDrop(stored::contains).forEachRemaining(store(dataset));
            });
        }
        return new Run(derived.added(), derived.rounds(), Duration.ofNanos(System.nanoTime() - start), derived.timePerRule());
    }

    /** Removes the inferred graph and every conclusion in it, in a write transaction of its own. */
    public static void dropInferred(Dataset dataset) {
        Txn.executeWrite(dataset, () -> dataset.asDatasetGraph().removeGraph(INFERRED));
    }

    /**
     * Derives every rule's conclusions for a date without changing the dataset: reads it in a read
     * transaction and returns, in a new in-memory graph, the triples the dataset does not already hold.
     *
     * @throws DataException if a rule derives a blank node
     */
    public static Graph derive(Dataset dataset, RuleSet rules, LocalDate asOf) {
        Graph scratch = GraphFactory.createDefaultGraph();
        Txn.executeRead(dataset, () -> chain(rules.strata(), new Union(union(dataset), scratch), date(asOf), scratch::add));
        return scratch;
    }

    /**
     * The fixpoint: runs the strata over {@code view}, passing each triple the view lacks to {@code add}
     * (which must make the view hold it).
     *
     * @param asOf the date to bind, or null for rules that do not read it
     */
    private static Run chain(List<List<RuleSet.Rule>> strata, Graph view, Node asOf, Consumer<Triple> add) {
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
                            List<Triple> fresh = apply(rule, view, asOf, add);
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

    private static List<Triple> apply(RuleSet.Rule rule, Graph view, Node asOf, Consumer<Triple> add) {
        Graph conclusions;
        QueryExecBuilder builder = QueryExec.graph(view).query(rule.query()).substitution("rule", rule.iri());
        if (asOf != null) {
            builder.substitution("asOf", asOf);
        }
        try (QueryExec exec = builder.build()) {
            conclusions = exec.construct();
        }
        List<Triple> fresh = conclusions.find().filterDrop(view::contains).toList();
        for (Triple triple : fresh) {
            if (triple.getSubject().isBlank() || triple.getObject().isBlank()) {
                throw new DataException("rule " + rule.name() + " derived a blank node in " + triple
                        + "; derived nodes need IRIs");
            }
        }
        fresh.forEach(add);
        return fresh;
    }
}

package org.custodykg.reason;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;

/**
 * Runs a {@link RuleSet} over a dataset to a fixpoint: each stratum's rules are repeated until none has
 * anything new to read, then the next stratum starts; the strata are passed over again while a later
 * stratum added something an earlier one reads (the entailment rules then reach the nodes later strata
 * derived, such as a route's types). A rule is re-run only when a triple added since its last run has a
 * predicate, or an {@code rdf:type} class, that it names ({@link RuleReads}). New triples go into the inferred named graph and, for the
 * in-memory store, into the default graph (its union copy; a TDB2 store's union view needs no copy), in
 * one write transaction: all or nothing.
 *
 * <p>The date considered and each rule's own IRI are bound in the rule's syntax tree ({@code ?asOf},
 * {@code ?rule}), so the rule files are never edited as text.
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
     * Materialises the rules' conclusions for a date.
     *
     * @throws DataException if a rule derives a blank node (derived nodes must have IRIs)
     */
    public static Run run(Dataset dataset, RuleSet rules, LocalDate asOf) {
        Node date = NodeFactory.createLiteralDT(asOf.toString(), XSDDatatype.XSDdate);
        long start = System.nanoTime();
        return Txn.calculateWrite(dataset, () -> {
            DatasetGraph dsg = dataset.asDatasetGraph();
            Graph union = union(dataset);
            Graph inferred = dsg.getGraph(INFERRED);
            boolean copyIntoDefault = !unionIsDefault(dataset);
            Map<String, Duration> timePerRule = new LinkedHashMap<>();
            List<RuleSet.Rule> all = rules.strata().stream().flatMap(List::stream).toList();
            Set<RuleSet.Rule> dirty = new HashSet<>(all);
            long added = 0;
            int rounds = 0;
            while (!dirty.isEmpty()) {
                for (List<RuleSet.Rule> stratum : rules.strata()) {
                    while (stratum.stream().anyMatch(dirty::contains)) {
                        rounds++;
                        for (RuleSet.Rule rule : stratum) {
                            if (dirty.remove(rule)) {
                                long ruleStart = System.nanoTime();
                                List<Triple> fresh = apply(rule, dsg, date, union, copyIntoDefault ? union : null, inferred);
                                timePerRule.merge(rule.name(), Duration.ofNanos(System.nanoTime() - ruleStart), Duration::plus);
                                added += fresh.size();
                                markAffected(all, fresh, dirty);
                            }
                        }
                    }
                }
            }
            return new Run(added, rounds, Duration.ofNanos(System.nanoTime() - start), java.util.Collections.unmodifiableMap(timePerRule));
        });
    }

    private static void markAffected(List<RuleSet.Rule> all, List<Triple> fresh, Set<RuleSet.Rule> dirty) {
        for (RuleSet.Rule rule : all) {
            if (!dirty.contains(rule) && fresh.stream().anyMatch(rule.reads()::affectedBy)) {
                dirty.add(rule);
            }
        }
    }

    /**
     * The graph queries see as the default: the store's union view when its default graph is the union
     * of the named graphs (a TDB2 store), else the default graph itself (the in-memory union copy).
     */
    static Graph union(Dataset dataset) {
        return unionIsDefault(dataset) ? dataset.asDatasetGraph().getUnionGraph() : dataset.asDatasetGraph().getDefaultGraph();
    }

    private static boolean unionIsDefault(Dataset dataset) {
        return dataset.getContext().isTrue(TDB2.symUnionDefaultGraph);
    }

    /** @param copy the default graph to copy conclusions into, or null when it is a union view */
    private static List<Triple> apply(RuleSet.Rule rule, DatasetGraph dsg, Node date, Graph union, Graph copy, Graph inferred) {
        Graph conclusions;
        try (QueryExec exec = QueryExec.dataset(dsg).query(rule.query())
                .substitution("asOf", date).substitution("rule", rule.iri()).build()) {
            conclusions = exec.construct();
        }
        List<Triple> fresh = conclusions.find().filterDrop(union::contains).toList();
        for (Triple triple : fresh) {
            if (triple.getSubject().isBlank() || triple.getObject().isBlank()) {
                throw new DataException("rule " + rule.name() + " derived a blank node in " + triple
                        + "; derived nodes need IRIs");
            }
            inferred.add(triple);
            if (copy != null) {
                copy.add(triple);
            }
        }
        return fresh;
    }
}

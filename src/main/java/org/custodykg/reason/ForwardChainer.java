package org.custodykg.reason;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;

/**
 * Runs a {@link RuleSet} over a dataset to a fixpoint: each stratum's rules are repeated until a whole
 * round adds nothing, then the next stratum starts; the strata are passed over again while a pass adds
 * anything (the entailment rules then reach the nodes later strata derived, such as a route's types). New triples go into the inferred named graph and into
 * the default graph (the in-memory store's union copy), in one write transaction: all or nothing.
 *
 * <p>The date considered and each rule's own IRI are bound in the rule's syntax tree ({@code ?asOf},
 * {@code ?rule}), so the rule files are never edited as text.
 */
public final class ForwardChainer {
    /** The inferred graph's name as a node. */
    public static final Node INFERRED = NodeFactory.createURI(CustodyKg.INFERRED_GRAPH);

    private ForwardChainer() {}

    /** What one run did: triples added, rounds run (over all strata and passes) and the time it took. */
    public record Run(long added, int rounds, Duration elapsed) {}

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
            Graph union = dsg.getDefaultGraph();
            Graph inferred = dsg.getGraph(INFERRED);
            long added = 0;
            int rounds = 0;
            long addedThisPass;
            do {
                addedThisPass = 0;
                for (List<RuleSet.Rule> stratum : rules.strata()) {
                    long addedThisRound;
                    do {
                        rounds++;
                        addedThisRound = 0;
                        for (RuleSet.Rule rule : stratum) {
                            addedThisRound += apply(rule, dsg, date, union, inferred);
                        }
                        addedThisPass += addedThisRound;
                    } while (addedThisRound > 0);
                }
                added += addedThisPass;
            } while (addedThisPass > 0);
            return new Run(added, rounds, Duration.ofNanos(System.nanoTime() - start));
        });
    }

    private static long apply(RuleSet.Rule rule, DatasetGraph dsg, Node date, Graph union, Graph inferred) {
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
            union.add(triple);
            inferred.add(triple);
        }
        return fresh.size();
    }
}

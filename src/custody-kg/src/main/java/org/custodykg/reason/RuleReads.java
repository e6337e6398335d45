package org.custodykg.reason;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.vocabulary.RDF;

/**
 * What a rule can be affected by, so the chainer re-runs it only when something it reads has changed:
 * the IRIs it names anywhere (a new triple matters when its predicate, or for {@code rdf:type} its class,
 * is one of them), or anything at all when a triple pattern has a variable predicate or a variable class.
 * Patterns inside EXISTS are covered by the IRIs named; their predicates must be constants.
 */
record RuleReads(Set<Node> named, boolean anything) {
    private static final Pattern IRI = Pattern.compile("<([^<>\\s]+)>");

    static RuleReads of(Query query) {
        Query bare = query.cloneQuery();
        bare.setPrefixMapping(PrefixMapping.Factory.create());
        Set<Node> named = new HashSet<>();
        Matcher m = IRI.matcher(bare.serialize());
        while (m.find()) {
            named.add(NodeFactory.createURI(m.group(1)));
        }
        boolean[] anything = {false};
        OpWalker.walk(Algebra.compile(query), new OpVisitorBase() {
            @Override
            public void visit(OpBGP bgp) {
                bgp.getPattern().forEach(t -> anything[0] |= open(t));
            }

            @Override
            public void visit(OpTriple triple) {
                anything[0] |= open(triple.getTriple());
            }
        });
        return new RuleReads(Set.copyOf(named), anything[0]);
    }

    /** True when a new triple could change what the rule matches. */
    boolean affectedBy(Triple added) {
        if (anything) {
            return true;
        }
        Node key = added.getPredicate().equals(RDF.type.asNode()) ? added.getObject() : added.getPredicate();
        return named.contains(key);
    }

    private static boolean open(Triple pattern) {
        return pattern.getPredicate().isVariable()
                || (pattern.getPredicate().equals(RDF.type.asNode()) && pattern.getObject().isVariable());
    }
}

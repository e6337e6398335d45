package org.custodykg;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.system.Txn;

/**
 * Which of the facts an access answer rests on the sources disagree about: two sources giving different
 * values for one of a fact's single-valued properties, as the conflicts question defines it. Asked for
 * those facts only, bound in a VALUES block: the whole-graph conflicts question takes minutes at a million
 * triples, and an access answer needs a handful of facts.
 */
final class DisputedFacts {
    private static final Var FACT = Var.alloc("fact");
    private static final Query DISPUTED = QueryFactory.create("""
            PREFIX ckg: <https://w3id.org/custody-kg/ontology#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            SELECT DISTINCT ?fact WHERE {
              ?property a owl:FunctionalProperty .
              { ?fact ?property ?one } UNION { ?a ckg:attests ?fact ; ckg:claimedProperty ?property ; ckg:claimedValue ?one }
              ?b ckg:attests ?fact ; ckg:claimedProperty ?property ; ckg:claimedValue ?two .
              FILTER (?one != ?two)
            }""");

    private DisputedFacts() {}

    /** The IRIs of the disputed facts among those the answer's routes rest on or are set in. */
    static Set<String> among(Dataset dataset, AccessAnswer answer) {
        List<String> facts = answer.routes().stream()
                .flatMap(r -> Stream.of(r.explanation(), r.obstacles(), r.possibleObstacles(), r.context()).flatMap(List::stream))
                .map(evidence -> evidence.fact().iri()).distinct().toList();
        if (facts.isEmpty()) {
            return Set.of();
        }
        ElementData values = new ElementData();
        values.add(FACT);
        facts.forEach(iri -> values.add(BindingFactory.binding(FACT, NodeFactory.createURI(iri))));
        ElementGroup pattern = new ElementGroup();
        pattern.addElement(values);
        ((ElementGroup) DISPUTED.getQueryPattern()).getElements().forEach(pattern::addElement);
        Query bound = DISPUTED.cloneQuery();
        bound.setQueryPattern(pattern);
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec exec = QueryExec.dataset(dataset.asDatasetGraph()).query(bound).build()) {
                return exec.select().stream().map(row -> row.get(FACT).getURI()).collect(Collectors.toSet());
            }
        });
    }
}

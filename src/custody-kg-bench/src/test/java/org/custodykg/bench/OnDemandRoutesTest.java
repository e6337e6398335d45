package org.custodykg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.custodykg.AccessRoute;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.Entity;
import org.custodykg.Evidence;
import org.custodykg.generate.Generator;
import org.custodykg.reason.ForwardChainer;
import org.custodykg.reason.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On generated data, the routes derived on demand for sampled (authority, service) pairs are exactly those
 * the straightforward derivation draws: every rule run over the whole graph, nothing bound but the date.
 * The size is {@code -Dcustody.differential.triples} (default 100,000, as the access-paths issue asks): the whole-graph derivation is
 * what makes this test slow (it draws routes for every authority and service: about 28 derived triples
 * per input triple), not the on-demand answers.
 */
class OnDemandRoutesTest {
    private static final LocalDate DATE = LocalDate.of(2020, 1, 1);
    private static final int SAMPLED = 40;
    @TempDir
    Path temp;

    @Test
    void sampledPairsGetTheRoutesTheWholeGraphDerivationDraws() throws Exception {
        long size = Long.getLong("custody.differential.triples", 100_000);
        Path data = Files.createDirectories(temp.resolve("data"));
        Generator.generate(size, 7, data.resolve("gen.nt"));
        try (CustodyGraph onDemand = CustodyGraph.openDirectory(data, CustodyGraph.Options.trusted());
                CustodyGraph reference = CustodyGraph.openDirectory(data, CustodyGraph.Options.trusted())) {
            ForwardChainer.run(reference.dataset(), RuleSet.embedded(), DATE);
            TreeMap<String, TreeSet<String>> expected = Txn.calculateRead(reference.dataset(),
                    () -> referenceRoutes(reference.dataset().asDatasetGraph().getGraph(ForwardChainer.INFERRED),
                            reference.dataset().asDatasetGraph().getUnionGraph()));
            List<String> pairs = new ArrayList<>(expected.keySet());
            // the route IRIs begin route-GRADE-KIND-, and a back-up route's ends -via-CARRIER
            TreeMap<String, String> firstPairOfKind = new TreeMap<>();
            expected.forEach((pair, routes) -> routes.forEach(r -> firstPairOfKind.putIfAbsent(kind(r), pair)));
            List<String> everyKind = List.of("Assumed-DirectRoute", "Assumed-LocalOperatorRoute", "Derived-DirectRoute",
                    "Derived-DirectRoute-via", "Derived-ForeignGovernmentRoute-via", "Derived-NoRoute", "Derived-TreatyRoute-via",
                    "Stated-ForeignGovernmentRoute", "Stated-TreatyRoute");
            assertEquals(everyKind, everyKind.stream().filter(firstPairOfKind::containsKey).toList(),
                    "grades and kinds drawn: " + firstPairOfKind.keySet());
            List<String> sample = new ArrayList<>(new TreeSet<>(firstPairOfKind.values()));
            SplittableRandom random = new SplittableRandom(11);
            while (sample.size() < Math.min(SAMPLED, pairs.size())) {
                String pair = pairs.get(random.nextInt(pairs.size()));
                if (!sample.contains(pair)) {
                    sample.add(pair);
                }
            }
            // and pairs the whole-graph derivation drew nothing for
            List<String> authorities = subjects(reference, "hasJurisdiction");
            List<String> services = subjects(reference, "providedBy");
            int withoutRoutes = 0;
            for (int tries = 0; withoutRoutes < SAMPLED / 4 && tries < 1000; tries++) {
                String pair = authorities.get(random.nextInt(authorities.size())) + " " + services.get(random.nextInt(services.size()));
                if (!expected.containsKey(pair) && !sample.contains(pair)) {
                    sample.add(pair);
                    withoutRoutes++;
                }
            }
            assertEquals(SAMPLED / 4, withoutRoutes);
            for (String pair : sample) {
                String[] parts = pair.split(" ");
                List<AccessRoute> got = onDemand.access(parts[0], parts[1], Optional.of(DATE), true).routes();
                assertEquals(expected.getOrDefault(pair, new TreeSet<>()), got.stream().map(OnDemandRoutesTest::summary)
                        .collect(Collectors.toCollection(TreeSet::new)), pair);
            }
        }
    }

    /** "AUTHORITY SERVICE" to the summaries of the routes the whole-graph run drew for that pair at the date. */
    private static TreeMap<String, TreeSet<String>> referenceRoutes(Graph inferred, Graph all) {
        Node asOf = NodeFactory.createLiteralDT(DATE.toString(), XSDDatatype.XSDdate);
        TreeMap<String, TreeSet<String>> routes = new TreeMap<>();
        inferred.find(Node.ANY, ckg("asOf"), asOf).forEachRemaining(t -> {
            Node route = t.getSubject();
            String pair = one(inferred, route, "authority") + " " + one(inferred, route, "routeService");
            String summary = String.join(" ", route.getURI(), local(one(inferred, route, "routeGrade")),
                    local(one(inferred, route, "routeStatus")), list(inferred, route, ckg("obstacle")),
                    list(inferred, route, ckg("routeContext")), list(inferred, route, ckg("restsOnPresumption")),
                    list(inferred, route, NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom")));
            routes.computeIfAbsent(pair, k -> new TreeSet<>()).add(summary);
        });
        return routes;
    }

    private static List<String> subjects(CustodyGraph graph, String property) {
        return Txn.calculateRead(graph.dataset(), () -> graph.dataset().asDatasetGraph().getUnionGraph()
                .find(Node.ANY, ckg(property), Node.ANY).mapWith(t -> t.getSubject().getURI()).toList()
                .stream().distinct().sorted().toList());
    }

    private static String kind(String routeSummary) {
        String iri = routeSummary.split(" ")[0];
        return iri.replaceAll("^.*/route-([A-Za-z]+-[A-Za-z]+)-.*$", "$1") + (iri.contains("-via-") ? "-via" : "");
    }

    private static String summary(AccessRoute r) {
        return String.join(" ", r.iri(), local(r.grade().iri()), local(r.status().iri()), facts(r.obstacles()),
                facts(r.context()), r.presumptions().stream().map(Entity::iri).sorted().toList().toString(), facts(r.explanation()));
    }

    private static String facts(List<Evidence> evidence) {
        return evidence.stream().map(e -> e.fact().iri()).sorted().toList().toString();
    }

    private static String one(Graph graph, Node subject, String property) {
        return graph.find(subject, ckg(property), Node.ANY).next().getObject().getURI();
    }

    private static String list(Graph graph, Node subject, Node property) {
        return graph.find(subject, property, Node.ANY).mapWith(t -> t.getObject().getURI()).toList().stream()
                .sorted(Comparator.naturalOrder()).toList().toString();
    }

    private static String local(String iri) {
        return iri.replaceAll("^.*[/#]", "");
    }

    private static Node ckg(String localName) {
        return NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + localName);
    }
}

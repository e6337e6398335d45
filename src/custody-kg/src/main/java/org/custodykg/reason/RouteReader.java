package org.custodykg.reason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.custodykg.AccessRoute;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;
import org.custodykg.Entity;
import org.custodykg.Evidence;

/** Reads a derived route node back into an {@link AccessRoute} (inside a read transaction). */
final class RouteReader {
    private static final Node WAS_DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    private static final String RULE_PREFIX = CustodyKg.ID_BASE + "rule/";
    private final Graph view;
    private final Names names;
    private final LocalDate asOf;

    /** @param view the data with the question's conclusions layered over it */
    RouteReader(Graph view, Names names, LocalDate asOf) {
        this.view = view;
        this.names = names;
        this.asOf = asOf;
    }

    AccessRoute read(Node route) {
        return new AccessRoute(route.getURI(), one(route, "routeKind"), one(route, "routeGrade"),
                terms(route, "restsOnPresumption"), one(route, "routeStatus"), asOf,
                one(route, "authority"), one(route, "routeService"),
                terms(route, "routeDataCategory").stream().findFirst(), one(route, "routeUsersIn"),
                carrier(route), terms(route, "dataCustodian"), terms(route, "routeKeyHolder"),
                terms(route, "dataLocation"), terms(route, "keyLocation"), terms(route, "involvesJurisdiction"),
                terms(route, "routeInstrument"), terms(route, "reviewingAuthority"), terms(route, "relayingAuthority"),
                evidence(route, AccessPaths.ckg("obstacle")), evidence(route, AccessPaths.ckg("possibleObstacle")),
                terms(route, "lawInForce"), evidence(route, AccessPaths.ckg("routeContext")),
                evidence(route, WAS_DERIVED_FROM), ruleNames(route));
    }

    private Optional<Entity> carrier(Node route) {
        return objects(route, AccessPaths.ckg("reachedThrough")).stream().findFirst()
                .map(carrier -> new Entity(carrier.getURI(), "the route to " + one(carrier, "routeService").label()));
    }

    private Entity one(Node route, String property) {
        List<Entity> values = terms(route, property);
        if (values.size() != 1) {
            throw new DataException("the rules drew " + values.size() + " values of ckg:" + property + " for " + route
                    + " (by " + String.join(", ", ruleNames(route)) + "), but a route needs exactly one (see rules/README.md)");
        }
        return values.get(0);
    }

    private List<Entity> terms(Node subject, String property) {
        return objects(subject, AccessPaths.ckg(property)).stream().map(this::term)
                .sorted(Comparator.comparing(Entity::label).thenComparing(Entity::iri)).toList();
    }

    private List<Evidence> evidence(Node route, Node property) {
        List<Evidence> found = new ArrayList<>();
        for (Node fact : objects(route, property)) {
            Optional<Node> source = objects(fact, AccessPaths.ckg("source")).stream().findFirst();
            String quotation = objects(fact, AccessPaths.ckg("evidence")).stream()
                    .map(Node::getLiteralLexicalForm).findFirst().orElse("");
            found.add(new Evidence(term(fact), source.map(this::term).orElse(null), quotation));
        }
        found.sort(Comparator.comparing((Evidence e) -> e.fact().iri()));
        return found;
    }

    private List<String> ruleNames(Node route) {
        return objects(route, AccessPaths.ckg("derivedBy")).stream()
                .map(rule -> rule.getURI().substring(RULE_PREFIX.length())).sorted().toList();
    }

    private List<Node> objects(Node subject, Node property) {
        return view.find(subject, property, Node.ANY).mapWith(t -> t.getObject()).toList();
    }

    private Entity term(Node node) {
        return new Entity(node.getURI(), names.label(node));
    }
}

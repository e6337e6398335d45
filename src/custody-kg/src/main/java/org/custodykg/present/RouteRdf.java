package org.custodykg.present;

import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.custodykg.AccessAnswer;
import org.custodykg.AccessRoute;
import org.custodykg.CustodyKg;
import org.custodykg.Entity;
import org.custodykg.Evidence;

/**
 * An access answer as RDF: each route node with the same properties the rules draw (kind, grade,
 * presumptions, status, parts, obstacles, context, provenance), so the RDF says what the table says.
 */
public final class RouteRdf {
    private static final Node WAS_DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");

    private RouteRdf() {}

    /** A new graph with the project's prefixes and {@code inferred:} for the route nodes. */
    public static Graph of(AccessAnswer answer) {
        Graph out = GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefixes(CustodyKg.prefixes());
        out.getPrefixMapping().setNsPrefix("inferred", CustodyKg.ID_BASE + "inferred/");
        answer.routes().forEach(route -> add(out, route));
        return out;
    }

    private static void add(Graph out, AccessRoute r) {
        Node route = NodeFactory.createURI(r.iri());
        out.add(route, RDF.type.asNode(), ckg("AccessRoute"));
        one(out, route, "routeKind", r.kind());
        one(out, route, "routeGrade", r.grade());
        all(out, route, "restsOnPresumption", r.presumptions());
        one(out, route, "routeStatus", r.status());
        out.add(route, ckg("asOf"), NodeFactory.createLiteralDT(r.asOf().toString(), XSDDatatype.XSDdate));
        one(out, route, "authority", r.authority());
        one(out, route, "routeService", r.service());
        all(out, route, "routeDataCategory", r.dataCategory().stream().toList());
        one(out, route, "routeUsersIn", r.usersIn());
        all(out, route, "reachedThrough", r.reachedThrough().stream().toList());
        all(out, route, "dataCustodian", r.dataCustodians());
        all(out, route, "routeKeyHolder", r.keyHolders());
        all(out, route, "dataLocation", r.dataLocations());
        all(out, route, "keyLocation", r.keyLocations());
        all(out, route, "involvesJurisdiction", r.jurisdictions());
        all(out, route, "routeInstrument", r.instruments());
        all(out, route, "reviewingAuthority", r.reviewingAuthorities());
        all(out, route, "relayingAuthority", r.relayingAuthorities());
        facts(out, route, ckg("obstacle"), r.obstacles());
        facts(out, route, ckg("possibleObstacle"), r.possibleObstacles());
        all(out, route, "lawInForce", r.lawsInForce());
        facts(out, route, ckg("routeContext"), r.context());
        facts(out, route, WAS_DERIVED_FROM, r.explanation());
        r.rules().forEach(rule -> out.add(route, ckg("derivedBy"), NodeFactory.createURI(CustodyKg.ID_BASE + "rule/" + rule)));
    }

    private static void one(Graph out, Node route, String property, Entity value) {
        all(out, route, property, List.of(value));
    }

    private static void all(Graph out, Node route, String property, List<Entity> values) {
        values.forEach(v -> out.add(route, ckg(property), v.node()));
    }

    private static void facts(Graph out, Node route, Node property, List<Evidence> facts) {
        facts.forEach(e -> out.add(route, property, e.fact().node()));
    }

    private static Node ckg(String localName) {
        return NodeFactory.createURI(CustodyKg.ONTOLOGY_NS + localName);
    }
}

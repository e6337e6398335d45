package org.custodykg.reason;

import org.custodykg.Entity;
import org.custodykg.AccessRoute;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;

/**
 * Answers "can authority A obtain service S's data — and how?": derives the rules' conclusions for the
 * date (see {@link ForwardChainer}) without keeping them, and reads back the routes drawn for A and S,
 * each with the facts it rests on.
 *
 * <pre>{@code
 * List<AccessRoute> routes = AccessPaths.access(graph, "Hong Kong", "iCloud", Optional.of(LocalDate.of(2020, 7, 7)));
 * }</pre>
 */
public final class AccessPaths {
    private static final String CKG = CustodyKg.ONTOLOGY_NS;
    private static final Node AUTHORITY = ckg("authority");

    private AccessPaths() {}

    /** The earliest date that may be asked about. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The latest date that may be asked about. */
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /**
     * The routes found for one question, and their description: every triple about each route node
     * (derived for that date only, never stored in the dataset), for RDF output.
     */
    public record Routes(List<AccessRoute> routes, Graph description) {}

    /**
     * The routes from an authority to a service's data, as of a date. Asking never grows or writes the
     * dataset: the date's conclusions are derived into a scratch graph for this call only (see
     * {@link ForwardChainer}); an in-memory graph gets its date-independent conclusions materialised once,
     * on the first call ({@link CustodyGraph#materialiseInferred()}), a TDB2 store never from here.
     *
     * @param authority an authority's name or IRI ("Hong Kong law enforcement"), or a jurisdiction's
     *     ("Hong Kong", "Hong Kong authorities", "China"), meaning every authority whose jurisdiction is
     *     that place or lies within it: the rule of every parameter ({@link CustodyGraph#resolveAll})
     * @param service a service's name or IRI ("iCloud")
     * @param asOf the date to consider, from {@link #EARLIEST} to {@link #LATEST}; today (UTC) when empty
     * @return the routes, sorted by authority, kind, data category, users' region; empty when none
     * @throws ArgumentException naming the parameter when a name matches nothing, or several things, or
     *     the date is out of range
     */
    public static List<AccessRoute> access(CustodyGraph graph, String authority, String service, Optional<LocalDate> asOf) {
        return routes(graph, authority, service, asOf).routes();
    }

    /** As {@link #access}, with the routes' triples. */
    public static Routes routes(CustodyGraph graph, String authority, String service, Optional<LocalDate> asOf) {
        LocalDate date = checkDate("asOf", asOf.orElseGet(() -> LocalDate.now(ZoneOffset.UTC)));
        List<Node> authorities = graph.resolveAll("authority", authority, CKG + "GovernmentBody");
        Node serviceNode = graph.resolveAll("service", service, CKG + "Service").get(0); // one: a service stands only for itself
        if (!ForwardChainer.isStore(graph.dataset())) {
            graph.materialiseInferred();
        }
        Graph scratch = ForwardChainer.derive(graph.dataset(), RuleSet.forLayout(graph.layout()), date);
        Node dateNode = NodeFactory.createLiteralDT(date.toString(), XSDDatatype.XSDdate);
        return Txn.calculateRead(graph.dataset(), () -> {
            Graph inferred = new Union(graph.dataset().asDatasetGraph().getGraph(ForwardChainer.INFERRED), scratch);
            RouteReader reader = new RouteReader(graph, new Union(ForwardChainer.union(graph.dataset()), scratch), date);
            List<AccessRoute> routes = new ArrayList<>();
            Graph description = GraphFactory.createDefaultGraph();
            for (Node who : authorities) {
                inferred.find(Node.ANY, AUTHORITY, who).forEachRemaining(t -> {
                    Node route = t.getSubject();
                    if (inferred.contains(route, ckg("routeService"), serviceNode) && inferred.contains(route, ckg("asOf"), dateNode)) {
                        routes.add(reader.read(route));
                        inferred.find(route, Node.ANY, Node.ANY).forEachRemaining(description::add);
                    }
                });
            }
            routes.sort(Comparator.comparing((AccessRoute r) -> r.authority().label())
                    .thenComparing(r -> r.kind().label())
                    .thenComparing(r -> r.dataCategory().map(Entity::label).orElse(""))
                    .thenComparing(r -> r.usersIn().label())
                    .thenComparing(AccessRoute::iri));
            return new Routes(List.copyOf(routes), description);
        });
    }

    /**
     * Checks a date asked about is from {@link #EARLIEST} to {@link #LATEST}.
     *
     * @param parameter the parameter's name, for the message ("asOf", "--as-of")
     * @return the date
     * @throws ArgumentException naming the parameter when it is out of range
     */
    public static LocalDate checkDate(String parameter, LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new ArgumentException(parameter, "expected a date from " + EARLIEST + " to " + LATEST
                    + ", but got '" + date + "'");
        }
        return date;
    }

    static Node ckg(String localName) {
        return NodeFactory.createURI(CKG + localName);
    }
}

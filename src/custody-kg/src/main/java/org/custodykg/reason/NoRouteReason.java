package org.custodykg.reason;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.custodykg.AccessRoute;
import org.custodykg.Entity;

/**
 * Why an answer has no route that lets the data through: end-to-end encryption (a no-route conclusion),
 * no data held (no source says where the service's data is, who holds its keys or who runs it), or no
 * channel known; and how many assumed routes were left out.
 */
final class NoRouteReason {
    private static final List<String> DATA_FACTS = List.of("KeyCustody", "DataStorage", "ServiceOperation", "DataBackup");

    private NoRouteReason() {}

    /** Empty when some route is open or blocked; read inside a read transaction over the data. */
    static Optional<String> of(List<AccessRoute> shown, int assumedLeftOut, Entity authority, Entity service, Graph data) {
        List<AccessRoute> closed = shown.stream().filter(r -> r.kind().iri().endsWith("#NoRoute")).toList();
        if (closed.size() < shown.size()) {
            return Optional.empty();
        }
        String why;
        if (!closed.isEmpty()) {
            why = "end-to-end encryption: only " + closed.stream().flatMap(r -> r.keyHolders().stream()).map(Entity::label)
                    .distinct().collect(Collectors.joining(", ")) + " hold the keys to "
                    + closed.stream().map(r -> r.dataCategory().map(Entity::label).orElse("the data") + " of users in "
                            + r.usersIn().label()).distinct().collect(Collectors.joining("; "));
        } else if (!holdsData(data, service.node())) {
            why = "no data held: no source says where " + service.label() + "'s data is kept, who holds its keys or who runs it";
        } else {
            why = "no channel known: no source states a channel from " + authority.label() + " to " + service.label()
                    + " or its provider, and none of its data or keys are known to lie in that authority's jurisdiction";
        }
        String leftOut = assumedLeftOut == 0 ? "" : "; " + assumedLeftOut + (assumedLeftOut == 1 ? " assumed route was" : " assumed routes were")
                + " left out";
        return Optional.of("no route: " + why + leftOut);
    }

    private static boolean holdsData(Graph data, Node service) {
        return data.find(Node.ANY, AccessPaths.ckg("service"), service).mapWith(t -> t.getSubject())
                .filterKeep(fact -> DATA_FACTS.stream().anyMatch(type -> AccessPaths.isA(data, fact, type))).hasNext();
    }
}

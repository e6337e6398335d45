package org.custodykg.present;

import org.custodykg.Entity;
import org.custodykg.AccessRoute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws access routes as a diagram: each authority points to its route (door, grade and status), the
 * route to whoever reviews, relays or holds what it reaches, and every holder to where the data or keys lie.
 */
public final class RouteDiagram {
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();
    private final boolean dot;

    private RouteDiagram(boolean dot) {
        this.dot = dot;
    }

    /** Graphviz DOT text ({@code dot -Tsvg} draws it). */
    public static String dot(List<AccessRoute> routes) {
        return new RouteDiagram(true).draw(routes);
    }

    /** Mermaid flowchart text. */
    public static String mermaid(List<AccessRoute> routes) {
        return new RouteDiagram(false).draw(routes);
    }

    private String draw(List<AccessRoute> routes) {
        out.append(dot ? "digraph access {\n  rankdir=LR;\n  node [shape=box];\n" : "flowchart LR\n");
        for (AccessRoute route : routes) {
            String routeLabel = route.kind().label() + " (" + route.grade().label() + ", " + route.status().label() + ")\\n" + route.service().label()
                    + ", " + route.dataCategory().map(Entity::label).orElse("any data") + " of users in " + route.usersIn().label();
            String routeId = node(route.iri(), routeLabel);
            edge(node(route.authority().iri(), route.authority().label()), routeId, "seeks");
            route.reviewingAuthorities().forEach(t -> edge(routeId, node(t.iri(), t.label()), "reviewed by"));
            route.relayingAuthorities().forEach(t -> edge(routeId, node(t.iri(), t.label()), "routed via"));
            route.reachedThrough().ifPresent(t -> edge(routeId, node(t.iri(), t.label()), "through"));
            route.instruments().forEach(t -> edge(routeId, node(t.iri(), t.label()), "under"));
            route.dataCustodians().forEach(t -> {
                edge(routeId, node(t.iri(), t.label()), "data held by");
                route.dataLocations().forEach(p -> edge(node(t.iri(), t.label()), node(p.iri(), p.label()), "data in"));
            });
            route.keyHolders().forEach(t -> {
                edge(routeId, node(t.iri(), t.label()), "keys held by");
                route.keyLocations().forEach(p -> edge(node(t.iri(), t.label()), node(p.iri(), p.label()), "keys in"));
            });
            route.obstacles().forEach(e -> edge(node(e.fact().iri(), e.fact().label()), routeId, "blocks"));
        }
        return out.append(dot ? "}\n" : "").toString();
    }

    private String node(String iri, String label) {
        String id = ids.get(iri);
        if (id == null) {
            id = "n" + ids.size();
            ids.put(iri, id);
            String text = label.replace("\"", "'");
            out.append(dot ? "  " + id + " [label=\"" + text + "\"];\n" : "  " + id + "[\"" + text.replace("\\n", "<br/>") + "\"]\n");
        }
        return id;
    }

    private void edge(String from, String to, String label) {
        out.append(dot ? "  " + from + " -> " + to + " [label=\"" + label + "\"];\n" : "  " + from + " -->|" + label + "| " + to + "\n");
    }
}

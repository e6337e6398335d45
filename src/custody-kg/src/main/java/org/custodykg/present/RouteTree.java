package org.custodykg.present;

import java.util.List;
import org.custodykg.AccessAnswer;
import org.custodykg.AccessRoute;
import org.custodykg.Entity;
import org.custodykg.Evidence;

/** An access answer as an indented tree per route: what it rests on, with sources and quotations. */
public final class RouteTree {
    private RouteTree() {}

    /** The tree text: the notes, then each route and a blank line. */
    public static String of(AccessAnswer answer) {
        StringBuilder out = new StringBuilder();
        answer.notes().forEach(note -> out.append(note).append('\n'));
        out.append('\n');
        for (AccessRoute r : answer.routes()) {
            out.append(r.authority().label()).append(" -> ").append(r.service().label()).append(", ")
                    .append(r.dataCategory().map(Entity::label).orElse("any data")).append(" of users in ")
                    .append(r.usersIn().label()).append(", as of ").append(r.asOf()).append(": ")
                    .append(r.kind().label()).append(", ").append(r.status().label()).append(", ")
                    .append(r.grade().label()).append('\n');
            line(out, "route", List.of(new Entity(r.iri(), r.iri())));
            line(out, "presumption (stated by no source)", r.presumptions());
            r.reachedThrough().ifPresent(carrier -> line(out, "reached through", List.of(carrier)));
            line(out, "data held by", r.dataCustodians());
            line(out, "data stored in", r.dataLocations());
            line(out, "keys held by", r.keyHolders());
            line(out, "keys stored in", r.keyLocations());
            line(out, "instrument", r.instruments());
            line(out, "reviewed by", r.reviewingAuthorities());
            line(out, "routed via", r.relayingAuthorities());
            line(out, "jurisdictions", r.jurisdictions());
            line(out, "laws in force", r.lawsInForce());
            facts(out, "obstacles in force", r.obstacles());
            facts(out, "possible obstacles (announcement window open)", r.possibleObstacles());
            out.append("  derived by rules: ").append(String.join(", ", r.rules())).append('\n');
            facts(out, "because", r.explanation());
            facts(out, "context (company-wide, not a premise)", r.context());
            facts(out, "disputed (the sources give different values: custody ask conflicts)", answer.disputed(r));
            out.append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String name, List<Entity> values) {
        if (!values.isEmpty()) {
            out.append("  ").append(name).append(": ").append(RouteTable.labels(values)).append('\n');
        }
    }

    private static void facts(StringBuilder out, String heading, List<Evidence> facts) {
        if (facts.isEmpty()) {
            return;
        }
        out.append("  ").append(heading).append(":\n");
        for (Evidence e : facts) {
            out.append("    - ").append(e.fact().label()).append(" [").append(e.fact().shortForm()).append("]\n");
            out.append("        source: ").append(e.source() == null ? "(none)" : e.source().label()).append('\n');
            out.append("        \"").append(e.quotation()).append("\"\n");
        }
    }
}

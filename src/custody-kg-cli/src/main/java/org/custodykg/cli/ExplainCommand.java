package org.custodykg.cli;

import org.custodykg.Entity;
import java.io.PrintWriter;
import java.util.List;
import org.custodykg.AccessRoute;
import org.custodykg.Evidence;
import picocli.CommandLine.Command;

/** {@code custody explain}: each route as an indented tree of what it rests on, with sources and quotations. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Why: the chain of facts behind each route, with the source and the words quoted.")
public final class ExplainCommand extends AccessOptions {
    @Override
    void print(List<AccessRoute> routes, PrintWriter out) {
        out.print(tree(routes));
    }

    static String tree(List<AccessRoute> routes) {
        StringBuilder out = new StringBuilder();
        for (AccessRoute r : routes) {
            out.append(r.authority().label()).append(" -> ").append(r.service().label()).append(", ")
                    .append(r.dataCategory().map(Entity::label).orElse("any data")).append(" of users in ")
                    .append(r.usersIn().label()).append(", as of ").append(r.asOf()).append(": ")
                    .append(r.kind().label()).append(", ").append(r.status().label()).append('\n');
            line(out, 1, "route", List.of(new Entity(r.iri(), r.iri())));
            line(out, 1, "data held by", r.dataCustodians());
            line(out, 1, "data stored in", r.dataLocations());
            line(out, 1, "keys held by", r.keyHolders());
            line(out, 1, "keys stored in", r.keyLocations());
            line(out, 1, "instrument", r.instruments());
            line(out, 1, "reviewed by", r.reviewingAuthorities());
            line(out, 1, "jurisdictions", r.jurisdictions());
            line(out, 1, "laws in force", r.lawsInForce());
            facts(out, "obstacles in force", r.obstacles());
            facts(out, "possible obstacles (announcement window open)", r.possibleObstacles());
            out.append("  derived by rules: ").append(String.join(", ", r.rules())).append('\n');
            facts(out, "because", r.explanation());
            out.append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, int depth, String name, List<Entity> values) {
        if (!values.isEmpty()) {
            out.append("  ".repeat(depth)).append(name).append(": ").append(AccessCommand.labels(values)).append('\n');
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

package org.custodykg.present;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.custodykg.AccessAnswer;
import org.custodykg.AccessRoute;
import org.custodykg.Entity;
import org.custodykg.Evidence;

/** An access answer as a plain-text table: the notes, one row per route, and the count. */
public final class RouteTable {
    private static final String[] HEADER = {"authority", "grade", "route", "status", "data", "users in", "through",
        "data held by", "keys held by", "instrument", "reviewed by", "routed via", "obstacles", "presumption"};

    private RouteTable() {}

    /** The table text, ending with a newline. */
    public static String of(AccessAnswer answer) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (AccessRoute r : answer.routes()) {
            rows.add(new String[] {r.authority().label(), r.grade().label(), r.kind().label(), r.status().label(),
                r.dataCategory().map(Entity::label).orElse("any"), r.usersIn().label(),
                r.reachedThrough().map(Entity::label).orElse(""), labels(r.dataCustodians()), labels(r.keyHolders()),
                labels(r.instruments()), labels(r.reviewingAuthorities()), labels(r.relayingAuthorities()),
                r.obstacles().stream().map(Evidence::fact).map(Entity::label).collect(Collectors.joining("; ")),
                labels(r.presumptions())});
        }
        StringBuilder out = new StringBuilder();
        answer.notes().forEach(note -> out.append(note).append('\n'));
        if (answer.routes().isEmpty()) {
            return out.append("0 routes\n").toString();
        }
        int[] widths = new int[HEADER.length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < widths.length; i++) {
                cells.add(String.format("%-" + widths[i] + "s", rows.get(r)[i]));
            }
            out.append(String.join(" | ", cells).stripTrailing()).append('\n');
            if (r == 0) {
                cells.replaceAll(c -> "-".repeat(c.length()));
                out.append(String.join("-+-", cells)).append('\n');
            }
        }
        int count = answer.routes().size();
        return out.append(count).append(count == 1 ? " route\n" : " routes\n").toString();
    }

    static String labels(List<Entity> terms) {
        return terms.stream().map(Entity::label).collect(Collectors.joining(", "));
    }
}

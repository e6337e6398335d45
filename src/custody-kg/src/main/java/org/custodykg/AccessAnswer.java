package org.custodykg;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The answer to "can this authority obtain this service's data, and how?": the routes, the date they are
 * for and why that date, and, when no route lets the data through, why not.
 *
 * @param authority what was asked for: an authority, or a jurisdiction's authorities
 * @param service the service
 * @param asOf the date considered
 * @param newestSource the issue date of the newest source document in the graph, if any has one
 * @param dateNote how the date relates to the sources: "as of 2020-07-07, the newest source", or, for a
 *     date after it, that later events are not in the graph
 * @param assumptions true when assumed routes were asked for and are among {@link #routes()}
 * @param routes the routes, sorted by authority, grade, kind, data category, users' region
 * @param assumedLeftOut how many assumed routes were left out (0 when they were asked for)
 * @param noRoute when no route is open or blocked: why (no channel known, end-to-end encryption, no
 *     data held), in plain words; empty otherwise
 */
public record AccessAnswer(
        Entity authority, Entity service, LocalDate asOf, Optional<LocalDate> newestSource, String dateNote,
        boolean assumptions, List<AccessRoute> routes, int assumedLeftOut, Optional<String> noRoute) {

    /** Defensive copy. */
    public AccessAnswer {
        routes = List.copyOf(routes);
    }

    /**
     * The lines to print with the routes: the date note, then why there is no route, or else how many
     * assumed routes were left out, if any.
     */
    public List<String> notes() {
        if (noRoute.isPresent()) {
            return List.of(dateNote, noRoute.get());
        }
        if (assumedLeftOut > 0) {
            return List.of(dateNote, assumedLeftOut + (assumedLeftOut == 1 ? " assumed route was" : " assumed routes were")
                    + " left out (ask for assumptions to see " + (assumedLeftOut == 1 ? "it" : "them") + ")");
        }
        return List.of(dateNote);
    }
}

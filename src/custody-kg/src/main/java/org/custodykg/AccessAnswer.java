package org.custodykg;


import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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
 * @param disputedFacts the IRIs of the facts on which sources give different values (the conflicts
 *     question); a route resting on one of them says so ({@link #disputed(AccessRoute)})
 */
public record AccessAnswer(
        Entity authority, Entity service, LocalDate asOf, Optional<LocalDate> newestSource, String dateNote,
        boolean assumptions, List<AccessRoute> routes, int assumedLeftOut, Optional<String> noRoute,
        Set<String> disputedFacts) {

    /** Defensive copy. */
    public AccessAnswer {
        routes = List.copyOf(routes);
        disputedFacts = Set.copyOf(disputedFacts);
    }

    /** An answer none of whose facts is known to be disputed. */
    public AccessAnswer(Entity authority, Entity service, LocalDate asOf, Optional<LocalDate> newestSource, String dateNote,
                        boolean assumptions, List<AccessRoute> routes, int assumedLeftOut, Optional<String> noRoute) {
        this(authority, service, asOf, newestSource, dateNote, assumptions, routes, assumedLeftOut, noRoute, Set.of());
    }

    /** The same answer, knowing which facts the sources disagree on. */
    public AccessAnswer withDisputedFacts(Set<String> facts) {
        return new AccessAnswer(authority, service, asOf, newestSource, dateNote, assumptions, routes, assumedLeftOut,
                noRoute, facts);
    }

    /**
     * The facts the route rests on (its explanation, obstacles and possible obstacles) or is set in (its
     * context) on which sources disagree, in that order, each once.
     */
    public List<Evidence> disputed(AccessRoute route) {
        Map<String, Evidence> found = new LinkedHashMap<>();
        Stream.of(route.explanation(), route.obstacles(), route.possibleObstacles(), route.context())
                .flatMap(List::stream)
                .filter(e -> disputedFacts.contains(e.fact().iri()))
                .forEach(e -> found.putIfAbsent(e.fact().iri(), e));
        return List.copyOf(found.values());
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

package org.custodykg;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One conclusion: whether and how an authority can obtain a category of a service's data of users in a
 * region, as of a date, how far it rests on what the sources say, and everything it rests on. Lists are
 * sorted by label; absent values are empty.
 *
 * @param iri the derived route node (derived for the question, never stored)
 * @param kind the door: direct, through a local operator, through a treaty or a foreign government, or
 *     no route
 * @param grade stated (a source states the channel), derived (it follows from stated facts about this
 *     very service, users and place) or assumed (it rests on a {@link #presumptions() presumption})
 * @param presumptions for an assumed route, the general presumptions it rests on, in plain words (the
 *     entity's label); empty otherwise
 * @param status open, blocked (an obstacle is in force) or closed (no route)
 * @param asOf the date considered
 * @param authority the authority seeking the data
 * @param service the service
 * @param dataCategory the category of data, when the facts name one
 * @param usersIn where the users live
 * @param reachedThrough the route to another service whose data holds this service's (iCloud back-ups
 *     of Messages chats): its IRI, labelled "the route to SERVICE"
 * @param dataCustodians who holds the data
 * @param keyHolders who holds the keys
 * @param dataLocations where the data is stored
 * @param keyLocations where the keys are stored
 * @param jurisdictions the jurisdictions the route passes through
 * @param instruments the law or treaty requests are made under
 * @param reviewingAuthorities the other state's body that reviews each request
 * @param relayingAuthorities the other state's government each request has to go via
 * @param obstacles facts in force at the date that stand in the way
 * @param possibleObstacles stances that may have been announced by the date (inside their window)
 * @param lawsInForce laws ruling the users' or authority's jurisdiction proven in force at the date
 * @param context company-level facts shown beside the route, never premises of it (transparency figures)
 * @param explanation every fact the conclusion rests on, with source and quotation
 * @param rules the rules that drew it ({@code FOLDER/NAME})
 */
public record AccessRoute(
        String iri, Entity kind, Entity grade, List<Entity> presumptions, Entity status, LocalDate asOf,
        Entity authority, Entity service, Optional<Entity> dataCategory, Entity usersIn,
        Optional<Entity> reachedThrough, List<Entity> dataCustodians, List<Entity> keyHolders,
        List<Entity> dataLocations, List<Entity> keyLocations, List<Entity> jurisdictions, List<Entity> instruments,
        List<Entity> reviewingAuthorities, List<Entity> relayingAuthorities, List<Evidence> obstacles,
        List<Evidence> possibleObstacles, List<Entity> lawsInForce, List<Evidence> context,
        List<Evidence> explanation, List<String> rules) {

    /** Defensive copies: the route cannot change once built. */
    public AccessRoute {
        presumptions = List.copyOf(presumptions);
        dataCustodians = List.copyOf(dataCustodians);
        keyHolders = List.copyOf(keyHolders);
        dataLocations = List.copyOf(dataLocations);
        keyLocations = List.copyOf(keyLocations);
        jurisdictions = List.copyOf(jurisdictions);
        instruments = List.copyOf(instruments);
        reviewingAuthorities = List.copyOf(reviewingAuthorities);
        relayingAuthorities = List.copyOf(relayingAuthorities);
        obstacles = List.copyOf(obstacles);
        possibleObstacles = List.copyOf(possibleObstacles);
        lawsInForce = List.copyOf(lawsInForce);
        context = List.copyOf(context);
        explanation = List.copyOf(explanation);
        rules = List.copyOf(rules);
    }

    /** True when the authority can obtain the data at the date: the route is open. */
    public boolean open() {
        return status.iri().endsWith("#RouteOpen");
    }

    /** True when the route rests on a presumption no source states (shown only when asked for). */
    public boolean assumed() {
        return grade.iri().endsWith("#Assumed");
    }
}

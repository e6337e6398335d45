package org.custodykg;

import java.util.Optional;

/**
 * Where a service stores which data, for users in which region, and whose law rules it: one
 * data-storage fact.
 *
 * @param service the service that stores the data
 * @param dataCategory the data stored ("user files"), if stated
 * @param usersIn the region of the users whose data it is, if stated
 * @param storedIn the place the data is stored (a jurisdiction or a data centre)
 * @param controller the organisation controlling the place, when it is a data centre with a known controller
 * @param jurisdiction the place itself when it is a jurisdiction, else the innermost jurisdiction it lies in
 * @param fact the fact node itself, for its evidence and source
 */
public record Storage(Entity service, Optional<String> dataCategory, Optional<Entity> usersIn, Entity storedIn,
        Optional<Entity> controller, Optional<Entity> jurisdiction, Entity fact) {
}

package org.custodykg;

import java.util.Optional;

/**
 * Who holds the keys to a service's data, and where the keys are kept: one key-custody fact.
 *
 * @param service the service whose data is encrypted
 * @param dataCategory the data the fact covers ("cloud account data"), if stated
 * @param usersIn the region of the users the fact is about, if stated
 * @param encryption the encryption scheme ("encryption with provider-held keys"), if stated
 * @param keyHolder who holds the keys, if stated
 * @param keysStoredIn where the keys are kept, if stated (absent for end-to-end keys on users' devices)
 * @param fact the fact node itself, for its evidence and source
 */
public record KeyCustody(Entity service, Optional<String> dataCategory, Optional<Entity> usersIn,
        Optional<String> encryption, Optional<Entity> keyHolder, Optional<Entity> keysStoredIn, Entity fact) {
}

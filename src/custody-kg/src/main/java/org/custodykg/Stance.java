package org.custodykg;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A firm's stance toward an authority's data requests (a pause, an assessment, a refusal, compliance).
 * The source gives the announcement only as a window of dates and in its own words.
 *
 * @param firm the firm that takes the stance
 * @param stanceType the kind of stance ("pause", "assessment"), if stated
 * @param authority the authority whose requests the stance is about
 * @param announcedNoEarlierThan the earliest date the stance can have been announced, if known
 * @param announcedNoLaterThan the latest date the stance can have been announced, if known
 * @param timeAsStated the source's own words for when ("in the past"), if any
 * @param provisional true when the firm says the stance holds only for now; false when the source does not say so
 * @param fact the fact node itself, for its evidence and source
 */
public record Stance(Entity firm, Optional<String> stanceType, Entity authority,
        Optional<LocalDate> announcedNoEarlierThan, Optional<LocalDate> announcedNoLaterThan,
        Optional<String> timeAsStated, boolean provisional, Entity fact) {
}

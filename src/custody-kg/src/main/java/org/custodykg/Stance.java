package org.custodykg;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A firm's stance toward an authority's data requests (a pause, an assessment, a refusal, compliance), or
 * toward a market and no authority (a market exit, no plans to offer a service, monitoring its
 * developments). The source gives the announcement only as a window of dates and in its own words.
 *
 * @param firm the firm that takes the stance
 * @param stanceType the kind of stance ("pause", "assessment", "market exit"), if stated
 * @param authority the authority whose requests the stance is about; empty for a stance toward a market
 * @param region the region or market the stance concerns, if the source says
 * @param service the one service the stance is limited to, if the source says
 * @param announcedNoEarlierThan the earliest date the stance can have been announced, if known
 * @param announcedNoLaterThan the latest date the stance can have been announced, if known
 * @param timeAsStated the source's own words for when ("in the past"), if any
 * @param provisional true when the firm says the stance holds only for now; false when the source does not say so
 * @param planned true when the stance is announced as a plan not yet carried out ("plans to exit")
 * @param fact the fact node itself, for its evidence and source
 */
public record Stance(Entity firm, Optional<String> stanceType, Optional<Entity> authority, Optional<Entity> region,
        Optional<Entity> service, Optional<LocalDate> announcedNoEarlierThan, Optional<LocalDate> announcedNoLaterThan,
        Optional<String> timeAsStated, boolean provisional, boolean planned, Entity fact) {
}

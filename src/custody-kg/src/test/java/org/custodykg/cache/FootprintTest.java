package org.custodykg.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.NodeFactory;
import org.custodykg.Entity;
import org.junit.jupiter.api.Test;

/** The size estimate that caches weigh their entries by, worked out by hand for each kind of value. */
class FootprintTest {
    private record Pair(String name, Optional<LocalDate> when, int count) {}

    @Test
    void textTermsAndBytesCountTheirLength() {
        assertEquals(0, Footprint.of((Object) null));
        assertEquals(40 + 6, Footprint.of("iCloud"));
        assertEquals(16 + 1000, Footprint.of(new byte[1000]));
        assertEquals(48 + "https://w3id.org/custody-kg/id/service/icloud".length(),
                Footprint.of(NodeFactory.createURI("https://w3id.org/custody-kg/id/service/icloud")));
        assertEquals(48 + 9 + 2, Footprint.of(NodeFactory.createLiteralLang("Hong Kong", "en")));
        assertEquals(48, Footprint.of(NodeFactory.createBlankNode()));
    }

    @Test
    void recordsCollectionsAndOptionalsAddUpTheirParts() {
        long entity = 16 + 2 * 8 + (40 + 3) + (40 + 6);
        assertEquals(entity, Footprint.of(new Entity("x:a", "iCloud")));
        assertEquals(32 + 2 * 8 + 2 * entity, Footprint.of(List.of(new Entity("x:a", "iCloud"), new Entity("x:a", "iCloud"))));
        assertEquals(32 + 8 + (40 + 1), Footprint.of(Set.of("a")));
        assertEquals(32 + 8 + 32 + (40 + 1) + 24, Footprint.of(Map.of("a", 1)));
        // a private record, its optional date and its int (boxed) as small values
        assertEquals(16 + 3 * 8 + (40 + 4) + (16 + 8 + 24) + 24,
                Footprint.of(new Pair("name", Optional.of(LocalDate.of(2020, 7, 7)), 3)));
        assertEquals(16 + 8 + 0, Footprint.of(Optional.empty()));
    }
}

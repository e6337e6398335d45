package org.custodykg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void defaultGraphAnswersKeyCustody() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            System.out.println(graph.ask("key-custody", Map.of("service", "Apple iCloud")).table().toText());
            System.out.println(graph.ask("key-custody", Map.of()).table().toText());
            assertEquals(1, graph.ask("key-custody", Map.of("service", "icloud")).table().size());
        }
    }
}

package org.custodykg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Turtle file of ontology/ and data/ parses with Jena without a single warning. */
class TurtleSyntaxTest {

    static Stream<Path> turtleFiles() {
        return ModelFiles.allTurtleFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("turtleFiles")
    void parsesWithoutWarnings(Path file) {
        Model model = ModelFiles.parse(file);
        assertFalse(model.isEmpty(), file + " holds no triples");
    }

    @Test
    void theRepositoryHoldsTheExpectedTurtleFiles() {
        List<String> names = ModelFiles.allTurtleFiles().stream().map(p -> p.toString().replace('\\', '/')).toList();
        assertEquals(List.of(
                "ontology/custody.ttl",
                "ontology/shapes.ttl",
                "data/ap-2020-07-06-hong-kong-user-data/attestations.ttl",
                "data/appledaily-2021-06-09-facebook-requests/attestations.ttl",
                "data/bbc-2020-07-07-hong-kong-data-pause/backups.ttl",
                "data/bbc-2020-07-07-hong-kong-data-pause/channels.ttl",
                "data/bbc-2020-07-07-hong-kong-data-pause/consequences.ttl",
                "data/bbc-2020-07-07-hong-kong-data-pause/custody.ttl",
                "data/bbc-2020-07-07-hong-kong-data-pause/laws.ttl",
                "data/bbc-2020-07-07-hong-kong-data-pause/operations.ttl",
                "data/bbc-2020-07-07-hong-kong-data-pause/organisations.ttl",
                "data/bbc-2020-07-07-hong-kong-data-pause/people.ttl",
                "data/bbc-2020-07-07-hong-kong-data-pause/places.ttl",
                "data/bbc-2020-07-07-hong-kong-data-pause/requests.ttl",
                "data/bbc-2020-07-07-hong-kong-data-pause/services.ttl",
                "data/bbc-2020-07-07-hong-kong-data-pause/stances.ttl",
                "data/bbc-2020-07-07-hong-kong-data-pause/statements.ttl",
                "data/bbc-2020-07-07-hong-kong-data-pause/substitutes.ttl",
                "data/businessgurus-2020-07-07-tiktok-exit/attestations.ttl",
                "data/dw-2020-07-07-user-data-requests/attestations.ttl",
                "data/hkfp-2020-07-05-telegram-data-requests/attestations.ttl",
                "data/hkfp-2021-05-08-hong-kong-user-data-requests/attestations.ttl",
                "data/hkfp-2021-05-08-hong-kong-user-data-requests/facts.ttl",
                "data/hkfp-2021-06-08-facebook-refused-requests/attestations.ttl",
                "data/hkfp-2021-06-08-facebook-refused-requests/facts.ttl",
                "data/latimes-2020-07-06-hong-kong-data-requests/attestations.ttl",
                "data/latimes-2020-07-06-hong-kong-data-requests/facts.ttl",
                "data/latimes-2020-07-06-hong-kong-data-requests/services.ttl",
                "data/nationalpost-2020-07-07-hong-kong-data-requests/attestations.ttl",
                "data/netimperative-2020-07-07-hong-kong-police-help/attestations.ttl",
                "data/rfa-2021-06-08-facebook-user-data-requests/attestations.ttl",
                "data/scmp-2020-07-07-microsoft-zoom-pause/attestations.ttl",
                "data/sources.ttl",
                "data/sputnik-2020-07-07-zoom-data-requests/attestations.ttl",
                "data/sputnik-2020-07-07-zoom-data-requests/facts.ttl",
                "data/taiwannews-2020-07-06-telegram/attestations.ttl",
                "data/verge-2020-07-06-hong-kong-data-requests/attestations.ttl",
                "data/verge-2020-07-06-hong-kong-data-requests/facts.ttl"), names);
    }
}

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
                "data/sources.ttl"), names);
    }
}

package org.custodykg.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.custodykg.AccessAnswer;
import org.custodykg.AccessRoute;
import org.custodykg.CustodyGraph;
import org.custodykg.TestData;
import org.custodykg.present.RouteTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A route resting on a fact the sources disagree on says so, in the answer and in the explanation. */
class DisputedPremisesTest {
    private static final Optional<LocalDate> JULY_7 = Optional.of(LocalDate.of(2020, 7, 7));

    @TempDir
    Path dir;

    private static List<String> disputed(AccessAnswer answer) {
        return answer.routes().stream().map(answer::disputed).flatMap(List::stream)
                .map(e -> e.fact().shortForm()).distinct().toList();
    }

    @Test
    void onTheSourcesNoLinkedInRouteRestsOnADisputedFact() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            AccessAnswer answer = graph.access("Hong Kong", "LinkedIn", JULY_7, false);
            assertEquals(List.of(), disputed(answer));
            assertEquals(false, RouteTree.of(answer).contains("disputed"));
        }
    }

    @Test
    void aSecondSourceContestingMicrosoftsPauseMarksTheLinkedInRoute() throws IOException {
        Path repo = TestData.repository(dir);
        Files.writeString(repo.resolve("data/scmp-2020-07-07-microsoft-zoom-pause/dispute.ttl"), """
                @prefix ckg: <https://w3id.org/custody-kg/ontology#> .
                @prefix fact: <https://w3id.org/custody-kg/id/fact/> .
                @prefix source: <https://w3id.org/custody-kg/id/source/> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/custody-kg/id/attestation/test-dispute> a ckg:Attestation ;
                    rdfs:label "A test's claim that the pause is not provisional"@en ;
                    ckg:attests fact:stance-microsoft-pause-hong-kong ;
                    ckg:claimedProperty ckg:provisional ;
                    ckg:claimedValue false ;
                    ckg:evidence "a test fixture" ;
                    ckg:source source:scmp-2020-07-07-microsoft-zoom-pause .
                """);
        try (CustodyGraph graph = CustodyGraph.openDirectory(repo, CustodyGraph.Options.trusted())) {
            AccessAnswer answer = graph.access("Hong Kong", "LinkedIn", JULY_7, false);
            assertEquals(List.of("fact:stance-microsoft-pause-hong-kong"), disputed(answer));
            AccessRoute route = answer.routes().get(0);
            String tree = RouteTree.of(answer);
            assertEquals(true, tree.contains("  disputed (the sources give different values: custody ask conflicts):\n"
                    + "    - " + answer.disputed(route).get(0).fact().label() + " [fact:stance-microsoft-pause-hong-kong]\n"), tree);
        }
    }
}

package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.custodykg.CustodyGraph;
import org.custodykg.TestData;
import org.custodykg.present.RoutePicture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custody access} and {@code custody explain}, run in-process with their output captured. */
class AccessCommandTest {
    @Test
    void accessPrintsTheRoutesAsATableWithGradesAndLeavesAssumedRoutesOutUnlessAsked() {
        CliTest.Run out = CliTest.run("access", "--authority", "Hong Kong", "--service", "Office 365", "--as-of", "2020-07-07");
        assertEquals(Main.OK, out.exit());
        assertEquals("", out.err());
        assertEquals("""
                as of 2020-07-07
                no route: no channel known: no source states a channel from Hong Kong to Office 365 or its provider, and none of its data or keys are known to lie in that authority's jurisdiction; 2 assumed routes were left out
                0 routes
                """, out.out());
        CliTest.Run assumed = CliTest.run("access", "--authority", "Hong Kong", "--service", "Office 365", "--as-of", "2020-07-07",
                "--assumptions");
        assertEquals(Main.OK, assumed.exit());
        assertEquals("""
                as of 2020-07-07
                authority                             | grade   | route  | status  | data | users in  | through | data held by | keys held by | instrument | reviewed by | routed via | obstacles                                                        | presumption
                --------------------------------------+---------+--------+---------+------+-----------+---------+--------------+--------------+------------+-------------+------------+------------------------------------------------------------------+--------------------------------------------------------------------------------------------------------------------------------------------------
                Hong Kong government                  | assumed | direct | blocked | any  | Hong Kong |         | Microsoft    |              |            |             |            | Microsoft paused processing Hong Kong authorities' data requests | a government can compel a firm that provides a service directly to users in its territory, though based elsewhere, to hand over those users' data
                Hong Kong law enforcement authorities | assumed | direct | blocked | any  | Hong Kong |         | Microsoft    |              |            |             |            | Microsoft paused processing Hong Kong authorities' data requests | a government can compel a firm that provides a service directly to users in its territory, though based elsewhere, to hand over those users' data
                2 routes
                """, assumed.out());
    }

    @Test
    void withoutADateTheNewestSourceIsUsedAndSaidSo() {
        CliTest.Run out = CliTest.run("access", "--authority", "US government", "--service", "iCloud");
        assertEquals(Main.OK, out.exit());
        assertEquals("""
                as of 2021-06-09, the newest source
                authority     | grade   | route  | status | data               | users in  | through | data held by | keys held by | instrument | reviewed by | routed via | obstacles | presumption
                --------------+---------+--------+--------+--------------------+-----------+---------+--------------+--------------+------------+-------------+------------+-----------+------------
                US government | derived | direct | open   | cloud account data | Hong Kong |         | Apple        | Apple        |            |             |            |           |
                1 route
                """, out.out());
    }

    @Test
    void timingsNameEveryPhaseOfTheQuestionWithItsCpuTimeAndLeaveTheAnswerAsItIs() {
        CliTest.Run plain = CliTest.run("access", "--authority", "US government", "--service", "iCloud");
        CliTest.Run timed = CliTest.run("access", "--authority", "US government", "--service", "iCloud", "--timings");
        assertEquals(Main.OK, timed.exit());
        assertEquals(plain.out(), timed.out());
        // the figures vary from run to run; the phases, their order and the CPU column do not
        String phases = timed.err().lines().map(line -> line.replaceAll("\\d+", "N").replaceAll(" +", " ")).toList().toString();
        assertEquals("[timing jvm start N ms, timing command line N ms, CPU N ms, timing jena init N ms, CPU N ms, "
                + "timing load N ms, CPU N ms, timing query N ms, CPU N ms, timing print N ms, CPU N ms, "
                + "timing total N ms (after the JVM start), CPU N ms (from the JVM start)]", phases);
    }

    @Test
    void explainPrintsTheChainOfFactsWithSourcesAndQuotations() {
        CliTest.Run out = CliTest.run("explain", "--authority", "Hong Kong", "--service", "Messages", "--as-of", "2020-07-07");
        assertEquals(Main.OK, out.exit());
        assertEquals("""
                as of 2020-07-07

                Hong Kong government -> Messages, conversations of users in Hong Kong, as of 2020-07-07: no route, closed, derived
                  route: https://w3id.org/custody-kg/id/inferred/route-Derived-NoRoute-hong-kong-government-messages-Conversations-hong-kong
                  keys held by: the device owners
                  jurisdictions: Hong Kong
                  laws in force: Hong Kong national security law
                  derived by rules: 3-routes/no-route, 4-obstacles/law-in-force, 4-obstacles/route-in-force, 5-status/route-status
                  because:
                    - Only the device owners hold the keys to Hong Kong residents' Messages conversations [fact:key-custody-messages-hong-kong]
                        source: Microsoft and Zoom join Hong Kong data 'pause' (BBC News, 7 July 2020)
                        "Apple uses end-to-end encryption to protect Messages and Facetime conversations carried out by Hong Kong residents, meaning only the device owners can unscramble the messages transmitted."

                Hong Kong law enforcement authorities -> Messages, conversations of users in Hong Kong, as of 2020-07-07: no route, closed, derived
                  route: https://w3id.org/custody-kg/id/inferred/route-Derived-NoRoute-hong-kong-law-enforcement-messages-Conversations-hong-kong
                  keys held by: the device owners
                  jurisdictions: Hong Kong
                  laws in force: Hong Kong national security law
                  derived by rules: 3-routes/no-route, 4-obstacles/law-in-force, 4-obstacles/route-in-force, 5-status/route-status
                  because:
                    - Only the device owners hold the keys to Hong Kong residents' Messages conversations [fact:key-custody-messages-hong-kong]
                        source: Microsoft and Zoom join Hong Kong data 'pause' (BBC News, 7 July 2020)
                        "Apple uses end-to-end encryption to protect Messages and Facetime conversations carried out by Hong Kong residents, meaning only the device owners can unscramble the messages transmitted."

                Hong Kong law enforcement authorities -> Messages, message back-ups of users in Hong Kong, as of 2020-07-07: through a treaty, open, derived
                  route: https://w3id.org/custody-kg/id/inferred/route-Derived-TreatyRoute-hong-kong-law-enforcement-messages-MessageBackups-hong-kong-via-icloud
                  reached through: the route to iCloud
                  data held by: Apple
                  data stored in: United States
                  keys held by: Apple
                  keys stored in: United States
                  instrument: Mutual Legal Assistance Treaty between the United States and Hong Kong
                  reviewed by: US Department of Justice
                  jurisdictions: Hong Kong, United States
                  laws in force: Hong Kong national security law
                  derived by rules: 3-routes/backup-route, 4-context/transparency-context, 4-obstacles/law-in-force, 4-obstacles/route-in-force, 5-status/route-status
                  because:
                    - Hong Kong users' iCloud accounts can hold back-ups of their Messages chats [fact:backup-messages-icloud-hong-kong]
                        source: Microsoft and Zoom join Hong Kong data 'pause' (BBC News, 7 July 2020)
                        "Apple uses end-to-end encryption to protect Messages and Facetime conversations carried out by Hong Kong residents [...] However, the firm does hold encryption keys to data stored in users' iCloud accounts, which can include back-ups of their text-based chats."
                    - Hong Kong law enforcement content requests to Apple go through the US-Hong Kong MLAT, reviewed by the US Department of Justice [fact:channel-hong-kong-apple-content]
                        source: Microsoft and Zoom join Hong Kong data 'pause' (BBC News, 7 July 2020)
                        "Apple has always required that all content requests from local law enforcement authorities be submitted through the Mutual Legal Assistance Treaty in place between the United States and Hong Kong [...] Under the MLAT process, the US Department of Justice reviews Hong Kong authorities' requests for legal conformance."
                    - Apple holds the keys to Hong Kong users' iCloud data, in the United States [fact:key-custody-icloud-hong-kong]
                        source: Microsoft and Zoom join Hong Kong data 'pause' (BBC News, 7 July 2020)
                        "the firm does hold encryption keys to data stored in users' iCloud accounts, which can include back-ups of their text-based chats. [...] since both the keys and the data are stored in the States, it says the US government has the power to intervene."
                    - Hong Kong users' iCloud data is stored in the United States [fact:storage-icloud-hong-kong]
                        source: Microsoft and Zoom join Hong Kong data 'pause' (BBC News, 7 July 2020)
                        "since both the keys and the data are stored in the States, it says the US government has the power to intervene."
                  context (company-wide, not a premise):
                    - Hong Kong government requests to Apple, January to June (year not stated): 358 devices, data provided in 91% of cases [fact:requests-hong-kong-apple-january-june]
                        source: Microsoft and Zoom join Hong Kong data 'pause' (BBC News, 7 July 2020)
                        "Its latest transparency report indicates it received requests for data concerning 358 devices from Hong Kong's government between January and June, and that it provided data in 91% of the cases."

                """, out.out());
    }

    @Test
    void dotAndMermaidDrawThePaths() {
        CliTest.Run dot = CliTest.run("access", "--authority", "Hong Kong", "--service", "iCloud", "--as-of", "2020-07-07", "--format", "dot");
        assertEquals(Main.OK, dot.exit());
        assertEquals("""
                digraph access {
                  rankdir=LR;
                  node [shape=box];
                  n0 [label="through a treaty (stated, open)\\niCloud, cloud account data of users in Hong Kong"];
                  n1 [label="Hong Kong law enforcement authorities"];
                  n1 -> n0 [label="seeks"];
                  n2 [label="US Department of Justice"];
                  n0 -> n2 [label="reviewed by"];
                  n3 [label="Mutual Legal Assistance Treaty between the United States and Hong Kong"];
                  n0 -> n3 [label="under"];
                  n4 [label="Apple"];
                  n0 -> n4 [label="data held by"];
                  n5 [label="United States"];
                  n4 -> n5 [label="data in"];
                  n0 -> n4 [label="keys held by"];
                  n4 -> n5 [label="keys in"];
                }
                """, dot.out());
        CliTest.Run mermaid = CliTest.run("access", "--authority", "Hong Kong", "--service", "iCloud", "--as-of", "2020-07-07", "--format", "mermaid");
        assertEquals(Main.OK, mermaid.exit());
        assertEquals("""
                flowchart LR
                  n0["through a treaty (stated, open)<br/>iCloud, cloud account data of users in Hong Kong"]
                  n1["Hong Kong law enforcement authorities"]
                  n1 -->|seeks| n0
                  n2["US Department of Justice"]
                  n0 -->|reviewed by| n2
                  n3["Mutual Legal Assistance Treaty between the United States and Hong Kong"]
                  n0 -->|under| n3
                  n4["Apple"]
                  n0 -->|data held by| n4
                  n5["United States"]
                  n4 -->|data in| n5
                  n0 -->|keys held by| n4
                  n4 -->|keys in| n5
                """, mermaid.out());
    }

    @Test
    void svgIsThePictureTheLibraryDrawsInMemoryAndOnAStore(@TempDir Path temp) {
        Path store = temp.resolve("store");
        String expected;
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            expected = RoutePicture.svg(graph.access("Hong Kong", "iCloud", Optional.of(LocalDate.parse("2020-07-07")), false));
            TestData.copyNamedGraphs(graph.dataset(), store);
        }
        CliTest.Run memory = CliTest.run("access", "--authority", "Hong Kong", "--service", "iCloud", "--as-of", "2020-07-07", "--format", "svg");
        assertEquals(Main.OK, memory.exit(), memory.err());
        assertEquals("", memory.err());
        assertEquals(expected, memory.out());
        CliTest.Run onStore = CliTest.run("access", "--store", store.toString(), "--authority", "Hong Kong", "--service", "iCloud",
                "--as-of", "2020-07-07", "--format", "svg");
        assertEquals(Main.OK, onStore.exit(), onStore.err());
        assertEquals(expected, onStore.out());
    }

    @Test
    void badArgumentsExitWithTwoAndSayWhatWasExpected() {
        CliTest.Run unknown = CliTest.run("access", "--authority", "Hong Kong", "--service", "Fax");
        assertEquals(Main.USAGE, unknown.exit());
        assertEquals("custody access: --service: nothing called 'Fax' is a service in this graph (expected a name, an alternative name or an IRI)"
                + System.lineSeparator(), unknown.err());
        CliTest.Run nearMiss = CliTest.run("access", "--authority", "Hong Kng", "--service", "iCloud");
        assertEquals(Main.USAGE, nearMiss.exit());
        assertEquals("custody access: --authority: nothing called 'Hong Kng' is an authority, or a jurisdiction (meaning all its"
                + " authorities) in this graph; did you mean: Hong Kong?" + System.lineSeparator(), nearMiss.err());
        CliTest.Run date = CliTest.run("explain", "--authority", "Hong Kong", "--service", "iCloud", "--as-of", "7 July");
        assertEquals(Main.USAGE, date.exit());
        assertTrue(date.err().startsWith("custody explain: Invalid value for option '--as-of': cannot convert '7 July' to class java.time.LocalDate"), date.err());
        CliTest.Run far = CliTest.run("access", "--authority", "Hong Kong", "--service", "iCloud", "--as-of", "3000-01-01");
        assertEquals(Main.USAGE, far.exit());
        assertEquals("custody access: --as-of: expected a date from 1900-01-01 to 2100-12-31, but got '3000-01-01'"
                + System.lineSeparator(), far.err());
        CliTest.Run none = CliTest.run("access", "--service", "iCloud");
        assertEquals(Main.USAGE, none.exit());
        assertEquals("custody access: Missing required option: '--authority=NAME' (see 'custody access --help')"
                + System.lineSeparator(), none.err());
    }

    @Test
    void aBrokenRuleInTheDataFolderExitsWithThreeNamingFileLineAndColumn(@TempDir Path dir) throws IOException {
        copyTree(Path.of("ontology"), dir.resolve("ontology"));
        copyTree(Path.of("data"), dir.resolve("data"));
        copyTree(Path.of("rules"), dir.resolve("rules"));
        Path broken = dir.resolve("rules/3-routes/direct-route.rq");
        Files.writeString(broken, Files.readString(broken).replace("?fact ckg:dataCategory ?category ;", "?fact ckg:dataCategory ?category ) ;"));
        CliTest.Run out = CliTest.run("access", "--data", dir.toString(), "--authority", "Hong Kong", "--service", "iCloud");
        assertEquals(Main.BAD_INPUT, out.exit());
        assertEquals("", out.out());
        assertTrue(out.err().startsWith("custody access: " + broken + ":54:"), out.err());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }
}

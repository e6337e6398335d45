package org.custodykg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each statement of the first source, the BBC report of 7 July 2020, answered as a fact by the named
 * question a reader would try, or by SPARQL: the exact rows, nothing more. And the one rule by which every
 * question and command reads the names it is given.
 */
class SourceStatementsTest {
    private static final CustodyGraph GRAPH = CustodyGraph.openDefault();
    private static final String PREFIXES = """
            PREFIX ckg: <https://w3id.org/custody-kg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX fact: <https://w3id.org/custody-kg/id/fact/>
            PREFIX law: <https://w3id.org/custody-kg/id/law/>
            PREFIX place: <https://w3id.org/custody-kg/id/place/>
            """;

    @AfterAll
    static void close() {
        GRAPH.close();
    }

    private static List<List<String>> ask(String question, Map<String, String> parameters, String... vars) {
        return rows(GRAPH.ask(question, parameters).table(), vars);
    }

    private static List<List<String>> sparql(String query, String... vars) {
        return rows(GRAPH.sparql(PREFIXES + query).table(), vars);
    }

    private static List<List<String>> rows(ResultTable table, String... vars) {
        return table.rows().stream().map(row -> Arrays.stream(vars).map(row::shortForm).toList()).toList();
    }

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    @Test
    void appleHasReceivedNoContentRequestsSinceTheLawWentIntoEffect() {
        assertEquals(List.of(row("organisation:apple", "organisation:hong-kong-law-enforcement", "content", "0", "requests", "",
                        "", "since the law went into effect", "law:hong-kong-national-security-law", "2020-07-07",
                        "fact:requests-hong-kong-apple-content-since-the-law")),
                ask("requests-received", Map.of("company", "Apple"), "company", "authority", "dataCategoryLabel", "count",
                        "countedThingLabel", "countStated", "amountAsStated", "periodAsStated", "countedSince",
                        "statedNoLaterThan", "fact"));
        // the period starts when the law went into effect: after its passing, by the report's date
        assertEquals(List.of(row("2020-06-30", "2020-07-07")), sparql("""
                SELECT ?passed ?inForceBy WHERE {
                  fact:requests-hong-kong-apple-content-since-the-law ckg:countedSince ?law .
                  ?law ckg:datePassed ?passed ; ckg:inForceNoLaterThan ?inForceBy }""", "passed", "inForceBy"));
    }

    @Test
    void microsoftHasTypicallyReceivedARelativelySmallNumberOfRequestsAndNoCountIsInvented() {
        assertEquals(List.of(row("organisation:microsoft", "organisation:hong-kong-government", "", "requests", "false",
                        "typically received only a relatively small number", "In the past", "2020-07-07",
                        "fact:requests-hong-kong-microsoft-in-the-past")),
                ask("requests-received", Map.of("company", "Microsoft"), "company", "authority", "count", "countedThingLabel",
                        "countStated", "amountAsStated", "periodAsStated", "statedNoLaterThan", "fact"));
        // its transparency report's figure stays where it was, a question of its own
        assertEquals(List.of(row("81", "accounts", "fact:requests-hong-kong-microsoft-2019-07-2019-12")),
                ask("transparency", Map.of("company", "Microsoft"), "count", "countedThingLabel", "fact"));
    }

    @Test
    void zoomHasTiesToChina() {
        assertEquals(List.of(row("fact:tie-zoom-china", "organisation:zoom", "place:china")), sparql("""
                SELECT ?fact ?firm ?place WHERE { ?fact a ckg:Tie ; ckg:tieHolder ?firm ; ckg:tiedTo ?place }""",
                "fact", "firm", "place"));
    }

    @Test
    void zoomIsMonitoringForGuidanceFromTheUsGovernment() {
        assertEquals(List.of(
                        row("monitoring", "", "place:hong-kong", "", "2020-07-07", "", "fact:stance-zoom-monitoring-hong-kong"),
                        row("pause", "organisation:hong-kong-government", "place:hong-kong", "2020-06-30", "2020-07-07", "true",
                                "fact:stance-zoom-pause-hong-kong")),
                ask("stances", Map.of("firm", "Zoom"), "stanceTypeLabel", "authority", "region", "announcedNoEarlierThan",
                        "announcedNoLaterThan", "provisional", "fact"));
        assertEquals(List.of(row("fact:stance-zoom-monitoring-hong-kong", "organisation:us-government")), sparql("""
                SELECT ?fact ?government WHERE { ?fact ckg:guidanceFrom ?government }""", "fact", "government"));
    }

    @Test
    void douyinCouldSubstituteForTikTokInHongKongButBytedanceHasNoPlansToOfferIt() {
        assertEquals(List.of(row("fact:substitute-douyin-for-tiktok-hong-kong", "service:douyin", "service:tiktok",
                        "place:hong-kong", "could theoretically become a substitute")), sparql("""
                SELECT ?fact ?substitute ?for ?region ?likelihood WHERE {
                  ?fact a ckg:ServiceSubstitute ; ckg:substitute ?substitute ; ckg:substituteFor ?for ;
                        ckg:region ?region ; ckg:likelihoodAsStated ?likelihood }""",
                "fact", "substitute", "for", "region", "likelihood"));
        assertEquals(List.of(row("organisation:bytedance", "no plans to offer", "", "place:hong-kong", "service:douyin",
                        "2020-07-07", "at this time", "fact:stance-bytedance-no-douyin-hong-kong")),
                ask("stances", Map.of("firm", "Bytedance"), "firm", "stanceTypeLabel", "authority", "region", "service",
                        "announcedNoLaterThan", "timeAsStated", "fact"));
    }

    @Test
    void douyinRunsInMainlandChinaAsTikToksCounterpart() {
        assertEquals(List.of(
                        row("service:douyin", "organisation:bytedance", "fact:operation-douyin-mainland-china"),
                        row("service:linkedin", "organisation:microsoft", "fact:operation-linkedin-mainland-china"),
                        row("service:office-365", "organisation:21vianet", "fact:operation-office-365-mainland-china")),
                ask("operators", Map.of("region", "mainland China"), "service", "operator", "fact"));
        // the report's words for the region, and nothing run in the whole of China (which holds Hong Kong)
        assertEquals(List.of(row("its home market")), sparql("""
                SELECT ?words WHERE { fact:operation-douyin-mainland-china ckg:regionAsStated ?words }""", "words"));
        assertEquals(List.of(), ask("operators", Map.of("region", "China"), "fact"));
        assertEquals(List.of(row("service:douyin", "service:tiktok")), sparql("""
                SELECT ?service ?counterpart WHERE { ?service ckg:counterpartOf ?counterpart }""", "service", "counterpart"));
    }

    @Test
    void permanentPausesCouldBringRestrictionsOrABanOnTheFirmsServicesInHongKong() {
        assertEquals(List.of(
                        row("ckg:Ban", "place:hong-kong", "If the tech firms make their non-compliance policies permanent"),
                        row("ckg:Restrictions", "place:hong-kong", "If the tech firms make their non-compliance policies permanent")),
                sparql("""
                        SELECT ?risk ?region ?condition WHERE {
                          fact:consequence-permanent-pauses-hong-kong ckg:namedRisk ?risk ; ckg:region ?region ;
                              ckg:conditionAsStated ?condition } ORDER BY ?risk""", "risk", "region", "condition"));
        assertEquals(List.of(row("fact:stance-facebook-pause-hong-kong"), row("fact:stance-google-pause-hong-kong"),
                        row("fact:stance-microsoft-pause-hong-kong"), row("fact:stance-telegram-pause-hong-kong"),
                        row("fact:stance-twitter-pause-hong-kong"), row("fact:stance-zoom-pause-hong-kong")),
                sparql("""
                        SELECT ?stance WHERE { fact:consequence-permanent-pauses-hong-kong ckg:consequenceOf ?stance }
                        ORDER BY ?stance""", "stance"));
        // the risk rests on its own quotation; no stance names a risk without one
        assertEquals(List.of(row("If the tech firms make their non-compliance policies permanent, they could face restrictions"
                        + " or a ban on their services in the semi-autonomous region.")),
                sparql("SELECT ?q WHERE { ?fact ckg:namedRisk ?risk ; ckg:evidence ?q } GROUP BY ?q", "q"));
        assertEquals(List.of(), sparql("SELECT ?stance WHERE { ?stance a ckg:Stance ; ckg:namedRisk ?risk }", "stance"));
    }

    @Test
    void fourPausesWereAnnouncedOverThePastTwoDaysAndMicrosoftsAndZoomsSinceTheLaw() {
        assertEquals(List.of(
                        row("organisation:facebook", "2020-07-05", "2020-07-07", "over the past two days"),
                        row("organisation:google", "2020-07-05", "2020-07-07", "over the past two days"),
                        row("organisation:microsoft", "2020-06-30", "2020-07-07", ""),
                        row("organisation:telegram", "2020-07-05", "2020-07-07", "over the past two days"),
                        row("organisation:twitter", "2020-07-05", "2020-07-07", "over the past two days"),
                        row("organisation:zoom", "2020-06-30", "2020-07-07", "")),
                GRAPH.ask("stances", Map.of("authority", "Hong Kong government")).table().rows().stream()
                        .filter(r -> r.shortForm("stanceTypeLabel").equals("pause"))
                        .map(r -> row(r.shortForm("firm"), r.shortForm("announcedNoEarlierThan"), r.shortForm("announcedNoLaterThan"),
                                r.shortForm("timeAsStated"))).toList());
    }

    @Test
    void theLawKeepsItsRecognisableLabelAndSaysHowTheReportNamesIt() {
        assertEquals(List.of(row("Hong Kong national security law", "false", "Not the report's words: the report gives the law"
                        + " no name, calling it 'a new security law' and 'the new law'. The label is the project's own, the name the"
                        + " law commonly goes by in English, kept so that readers recognise it.")),
                sparql("""
                        SELECT ?label ?named ?basis WHERE {
                          law:hong-kong-national-security-law rdfs:label ?label ; ckg:nameStated ?named ; ckg:labelBasis ?basis }""",
                        "label", "named", "basis"));
        assertEquals(List.of(row("a new security law"), row("the new law")), sparql("""
                SELECT ?words WHERE { law:hong-kong-national-security-law ckg:nameAsStated ?words } ORDER BY ?words""", "words"));
    }

    @Test
    void linkedInsUnnamedRequesterSitsInAFactNamedAfterLinkedInAlone() {
        assertEquals(List.of(row("organisation:unspecified-law-enforcement", "organisation:linkedin", "organisation:us-government",
                        "make an exception in an emergency", "fact:channel-law-enforcement-linkedin")),
                ask("legal-channel", Map.of("company", "LinkedIn"), "authority", "company", "routedVia", "exceptionAsStated", "fact"));
        // every fact whose name says Hong Kong is about Hong Kong: its place, or an authority of it
        assertEquals(List.of(), sparql("""
                SELECT ?fact WHERE {
                  ?fact a ?kind . ?kind rdfs:subClassOf ckg:Fact .
                  FILTER (CONTAINS(STR(?fact), "hong-kong"))
                  FILTER NOT EXISTS { ?fact ?p place:hong-kong }
                  FILTER NOT EXISTS { ?fact ?p ?authority . ?authority ckg:hasJurisdiction place:hong-kong }
                }""", "fact"));
    }

    @Test
    void theServicesNotBlockedInMainlandChinaAreListedWithTheBlockedOnes() {
        assertEquals(List.of(
                        row("blocked", "organisation:facebook"), row("blocked", "organisation:google"),
                        row("blocked", "organisation:telegram"), row("blocked", "organisation:twitter"),
                        row("not blocked", "organisation:apple"), row("not blocked", "organisation:microsoft"),
                        row("not blocked", "organisation:zoom")),
                ask("blocked-services", Map.of("region", "mainland China"), "availabilityLabel", "firm"));
    }

    @Test
    void stancesIncludeTheExitAndTheOtherStancesTowardAMarket() {
        assertEquals(List.of(
                        row("organisation:bytedance", "no plans to offer", "fact:stance-bytedance-no-douyin-hong-kong"),
                        row("organisation:tiktok", "market exit", "fact:stance-tiktok-exit-hong-kong"),
                        row("organisation:zoom", "monitoring", "fact:stance-zoom-monitoring-hong-kong")),
                GRAPH.ask("stances", Map.of()).table().rows().stream().filter(r -> !r.has("authority"))
                        .map(r -> row(r.shortForm("firm"), r.shortForm("stanceTypeLabel"), r.shortForm("fact"))).toList());
        assertEquals(13, GRAPH.ask("stances", Map.of()).table().size());
        // an authority asked for: only the stances toward it
        assertEquals(List.of(row("organisation:tiktok", "refusal", "fact:stance-tiktok-refusal-chinese-government")),
                ask("stances", Map.of("authority", "Chinese government"), "firm", "stanceTypeLabel", "fact"));
    }

    // ---- one name-resolution rule for every parameter

    private static List<String> authorities(String name) {
        return GRAPH.resolveAll("authority", name, CustodyKg.ONTOLOGY_NS + "GovernmentBody").stream()
                .map(CustodyKg::shortForm).toList();
    }

    @Test
    void aJurisdictionWhereAnAuthorityIsExpectedMeansItsAuthorities() {
        assertEquals(List.of("organisation:hong-kong-government", "organisation:hong-kong-law-enforcement"), authorities("Hong Kong"));
        assertEquals(List.of("organisation:hong-kong-government", "organisation:hong-kong-law-enforcement"),
                authorities("Hong Kong authorities"));
        assertEquals(List.of("organisation:hong-kong-government", "organisation:hong-kong-law-enforcement"),
                authorities("place:hong-kong"));
        assertEquals(List.of("organisation:chinese-government"), authorities("mainland China"));
        // China holds mainland China and Hong Kong: the authorities of both
        assertEquals(List.of("organisation:chinese-government", "organisation:hong-kong-government",
                "organisation:hong-kong-law-enforcement"), authorities("China"));
        assertEquals(List.of("organisation:us-department-of-justice", "organisation:us-government"), authorities("US authorities"));
        assertEquals(List.of("organisation:hong-kong-government"), authorities("Hong Kong government"));
        // a jurisdiction's law-enforcement authorities, where only those are expected
        assertEquals(List.of(GRAPH.resolve("Hong Kong law enforcement", CustodyKg.ONTOLOGY_NS + "LawEnforcementAuthority")),
                GRAPH.resolveAll("authority", "Hong Kong", CustodyKg.ONTOLOGY_NS + "LawEnforcementAuthority"));
    }

    @Test
    void everyQuestionReadsAnAuthorityByTheSameRule() {
        // stances: the Hong Kong government's and the one toward Hong Kong law enforcement (LinkedIn's pause)
        List<List<String>> hongKong = new ArrayList<>(ask("stances", Map.of("authority", "Hong Kong government"), "fact"));
        hongKong.addAll(ask("stances", Map.of("authority", "Hong Kong law enforcement"), "fact"));
        hongKong.sort(Comparator.comparing(r -> r.get(0)));
        assertEquals(hongKong, ask("stances", Map.of("authority", "Hong Kong"), "fact"));
        assertEquals(9, GRAPH.ask("stances", Map.of("authority", "Hong Kong")).table().size());
        // the treaty channel's requester, reached through the name the report gives Hong Kong's authorities
        assertEquals(List.of(row("organisation:hong-kong-law-enforcement", "organisation:apple", "law:us-hong-kong-mlat",
                        "organisation:us-department-of-justice", "fact:channel-hong-kong-apple-content")),
                ask("legal-channel", Map.of("authority", "Hong Kong authorities"), "authority", "company", "instrument",
                        "reviewedBy", "fact"));
        // China: the Chinese government's channel and Hong Kong's, in the question's order
        assertEquals(List.of(
                        row("organisation:chinese-government", "fact:channel-chinese-government-icloud-mainland-china"),
                        row("organisation:hong-kong-law-enforcement", "fact:channel-hong-kong-apple-content")),
                ask("legal-channel", Map.of("authority", "China"), "authority", "fact"));
        assertEquals(List.of(
                        row("organisation:apple", "organisation:hong-kong-government", "358"),
                        row("organisation:facebook", "organisation:hong-kong-government", "63"),
                        row("organisation:facebook", "organisation:hong-kong-government", "202"),
                        row("organisation:google", "organisation:hong-kong-government", "105"),
                        row("organisation:microsoft", "organisation:hong-kong-government", "81"),
                        row("organisation:twitter", "organisation:hong-kong-government", "13")),
                ask("transparency", Map.of("authority", "China"), "company", "authority", "count"));
        assertEquals(List.of(
                        row("organisation:apple", "organisation:hong-kong-law-enforcement", "0"),
                        row("organisation:microsoft", "organisation:hong-kong-government", "")),
                ask("requests-received", Map.of("authority", "Hong Kong"), "company", "authority", "count"));
        assertEquals(List.of(row("organisation:tiktok", "organisation:chinese-government", "refusal")),
                ask("stances", Map.of("authority", "China", "firm", "TikTok"), "firm", "authority", "stanceTypeLabel"));
    }

    private static List<String> routes(String authority) {
        return GRAPH.access(authority, "iCloud", Optional.of(LocalDate.of(2020, 7, 7)), false).routes().stream()
                .map(r -> r.authority().shortForm() + " " + r.kind().shortForm() + " " + r.usersIn().shortForm()).toList();
    }

    @Test
    void accessReadsTheAuthorityByTheSameRule() {
        List<String> hongKong = List.of("organisation:hong-kong-law-enforcement ckg:TreatyRoute place:hong-kong");
        assertEquals(hongKong, routes("Hong Kong authorities"));
        assertEquals(hongKong, routes("Hong Kong"));
        assertEquals(List.of("organisation:chinese-government ckg:DirectRoute place:mainland-china"), routes("mainland China"));
        assertEquals(List.of("organisation:chinese-government ckg:DirectRoute place:mainland-china",
                "organisation:hong-kong-law-enforcement ckg:TreatyRoute place:hong-kong"), routes("China"));
    }

    @Test
    void aNameWithSeveralMeaningsIsAnErrorListingThem(@TempDir Path temp) throws IOException {
        Path repo = TestData.repositoryWithAmbiguousHongKong(temp);
        try (CustodyGraph graph = CustodyGraph.openDirectory(repo, CustodyGraph.Options.trusted())) {
            ArgumentException stances = assertThrows(ArgumentException.class,
                    () -> graph.ask("stances", Map.of("authority", "Hong Kong")));
            assertEquals("authority: the name 'Hong Kong' is ambiguous; it could mean: organisation:hong-kong-customs (Hong Kong),"
                    + " place:hong-kong (Hong Kong) for all its authorities", stances.getMessage());
            assertEquals(List.of("organisation:hong-kong-customs (Hong Kong)", "place:hong-kong (Hong Kong) for all its authorities"),
                    stances.candidates());
            ArgumentException access = assertThrows(ArgumentException.class,
                    () -> graph.access("Hong Kong", "iCloud", Optional.empty(), false));
            assertEquals(stances.getMessage(), access.getMessage());
            // the IRIs are not ambiguous
            assertEquals(List.of(NodeFactory.createURI("https://w3id.org/custody-kg/id/organisation/hong-kong-customs")),
                    graph.resolveAll("authority", "organisation:hong-kong-customs", CustodyKg.ONTOLOGY_NS + "GovernmentBody"));
        }
        ArgumentException one = assertThrows(ArgumentException.class,
                () -> GRAPH.resolve("Hong Kong", CustodyKg.ONTOLOGY_NS + "GovernmentBody"));
        assertEquals("name: 'Hong Kong' stands for 2 entities here, where one is expected: organisation:hong-kong-government"
                + " (Hong Kong government), organisation:hong-kong-law-enforcement (Hong Kong law enforcement authorities)",
                one.getMessage());
    }

    @Test
    void anAnswerForSeveralAuthoritiesIsTheUnionOfTheirAnswers() {
        Answer both = GRAPH.ask("stances", Map.of("authority", "China"));
        List<String> expected = new ArrayList<>();
        expected.addAll(ask("stances", Map.of("authority", "Chinese government"), "fact").stream().map(r -> r.get(0)).toList());
        expected.addAll(ask("stances", Map.of("authority", "Hong Kong government"), "fact").stream().map(r -> r.get(0)).toList());
        expected.addAll(ask("stances", Map.of("authority", "Hong Kong law enforcement"), "fact").stream().map(r -> r.get(0)).toList());
        expected.sort(null);
        List<String> actual = rows(both.table(), "fact").stream().map(r -> r.get(0)).sorted().toList();
        assertEquals(expected, actual);
        // in the question's order: by firm label
        assertEquals(List.of("Apple", "Apple", "Facebook", "Google", "LinkedIn", "Microsoft", "Telegram", "TikTok", "Twitter", "Zoom"),
                rows(both.table(), "firmLabel").stream().map(r -> r.get(0)).toList());
    }
}

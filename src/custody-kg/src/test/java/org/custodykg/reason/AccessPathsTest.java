package org.custodykg.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.custodykg.AccessAnswer;
import org.custodykg.AccessRoute;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.custodykg.Entity;
import org.custodykg.Evidence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The report's own cases, answered exactly, by the embedded graph in memory and by a TDB2 store of it. */
class AccessPathsTest {
    private static final Optional<LocalDate> JULY_7 = Optional.of(LocalDate.of(2020, 7, 7));
    private static final Optional<LocalDate> JULY_2 = Optional.of(LocalDate.of(2020, 7, 2));
    private static final Optional<LocalDate> JUNE_1 = Optional.of(LocalDate.of(2020, 6, 1));
    private static final String ROUTE = "https://w3id.org/custody-kg/id/inferred/route-";
    @TempDir
    static Path storeDir;
    private static CustodyGraph memory;
    private static CustodyGraph tdb;

    @BeforeAll
    static void open() {
        memory = CustodyGraph.openDefault();
        tdb = CustodyGraph.over(copyToStore(memory, storeDir));
        tdb.materialiseInferred();
    }

    @AfterAll
    static void close() {
        memory.close();
        tdb.close();
    }

    static Stream<CustodyGraph> graphs() {
        return Stream.of(memory, tdb);
    }

    /** A TDB2 store holding the graph's named graphs (the inferred graph left out), its default the union. */
    static Dataset copyToStore(CustodyGraph graph, Path dir) {
        Dataset store = TDB2Factory.connectDataset(dir.toString());
        Txn.executeRead(graph.dataset(), () -> Txn.executeWrite(store, () -> graph.dataset().asDatasetGraph().find()
                .forEachRemaining(quad -> {
                    if (!quad.isDefaultGraph() && !quad.getGraph().equals(ForwardChainer.INFERRED)) {
                        store.asDatasetGraph().add(quad);
                    }
                })));
        store.getContext().set(TDB2.symUnionDefaultGraph, true);
        return store;
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void hongKongLawEnforcementReachesICloudContentOnlyThroughTheMlatAStatedRoute(CustodyGraph graph) {
        AccessAnswer answer = graph.access("Hong Kong", "iCloud", JULY_7, false);
        AccessRoute route = single(answer.routes());
        assertEquals(ROUTE + "Stated-TreatyRoute-hong-kong-law-enforcement-icloud-CloudAccountData-hong-kong", route.iri());
        assertEquals("hong-kong-law-enforcement stated TreatyRoute RouteOpen CloudAccountData hong-kong", summary(route));
        assertTrue(route.open());
        assertEquals(List.of(), route.presumptions());
        assertEquals(List.of("law:us-hong-kong-mlat"), shortForms(route.instruments()));
        assertEquals(List.of("organisation:us-department-of-justice"), shortForms(route.reviewingAuthorities()));
        assertEquals(List.of(), route.relayingAuthorities());
        assertEquals(List.of("organisation:apple"), shortForms(route.keyHolders()));
        assertEquals(List.of("place:united-states"), shortForms(route.keyLocations()));
        assertEquals(List.of("organisation:apple"), shortForms(route.dataCustodians()));
        assertEquals(List.of("place:united-states"), shortForms(route.dataLocations()));
        assertEquals(List.of("place:hong-kong", "place:united-states"), shortForms(route.jurisdictions()));
        assertEquals(List.of("law:hong-kong-national-security-law"), shortForms(route.lawsInForce()));
        assertEquals(List.of(), route.obstacles());
        assertEquals(List.of("fact:channel-hong-kong-apple-content", "fact:key-custody-icloud-hong-kong",
                "fact:storage-icloud-hong-kong"), facts(route.explanation()));
        // Apple's company-wide figure is context of Apple's route, as Microsoft's is of Microsoft's
        assertEquals(List.of("fact:requests-hong-kong-apple-january-june"), facts(route.context()));
        assertEquals(List.of("3-routes/channel-route", "4-context/transparency-context", "4-obstacles/law-in-force",
                "4-obstacles/route-in-force", "5-status/route-status"), route.rules());
        Evidence channel = route.explanation().get(0);
        assertEquals("source:bbc-2020-07-07-hong-kong-data-pause", channel.source().shortForm());
        assertTrue(channel.quotation().startsWith("Apple has always required that all content requests"));
        assertEquals(List.of("as of 2020-07-07"), answer.notes());
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void messagesConversationsAreClosedButTheirICloudBackupsAreReachedThroughICloudsRoute(CustodyGraph graph) {
        List<AccessRoute> routes = graph.access("Hong Kong", "Messages", JULY_7, false).routes();
        assertEquals(List.of(
                "hong-kong-government derived NoRoute RouteClosed Conversations hong-kong",
                "hong-kong-law-enforcement derived NoRoute RouteClosed Conversations hong-kong",
                "hong-kong-law-enforcement derived TreatyRoute RouteOpen MessageBackups hong-kong"),
                routes.stream().map(AccessPathsTest::summary).toList());
        assertEquals(List.of("group:device-owners"), shortForms(routes.get(0).keyHolders()));
        assertEquals(List.of("fact:key-custody-messages-hong-kong"), facts(routes.get(0).explanation()));
        AccessRoute backups = routes.get(2);
        assertEquals(ROUTE + "Derived-TreatyRoute-hong-kong-law-enforcement-messages-MessageBackups-hong-kong-via-icloud", backups.iri());
        assertEquals(Optional.of(new Entity(ROUTE + "Stated-TreatyRoute-hong-kong-law-enforcement-icloud-CloudAccountData-hong-kong",
                "the route to iCloud")), backups.reachedThrough());
        assertEquals(List.of("organisation:us-department-of-justice"), shortForms(backups.reviewingAuthorities()));
        assertEquals(List.of("fact:backup-messages-icloud-hong-kong", "fact:channel-hong-kong-apple-content",
                "fact:key-custody-icloud-hong-kong", "fact:storage-icloud-hong-kong"), facts(backups.explanation()));
        assertEquals(List.of("3-routes/backup-route", "4-context/transparency-context", "4-obstacles/law-in-force",
                "4-obstacles/route-in-force", "5-status/route-status"), backups.rules());
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void theUsGovernmentGetsNoLinkedInRouteFromMicrosoftsHomeAloneUnlessAssumptionsAreAskedFor(CustodyGraph graph) {
        AccessAnswer stated = graph.access("US government", "LinkedIn", JULY_7, false);
        assertEquals(List.of(), stated.routes());
        assertEquals(2, stated.assumedLeftOut());
        assertEquals(Optional.of("no route: no channel known: no source states a channel from US government to LinkedIn or its"
                + " provider, and none of its data or keys are known to lie in that authority's jurisdiction; 2 assumed"
                + " routes were left out"), stated.noRoute());

        AccessAnswer assumed = graph.access("US government", "LinkedIn", JULY_7, true);
        assertEquals(List.of("us-government assumed DirectRoute RouteOpen - hong-kong",
                "us-government assumed DirectRoute RouteOpen - mainland-china"),
                assumed.routes().stream().map(AccessPathsTest::summary).toList());
        for (AccessRoute route : assumed.routes()) {
            assertEquals(List.of(new Entity("https://w3id.org/custody-kg/ontology#CompelFirmBasedHere",
                    "a government can compel a firm based in its territory to hand over the data of the services the firm"
                            + " runs, wherever the users live")), route.presumptions());
        }
        assertEquals(0, assumed.assumedLeftOut());
        assertEquals(Optional.empty(), assumed.noRoute());
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void microsoftsCompanyWideFigureIsContextNeverARouteToOffice365(CustodyGraph graph) {
        AccessAnswer stated = graph.access("Hong Kong government", "Office 365", JULY_7, false);
        assertEquals(List.of(), stated.routes());
        assertEquals(1, stated.assumedLeftOut());

        AccessRoute july = single(graph.access("Hong Kong government", "Office 365", JULY_7, true).routes());
        assertEquals("hong-kong-government assumed DirectRoute RouteBlocked - hong-kong", summary(july));
        assertEquals(List.of("ckg:CompelFirmServingHere"), shortForms(july.presumptions()));
        assertEquals(List.of("fact:stance-microsoft-pause-hong-kong"), facts(july.obstacles()));
        assertEquals(List.of("fact:operation-office-365-hong-kong", "fact:stance-microsoft-pause-hong-kong"), facts(july.explanation()));
        assertEquals(List.of("fact:requests-hong-kong-microsoft-2019-07-2019-12"), facts(july.context()));

        AccessRoute june = single(graph.access("Hong Kong government", "Office 365", JUNE_1, true).routes());
        assertEquals("ckg:RouteOpen", june.status().shortForm());
        assertEquals(List.of(), june.obstacles());
        assertEquals(List.of(), june.possibleObstacles());

        AccessRoute inWindow = single(graph.access("Hong Kong government", "Office 365", JULY_2, true).routes());
        assertEquals("ckg:RouteOpen", inWindow.status().shortForm());
        assertEquals(List.of("fact:stance-microsoft-pause-hong-kong"), facts(inWindow.possibleObstacles()));
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void linkedInRequestsAreRoutedViaTheUsGovernmentNotReviewedByIt(CustodyGraph graph) {
        AccessRoute route = single(graph.access("Hong Kong", "LinkedIn", JULY_7, true).routes());
        assertEquals("hong-kong-law-enforcement stated ForeignGovernmentRoute RouteBlocked - hong-kong", summary(route));
        assertEquals(List.of("organisation:us-government"), shortForms(route.relayingAuthorities()));
        assertEquals(List.of(), route.reviewingAuthorities());
        assertEquals(List.of(), route.instruments());
        assertEquals(List.of("fact:stance-microsoft-pause-hong-kong"), facts(route.obstacles()));
        assertEquals(List.of("fact:requests-hong-kong-microsoft-2019-07-2019-12"), facts(route.context()));
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void theChineseGovernmentReachesMainlandICloudFilesByADerivedRoute(CustodyGraph graph) {
        AccessRoute route = single(graph.access("Chinese government", "iCloud", JULY_7, true).routes());
        assertEquals("chinese-government derived DirectRoute RouteOpen UserFiles mainland-china", summary(route));
        assertEquals(List.of("organisation:unnamed-icloud-data-centre-firm"), shortForms(route.dataCustodians()));
        assertEquals(List.of("place:icloud-mainland-china-data-centre"), shortForms(route.dataLocations()));
        assertEquals(List.of("place:mainland-china"), shortForms(route.jurisdictions()));
        assertEquals(List.of(), route.keyHolders());
        assertEquals(List.of("fact:channel-chinese-government-icloud-mainland-china", "fact:storage-icloud-mainland-china"),
                facts(route.explanation()));
        assertEquals(List.of(), route.context());
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void theChineseGovernmentsRouteThroughTheLocalOperatorIsAssumed(CustodyGraph graph) {
        assertEquals(List.of(), graph.access("Chinese government", "Office 365", JULY_7, false).routes());
        AccessRoute route = single(graph.access("Chinese government", "Office 365", JULY_7, true).routes());
        assertEquals("chinese-government assumed LocalOperatorRoute RouteOpen - mainland-china", summary(route));
        assertEquals(List.of("ckg:CompelFirmBasedHere"), shortForms(route.presumptions()));
        assertEquals(List.of("organisation:21vianet"), shortForms(route.dataCustodians()));
        assertEquals(List.of("fact:operation-office-365-mainland-china"), facts(route.explanation()));
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void theUsGovernmentReachesHongKongICloudDataBecauseDataAndKeysAreInTheStates(CustodyGraph graph) {
        AccessRoute route = single(graph.access("US government", "iCloud", JULY_7, false).routes());
        assertEquals("us-government derived DirectRoute RouteOpen CloudAccountData hong-kong", summary(route));
        assertEquals(List.of("place:united-states"), shortForms(route.jurisdictions()));
        assertEquals(List.of("fact:key-custody-icloud-hong-kong", "fact:storage-icloud-hong-kong"), facts(route.explanation()));
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void anEmptyAnswerSaysWhy(CustodyGraph graph) {
        assertEquals(Optional.of("no route: end-to-end encryption: only the device owners hold the keys to conversations of"
                + " users in Hong Kong"), graph.access("Hong Kong government", "FaceTime", JULY_7, true).noRoute());
        assertEquals(Optional.of("no route: no data held: no source says where TikTok's data is kept, who holds its keys or"
                + " who runs it"), graph.access("Hong Kong", "TikTok", JULY_7, true).noRoute());
        AccessAnswer douyin = graph.access("Hong Kong", "Douyin", JULY_7, true);
        assertEquals(List.of(), douyin.routes());
        assertEquals(Optional.of("no route: no channel known: no source states a channel from Hong Kong to Douyin or its"
                + " provider, and none of its data or keys are known to lie in that authority's jurisdiction"), douyin.noRoute());
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void withoutADateTheNewestSourcesDateIsConsideredAndSaidSo(CustodyGraph graph) {
        AccessAnswer answer = graph.access("Hong Kong", "LinkedIn", Optional.empty(), false);
        assertEquals(LocalDate.of(2021, 6, 9), answer.asOf());
        assertEquals(Optional.of(LocalDate.of(2021, 6, 9)), answer.newestSource());
        assertEquals("as of 2021-06-09, the newest source", answer.dateNote());
        assertEquals("ckg:RouteBlocked", single(answer.routes()).status().shortForm());
        AccessAnswer later = graph.access("Hong Kong", "LinkedIn", Optional.of(LocalDate.of(2026, 1, 1)), false);
        assertEquals("as of 2026-01-01; the newest source is of 2021-06-09, so events after that date are not in the graph",
                later.dateNote());
    }

    @Test
    void theLawIsNotProvenInForceBeforeTheReportSaysSo() {
        AccessRoute route = single(memory.access("Hong Kong law enforcement", "iCloud", JULY_2, false).routes());
        assertEquals(List.of(), route.lawsInForce());
        assertEquals(List.of("3-routes/channel-route", "4-context/transparency-context", "4-obstacles/route-in-force",
                "5-status/route-status"), route.rules());
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void unknownNamesAreRejectedNamingTheParameterWithNearMisses(CustodyGraph graph) {
        ArgumentException authority = assertThrows(ArgumentException.class, () -> graph.access("Atlantis", "iCloud", JULY_7, false));
        assertEquals("authority: nothing called 'Atlantis' is an authority, or a jurisdiction (meaning all its authorities)"
                + " in this graph (expected a name, an alternative name or an IRI)", authority.getMessage());
        ArgumentException nearMiss = assertThrows(ArgumentException.class, () -> graph.access("Hong Kng", "iCloud", JULY_7, false));
        assertEquals("authority: nothing called 'Hong Kng' is an authority, or a jurisdiction (meaning all its authorities)"
                + " in this graph; did you mean: Hong Kong?", nearMiss.getMessage());
        assertEquals(List.of("Hong Kong"), nearMiss.candidates());
        ArgumentException service = assertThrows(ArgumentException.class, () -> graph.access("Hong Kong", "iClod", JULY_7, false));
        assertEquals("service: nothing called 'iClod' is a service in this graph; did you mean: iCloud?", service.getMessage());
        ArgumentException apple = assertThrows(ArgumentException.class, () -> graph.access("Hong Kong", "Apple", JULY_7, false));
        assertEquals("service: nothing called 'Apple' is a service in this graph; did you mean: FaceTime, Messages, iCloud?", apple.getMessage());
    }

    @Test
    void aServiceBlockedInTheUsersRegionIsAnObstacleInForce(@TempDir Path dir) throws IOException {
        // The report gives no data of a blocked service; one fact is added here, in a test folder, to
        // exercise the rule: Facebook's data of mainland users stored in mainland China.
        Path data = dir.resolve("data");
        copyTree(Path.of("data"), data);
        Files.writeString(data.resolve("test-only").resolve("facebook.ttl"), """
                @prefix ckg: <https://w3id.org/custody-kg/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/custody-kg/id/service/facebook> a ckg:Service ; rdfs:label "Facebook service"@en ;
                    ckg:providedBy <https://w3id.org/custody-kg/id/organisation/facebook> .
                <https://w3id.org/custody-kg/id/fact/test-storage-facebook-mainland-china> a ckg:DataStorage ;
                    rdfs:label "test fact"@en ;
                    ckg:service <https://w3id.org/custody-kg/id/service/facebook> ;
                    ckg:dataCategory ckg:UserFiles ;
                    ckg:usersIn <https://w3id.org/custody-kg/id/place/mainland-china> ;
                    ckg:storedIn <https://w3id.org/custody-kg/id/place/mainland-china> ;
                    ckg:evidence "test evidence" ;
                    ckg:source <https://w3id.org/custody-kg/id/source/bbc-2020-07-07-hong-kong-data-pause> .
                """);
        try (CustodyGraph withBlock = CustodyGraph.openDirectory(data, CustodyGraph.Options.trusted())) {
            AccessRoute route = single(withBlock.access("Chinese government", "Facebook service", JULY_7, false).routes());
            assertEquals("chinese-government derived DirectRoute RouteBlocked UserFiles mainland-china", summary(route));
            assertEquals(List.of("fact:availability-facebook-mainland-china"), facts(route.obstacles()));
            assertEquals(List.of("4-obstacles/blocked-service-obstacle", "4-obstacles/route-in-force", "5-status/route-status"),
                    route.rules().stream().filter(r -> !r.startsWith("3-")).toList());
        }
    }

    @Test
    void askingNeverWritesATdb2Store() {
        long before = AskingLeavesTheDatasetAloneTest.quads(tdb.dataset());
        for (Optional<LocalDate> date : List.of(JULY_7, JUNE_1, JULY_2)) {
            tdb.access("Hong Kong", "Office 365", date, true);
            tdb.access("Hong Kong", "Messages", date, true);
        }
        assertEquals(before, AskingLeavesTheDatasetAloneTest.quads(tdb.dataset()));
    }

    @Test
    void datesOutside1900To2100AreRefusedNamingTheParameter() {
        ArgumentException e = assertThrows(ArgumentException.class,
                () -> memory.access("Hong Kong", "iCloud", Optional.of(LocalDate.of(2101, 1, 1)), false));
        assertEquals("asOf: expected a date from 1900-01-01 to 2100-12-31, but got '2101-01-01'", e.getMessage());
        ArgumentException early = assertThrows(ArgumentException.class,
                () -> memory.access("Hong Kong", "iCloud", Optional.of(LocalDate.of(1899, 12, 31)), false));
        assertEquals("asOf: expected a date from 1900-01-01 to 2100-12-31, but got '1899-12-31'", early.getMessage());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
        Files.createDirectories(to.resolve("test-only"));
    }

    /** "AUTHORITY GRADE KIND STATUS CATEGORY REGION", local names, "-" for no category. */
    static String summary(AccessRoute r) {
        return String.join(" ", local(r.authority()), r.grade().label(), local(r.kind()), local(r.status()),
                r.dataCategory().map(AccessPathsTest::local).orElse("-"), local(r.usersIn()));
    }

    private static String local(Entity e) {
        return e.iri().replaceAll("^.*[/#]", "");
    }

    static AccessRoute single(List<AccessRoute> routes) {
        assertEquals(1, routes.size(), routes.toString());
        return routes.get(0);
    }

    private static List<String> shortForms(List<Entity> terms) {
        return terms.stream().map(Entity::shortForm).toList();
    }

    static List<String> facts(List<Evidence> evidence) {
        return evidence.stream().map(e -> e.fact().shortForm()).toList();
    }
}

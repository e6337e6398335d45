package org.custodykg.reason;

import org.custodykg.Entity;
import org.custodykg.Evidence;
import org.custodykg.AccessRoute;
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
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's own cases, answered exactly. */
class AccessPathsTest {
    private static final Optional<LocalDate> JULY_7 = Optional.of(LocalDate.of(2020, 7, 7));
    private static final Optional<LocalDate> JULY_2 = Optional.of(LocalDate.of(2020, 7, 2));
    private static final Optional<LocalDate> JUNE_1 = Optional.of(LocalDate.of(2020, 6, 1));
    private static CustodyGraph graph;

    @BeforeAll
    static void open() {
        graph = CustodyGraph.openDefault();
    }

    @AfterAll
    static void close() {
        graph.close();
    }

    @Test
    void hongKongAuthoritiesReachHongKongUsersICloudContentOnlyThroughTheMlat() {
        List<AccessRoute> routes = AccessPaths.access(graph, "Hong Kong", "iCloud", JULY_7);
        assertEquals(1, routes.size());
        AccessRoute route = routes.get(0);
        assertEquals("https://w3id.org/custody-kg/id/inferred/route-TreatyRoute-hong-kong-law-enforcement-icloud-CloudAccountData-hong-kong", route.iri());
        assertEquals("ckg:TreatyRoute", route.kind().shortForm());
        assertEquals("ckg:RouteOpen", route.status().shortForm());
        assertTrue(route.open());
        assertEquals("organisation:hong-kong-law-enforcement", route.authority().shortForm());
        assertEquals("ckg:CloudAccountData", route.dataCategory().orElseThrow().shortForm());
        assertEquals("place:hong-kong", route.usersIn().shortForm());
        assertEquals(List.of("law:us-hong-kong-mlat"), shortForms(route.instruments()));
        assertEquals(List.of("organisation:us-department-of-justice"), shortForms(route.reviewingAuthorities()));
        assertEquals(List.of("organisation:apple"), shortForms(route.keyHolders()));
        assertEquals(List.of("place:united-states"), shortForms(route.keyLocations()));
        assertEquals(List.of("organisation:apple"), shortForms(route.dataCustodians()));
        assertEquals(List.of("place:united-states"), shortForms(route.dataLocations()));
        assertEquals(List.of("place:hong-kong", "place:united-states"), shortForms(route.jurisdictions()));
        assertEquals(List.of("law:hong-kong-national-security-law"), shortForms(route.lawsInForce()));
        assertEquals(List.of(), route.obstacles());
        assertEquals(List.of("fact:channel-hong-kong-apple-content", "fact:key-custody-icloud-hong-kong",
                "fact:storage-icloud-hong-kong"), facts(route.explanation()));
        assertEquals(List.of("3-routes/channel-route", "4-obstacles/law-in-force", "4-obstacles/route-in-force", "5-status/route-status"), route.rules());
        Evidence channel = route.explanation().get(0);
        assertEquals("source:bbc-2020-07-07-hong-kong-data-pause", channel.source().shortForm());
        assertTrue(channel.quotation().startsWith("Apple has always required that all content requests"));
    }

    @Test
    void theLawIsNotProvenInForceBeforeTheReportSaysSo() {
        AccessRoute route = AccessPaths.access(graph, "Hong Kong law enforcement", "iCloud", JULY_2).get(0);
        assertEquals(List.of(), route.lawsInForce());
        assertEquals(List.of("3-routes/channel-route", "4-obstacles/route-in-force", "5-status/route-status"), route.rules());
    }

    @Test
    void nobodyButTheDeviceOwnersCanReadHongKongMessages() {
        List<AccessRoute> routes = AccessPaths.access(graph, "Hong Kong", "Messages", JULY_7);
        assertEquals(List.of("organisation:hong-kong-government", "organisation:hong-kong-law-enforcement"),
                routes.stream().map(r -> r.authority().shortForm()).toList());
        for (AccessRoute route : routes) {
            assertEquals("ckg:NoRoute", route.kind().shortForm());
            assertEquals("ckg:RouteClosed", route.status().shortForm());
            assertEquals("ckg:Conversations", route.dataCategory().orElseThrow().shortForm());
            assertEquals(List.of("group:device-owners"), shortForms(route.keyHolders()));
            assertEquals(List.of(), route.dataCustodians());
            assertEquals(List.of("fact:key-custody-messages-hong-kong"), facts(route.explanation()));
        }
    }

    @Test
    void theChineseGovernmentReachesMainlandICloudFilesDirectly() {
        List<AccessRoute> routes = AccessPaths.access(graph, "Chinese government", "iCloud", JULY_7);
        assertEquals(1, routes.size());
        AccessRoute route = routes.get(0);
        assertEquals("ckg:DirectRoute", route.kind().shortForm());
        assertEquals("ckg:RouteOpen", route.status().shortForm());
        assertEquals("ckg:UserFiles", route.dataCategory().orElseThrow().shortForm());
        assertEquals("place:mainland-china", route.usersIn().shortForm());
        assertEquals(List.of("organisation:unnamed-icloud-data-centre-firm"), shortForms(route.dataCustodians()));
        assertEquals(List.of("place:icloud-mainland-china-data-centre"), shortForms(route.dataLocations()));
        assertEquals(List.of("place:mainland-china"), shortForms(route.jurisdictions()));
        assertEquals(List.of(), route.keyHolders());
        assertEquals(List.of("fact:channel-chinese-government-icloud-mainland-china", "fact:storage-icloud-mainland-china"),
                facts(route.explanation()));
    }

    @Test
    void theChineseGovernmentReachesMainlandOffice365ThroughTheLocalOperator() {
        AccessRoute route = single(AccessPaths.access(graph, "Chinese government", "Office 365", JULY_7));
        assertEquals("ckg:LocalOperatorRoute", route.kind().shortForm());
        assertEquals(Optional.empty(), route.dataCategory());
        assertEquals(List.of("https://w3id.org/custody-kg/id/organisation/21vianet"), route.dataCustodians().stream().map(Entity::iri).toList());
        assertEquals(List.of("fact:operation-office-365-mainland-china"), facts(route.explanation()));
    }

    @Test
    void theUsGovernmentReachesHongKongICloudDataDirectlyBecauseDataAndKeysAreInTheStates() {
        AccessRoute route = single(AccessPaths.access(graph, "US government", "iCloud", JULY_7));
        assertEquals("ckg:DirectRoute", route.kind().shortForm());
        assertEquals(List.of("place:united-states"), shortForms(route.jurisdictions()));
        assertEquals(List.of("fact:key-custody-icloud-hong-kong", "fact:storage-icloud-hong-kong"), facts(route.explanation()));
    }

    @Test
    void microsoftsPauseBlocksTheHongKongGovernmentAsOfJuly7ButNotJune1() {
        AccessRoute july = single(AccessPaths.access(graph, "Hong Kong", "Office 365", JULY_7));
        assertEquals("ckg:ProviderDisclosureRoute", july.kind().shortForm());
        assertEquals("organisation:hong-kong-government", july.authority().shortForm());
        assertEquals("ckg:NonContentData", july.dataCategory().orElseThrow().shortForm());
        assertEquals("ckg:RouteBlocked", july.status().shortForm());
        assertEquals(List.of("fact:stance-microsoft-pause-hong-kong"), facts(july.obstacles()));
        assertEquals(List.of("fact:operation-office-365-hong-kong", "fact:requests-hong-kong-microsoft-2019-07-2019-12",
                "fact:stance-microsoft-pause-hong-kong"), facts(july.explanation()));

        AccessRoute june = single(AccessPaths.access(graph, "Hong Kong", "Office 365", JUNE_1));
        assertEquals("ckg:RouteOpen", june.status().shortForm());
        assertEquals(List.of(), june.obstacles());
        assertEquals(List.of(), june.possibleObstacles());

        AccessRoute inWindow = single(AccessPaths.access(graph, "Hong Kong", "Office 365", JULY_2));
        assertEquals("ckg:RouteOpen", inWindow.status().shortForm());
        assertEquals(List.of("fact:stance-microsoft-pause-hong-kong"), facts(inWindow.possibleObstacles()));
    }

    @Test
    void linkedInRequestsGoViaTheUsGovernmentAndMicrosoftsPauseCoversItsDivision() {
        AccessRoute route = single(AccessPaths.access(graph, "Hong Kong", "LinkedIn", JULY_7));
        assertEquals("ckg:ForeignGovernmentRoute", route.kind().shortForm());
        assertEquals("organisation:hong-kong-law-enforcement", route.authority().shortForm());
        assertEquals(List.of("organisation:us-government"), shortForms(route.reviewingAuthorities()));
        assertEquals(List.of(), route.instruments());
        assertEquals("ckg:RouteBlocked", route.status().shortForm());
        assertEquals(List.of("fact:stance-microsoft-pause-hong-kong"), facts(route.obstacles()));
    }

    @Test
    void aServiceWithNoFactsForTheAuthorityHasNoRoutes() {
        assertEquals(List.of(), AccessPaths.access(graph, "Hong Kong", "TikTok", JULY_7));
    }

    @Test
    void unknownNamesAreRejectedNamingTheParameter() {
        ArgumentException authority = assertThrows(ArgumentException.class,
                () -> AccessPaths.access(graph, "Atlantis", "iCloud", JULY_7));
        // the same rule, and the same words, as every question's parameters
        assertEquals("authority: no ckg:GovernmentBody, nor a jurisdiction for all its authorities, is called 'Atlantis'"
                + " (expected a name, an alternative name or an IRI of an entity of class ckg:GovernmentBody, or of a"
                + " jurisdiction)", authority.getMessage());
        ArgumentException service = assertThrows(ArgumentException.class,
                () -> AccessPaths.access(graph, "Hong Kong", "Apple", JULY_7));
        assertEquals("service: no ckg:Service is called 'Apple' (expected a name, an alternative name or an IRI of an"
                + " entity of class ckg:Service)", service.getMessage());
        ArgumentException nobody = assertThrows(ArgumentException.class,
                () -> AccessPaths.access(graph, "Silicon Valley", "iCloud", JULY_7));
        assertEquals("authority: no ckg:GovernmentBody, nor a jurisdiction for all its authorities, is called 'Silicon Valley'"
                + " (expected a name, an alternative name or an IRI of an entity of class ckg:GovernmentBody, or of a"
                + " jurisdiction)", nobody.getMessage());
    }

    @Test
    void withoutADateTodayIsConsidered() {
        AccessRoute route = single(AccessPaths.access(graph, "Hong Kong", "Office 365", Optional.empty()));
        assertEquals(LocalDate.now(java.time.ZoneOffset.UTC), route.asOf());
        assertEquals("ckg:RouteBlocked", route.status().shortForm());
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
            AccessRoute route = single(AccessPaths.access(withBlock, "Chinese government", "Facebook service", JULY_7));
            assertEquals("ckg:DirectRoute", route.kind().shortForm());
            assertEquals("ckg:RouteBlocked", route.status().shortForm());
            assertEquals(List.of("fact:availability-facebook-mainland-china"), facts(route.obstacles()));
            assertEquals(List.of("4-obstacles/blocked-service-obstacle", "4-obstacles/route-in-force", "5-status/route-status"),
                    route.rules().stream().filter(r -> !r.startsWith("3-")).toList());
        }
    }

    @Test
    void aTdb2StoreGetsTheSameAnswersAndAskingNeverWritesIt(@TempDir Path dir) {
        Dataset store = TDB2Factory.connectDataset(dir.toString());
        Txn.executeRead(graph.dataset(), () -> Txn.executeWrite(store, () -> graph.dataset().asDatasetGraph().find()
                .forEachRemaining(quad -> {
                    if (!quad.isDefaultGraph() && !quad.getGraph().equals(ForwardChainer.INFERRED)) {
                        store.asDatasetGraph().add(quad);
                    }
                })));
        store.getContext().set(TDB2.symUnionDefaultGraph, true);
        try (CustodyGraph tdb = CustodyGraph.over(store, CustodyGraph.Options.trusted().withoutInferred())) {
            long before = AskingLeavesTheDatasetAloneTest.quads(store);
            AccessRoute route = single(AccessPaths.access(tdb, "Hong Kong", "Office 365", JULY_7));
            assertEquals("ckg:RouteBlocked", route.status().shortForm());
            assertEquals(List.of("fact:stance-microsoft-pause-hong-kong"), facts(route.obstacles()));
            assertEquals("ckg:RouteOpen", single(AccessPaths.access(tdb, "Hong Kong", "Office 365", JUNE_1)).status().shortForm());
            assertEquals(before, AskingLeavesTheDatasetAloneTest.quads(store));
            assertEquals(0L, (long) Txn.calculateRead(store, () -> store.asDatasetGraph().getGraph(ForwardChainer.INFERRED).size()));
        }
    }

    @Test
    void datesOutside1900To2100AreRefusedNamingTheParameter() {
        ArgumentException e = assertThrows(ArgumentException.class,
                () -> AccessPaths.access(graph, "Hong Kong", "iCloud", Optional.of(LocalDate.of(2101, 1, 1))));
        assertEquals("asOf: expected a date from 1900-01-01 to 2100-12-31, but got '2101-01-01'", e.getMessage());
        ArgumentException early = assertThrows(ArgumentException.class,
                () -> AccessPaths.access(graph, "Hong Kong", "iCloud", Optional.of(LocalDate.of(1899, 12, 31))));
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

    private static AccessRoute single(List<AccessRoute> routes) {
        assertEquals(1, routes.size(), routes.toString());
        return routes.get(0);
    }

    private static List<String> shortForms(List<Entity> terms) {
        return terms.stream().map(Entity::shortForm).toList();
    }

    private static List<String> facts(List<Evidence> evidence) {
        return evidence.stream().map(e -> e.fact().shortForm()).toList();
    }
}

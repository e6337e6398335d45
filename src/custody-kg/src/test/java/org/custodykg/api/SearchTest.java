package org.custodykg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.custodykg.Entity;
import org.custodykg.EntityKind;
import org.custodykg.SearchHit;
import org.custodykg.TestData;
import org.custodykg.load.Loader;
import org.custodykg.search.SearchIndex;
import org.custodykg.store.StoreLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Search, browsing and the names offered for a name that matches nothing: the same in memory and on a TDB2 store. */
class SearchTest {
    @TempDir
    static Path temp;
    private static CustodyGraph memory;
    private static CustodyGraph store;

    static Stream<CustodyGraph> graphs() {
        if (memory == null) {
            memory = CustodyGraph.openDefault();
            Path dir = temp.resolve("store");
            // written without 'custody load': the store has no index until its first search builds it
            TestData.copyNamedGraphs(memory.dataset(), dir);
            store = CustodyGraph.openStore(dir);
        }
        return Stream.of(memory, store);
    }

    @AfterAll
    static void close() {
        store.close();
        memory.close();
    }

    private static List<String> found(CustodyGraph graph, String text) {
        return graph.search(text, Optional.empty(), 5).stream()
                .map(h -> h.rank() + " " + h.shortForm() + " " + h.match() + " " + h.matched()).toList();
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void hitsComeExactNameFirstThenNamePrefixThenOtherWords(CustodyGraph graph) {
        assertEquals(List.of(
                "1 service:icloud NAME_PREFIX iCloud",
                "2 place:icloud-mainland-china-data-centre NAME_PREFIX iCloud data centre in mainland China",
                "3 fact:key-custody-icloud-hong-kong NAME_WORD Apple holds the keys to Hong Kong users' iCloud data, in the United States",
                "4 fact:backup-messages-icloud-hong-kong NAME_WORD Hong Kong users' iCloud accounts can hold back-ups of their Messages chats",
                "5 fact:storage-icloud-hong-kong NAME_WORD Hong Kong users' iCloud data is stored in the United States"),
                found(graph, "iclou"));
        assertEquals(List.of(
                "1 organisation:microsoft NAME_PREFIX Microsoft",
                "2 service:office-365 NAME_PREFIX Microsoft Office 365",
                "3 source:bbc-2020-07-07-hong-kong-data-pause NAME_PREFIX Microsoft and Zoom join Hong Kong data 'pause' (BBC News, 7 July 2020)",
                "4 fact:requests-hong-kong-microsoft-in-the-past NAME_PREFIX Microsoft has typically received only a relatively small number"
                        + " of requests from Hong Kong authorities (no number given)",
                "5 fact:operation-linkedin-hong-kong NAME_PREFIX Microsoft offers LinkedIn directly to Hong Kong residents"),
                found(graph, "Micro"));
        assertEquals(List.of(
                "1 organisation:apple NAME_WORD Apple",
                "2 service:facetime NAME_WORD Apple FaceTime",
                "3 service:messages NAME_WORD Apple Messages",
                "4 service:icloud NAME_WORD Apple iCloud",
                "5 statement:apple-assessing-new-law NAME_WORD Apple: assessing the new law"),
                found(graph, "Apple Inc"));
        assertEquals(List.of(
                "1 source:scmp-2020-07-07-microsoft-zoom-pause NAME_PREFIX National security law: Microsoft and Zoom join pause"
                        + " on Hong Kong data requests (South China Morning Post, 7 July 2020)",
                "2 law:hong-kong-national-security-law NAME_WORD Hong Kong national security law",
                "3 fact:entry-into-force-hong-kong-national-security-law NAME_WORD The day the Hong Kong national security law took effect",
                "4 attestation:nationalpost-2020-07-07-hong-kong-data-requests-google-pause"
                        + " NAME_WORD National Post: Google suspended reviews after the law went into effect",
                "5 attestation:nationalpost-2020-07-07-hong-kong-data-requests-twitter-pause"
                        + " NAME_WORD National Post: Twitter suspended reviews after the law went into effect"),
                found(graph, "national security law"));
        assertEquals(List.of(
                "1 place:hong-kong NAME Hong Kong",
                "2 organisation:hong-kong-government NAME_PREFIX Hong Kong government",
                "3 organisation:hong-kong-law-enforcement NAME_PREFIX Hong Kong law enforcement",
                "4 law:hong-kong-national-security-law NAME_PREFIX Hong Kong national security law",
                "5 attestation:hkfp-2020-07-05-telegram-data-requests-telegram-pause"
                        + " NAME_PREFIX Hong Kong Free Press on Telegram's pause"),
                found(graph, "HONG KÖNG"));
        // no name in the data is "HK": a word starting with it (HKFP, in a quotation) is the one hit, found as text
        assertEquals(List.of("1 attestation:hkfp-2020-07-05-telegram-data-requests-telegram-pause-day"
                + " TEXT \u201cWe understand the importance of protecting the right to privacy of our Hong Kong users under these"
                + " circumstances,\u201d Mike Ravdonikas of Telegram told HKFP on Sunday."), found(graph, "HK"));
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void hitsAreTypedAndFilteredByClass(CustodyGraph graph) {
        SearchHit icloud = graph.search("iCloud", Optional.of("ckg:Service"), 1).get(0);
        assertEquals(new SearchHit(1, "https://w3id.org/custody-kg/id/service/icloud", "iCloud", List.of("ckg:Service"),
                SearchHit.Match.NAME, "iCloud", icloud.score()), icloud);
        assertEquals(List.of("service:facetime", "service:messages", "service:icloud"),
                graph.search("apple", Optional.of("service"), 10).stream().map(SearchHit::shortForm).toList());
        // a class takes in the classes below it: authorities are organisations
        assertEquals(List.of("organisation:hong-kong-government", "organisation:hong-kong-law-enforcement"),
                graph.search("hong kong", Optional.of("government body"), 10).stream().map(SearchHit::shortForm).toList());
        // a quotation is searched too
        assertEquals(List.of("fact:stance-microsoft-pause-hong-kong TEXT Microsoft and Zoom have said they will not process data requests"
                        + " made by the Hong Kong authorities while they take stock of a new security law."),
                graph.search("take stock", Optional.empty(), 1).stream().map(h -> h.shortForm() + " " + h.match() + " " + h.matched()).toList());
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void queryTextIsWordsNeverLuceneSyntax(CustodyGraph graph) {
        for (String hostile : List.of("*", "title:(", "a AND OR NOT", "\"unclosed", "~2 ^3 [a TO z]", "\\", "icloud:*")) {
            List<SearchHit> hits = graph.search(hostile, Optional.empty(), 3);
            assertTrue(hits.size() <= 3, hostile);
        }
        assertEquals("service:icloud", graph.search("icloud:*", Optional.empty(), 1).get(0).shortForm());
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void badArgumentsNameTheParameter(CustodyGraph graph) {
        assertEquals("text: expected words to search for, but got nothing",
                assertThrows(ArgumentException.class, () -> graph.search("  ", Optional.empty(), 5)).getMessage());
        assertEquals("limit: expected a whole number from 1 to 1000, but got 0",
                assertThrows(ArgumentException.class, () -> graph.search("iCloud", Optional.empty(), 0)).getMessage());
        assertEquals("text: expected at most 500 characters, but got 501",
                assertThrows(ArgumentException.class, () -> graph.search("a".repeat(501), Optional.empty(), 5)).getMessage());
        assertEquals("type: no owl:Class is called 'gadget' (expected a name, an alternative name or an IRI of an entity of class owl:Class)",
                assertThrows(ArgumentException.class, () -> graph.search("iCloud", Optional.of("gadget"), 5)).getMessage());
        assertEquals("type: no owl:Class is called 'servce'; did you mean: service?",
                assertThrows(ArgumentException.class, () -> graph.search("iCloud", Optional.of("servce"), 5)).getMessage());
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void everyNameErrorOffersTheClosestNames(CustodyGraph graph) {
        Map<String, String> expected = Map.of(
                "iclou", "service: no ckg:Service is called 'iclou'; did you mean: iCloud?",
                "Micro", "service: no ckg:Service is called 'Micro'; did you mean: Office 365?",
                "HK", "service: no ckg:Service is called 'HK' (expected a name, an alternative name or an IRI of an entity of class ckg:Service)");
        expected.forEach((name, message) -> assertEquals(message,
                assertThrows(ArgumentException.class, () -> graph.keyCustody(name)).getMessage()));
        assertEquals("firm: no ckg:Organisation is called 'Apple Inc'; did you mean: Apple?",
                assertThrows(ArgumentException.class, () -> graph.stances("Apple Inc")).getMessage());
        assertEquals("entity: no rdfs:Resource is called 'national security law'; did you mean: Hong Kong national security law,"
                + " National security law: Microsoft and Zoom join pause on Hong Kong data requests (South China Morning Post,"
                + " 7 July 2020), The day the Hong Kong national security law took effect?",
                assertThrows(ArgumentException.class, () -> graph.ask("describe", Map.of("entity", "national security law"))).getMessage());
        // the initials of a name's words: HK for Hong Kong, where an authority or a jurisdiction is expected
        assertEquals("authority: no ckg:GovernmentBody, nor a jurisdiction for all its authorities, is called 'HK'; did you mean: Hong Kong?",
                assertThrows(ArgumentException.class, () -> graph.ask("legal-channel", Map.of("authority", "HK"))).getMessage());
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void browsingListsEachKindByLabel(CustodyGraph graph) {
        assertEquals(List.of(new EntityKind("attestation", 43), new EntityKind("fact", 48), new EntityKind("group", 1),
                new EntityKind("law", 2), new EntityKind("organisation", 18), new EntityKind("person", 1),
                new EntityKind("place", 7), new EntityKind("report", 2), new EntityKind("service", 11),
                new EntityKind("source", 16), new EntityKind("statement", 11)), graph.kinds());
        assertEquals(List.of("Douyin", "Facebook social network", "FaceTime", "iCloud", "Instagram", "LinkedIn", "Messages",
                "Office 365", "TikTok", "WhatsApp", "Zoom"),
                graph.entitiesOfKind("service").stream().map(Entity::label).toList());
        assertEquals("kind: no entity is of kind 'gadget'; expected one of attestation, fact, group, law, organisation, person, place, report,"
                + " service, source, statement", assertThrows(ArgumentException.class, () -> graph.entitiesOfKind("gadget")).getMessage());
    }

    @Test
    void loadWritesTheStoresIndexAndEachLoadWritesItAfresh() throws Exception {
        Path dir = temp.resolve("loaded");
        // every file of data/, as the embedded graph holds them: the scores compared below depend on all of it
        StoreLoader.loadInto(dir, GraphFactory.createDefaultGraph(), line -> {}, Loader.rdfFiles(Path.of("data")), null);
        assertTrue(Files.isDirectory(dir.resolve(SearchIndex.FOLDER)));
        try (CustodyGraph loaded = CustodyGraph.openStore(dir); CustodyGraph embedded = CustodyGraph.openDefault()) {
            assertEquals(embedded.search("hong kong", Optional.empty(), 20), loaded.search("hong kong", Optional.empty(), 20));
        }
        Path extra = temp.resolve("extra.ttl");
        Files.writeString(extra, """
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/custody-kg/id/service/zyxwave> a <https://w3id.org/custody-kg/ontology#Service> ;
                    rdfs:label "Zyxwave"@en .
                """);
        StoreLoader.loadInto(dir, GraphFactory.createDefaultGraph(), line -> {}, List.of(extra), null);
        try (CustodyGraph loaded = CustodyGraph.openStore(dir)) {
            assertEquals(List.of("service:zyxwave"), loaded.search("zyx", Optional.empty(), 5).stream().map(SearchHit::shortForm).toList());
            // a later load indexes the store's data, not only the file it added
            assertEquals("service:icloud", loaded.search("icloud", Optional.empty(), 1).get(0).shortForm());
        }
        assertFalse(Files.exists(dir.resolve(SearchIndex.FOLDER + ".building")));
    }
}

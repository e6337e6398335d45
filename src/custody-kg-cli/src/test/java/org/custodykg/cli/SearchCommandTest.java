package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.custodykg.CustodyGraph;
import org.custodykg.SearchHit;
import org.custodykg.load.Loader;
import org.custodykg.search.SearchIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custody search}, and the names offered for a name that matches nothing, on the embedded graph and on a store written by {@code custody load}. */
class SearchCommandTest {
    private static final String ICLOU_TABLE = """
            | rank | entity                                  | label                                | types          | match       | matched                              | score |
            | ---- | --------------------------------------- | ------------------------------------ | -------------- | ----------- | ------------------------------------ | ----- |
            | 1    | service:icloud                          | iCloud                               | ckg:Service    | name_prefix | iCloud                               | 1.0   |
            | 2    | place:icloud-mainland-china-data-centre | iCloud data centre in mainland China | ckg:DataCentre | name_prefix | iCloud data centre in mainland China | 1.0   |
            """;

    @TempDir
    Path temp;

    /** A store loaded from the repository's data with {@code custody load}, which writes its search index. */
    private Path loadedStore() throws Exception {
        Path store = temp.resolve("store");
        // every file of data/, as the embedded graph holds them: the hits and their scores depend on all of it
        List<String> args = new ArrayList<>(List.of("load", "--store", store.toString()));
        Loader.rdfFiles(Path.of("data")).forEach(file -> args.add(file.toString()));
        assertEquals(0, CliTest.run(args.toArray(String[]::new)).exit());
        assertTrue(Files.isDirectory(store.resolve(SearchIndex.FOLDER)));
        return store;
    }

    @Test
    void searchPrintsTheHitsBestFirstTheSameOnTheEmbeddedGraphAndOnAStore() throws Exception {
        Path store = loadedStore();
        CliTest.assertRun(new CliTest.Run(0, ICLOU_TABLE, ""), CliTest.run("search", "iclou", "--limit", "2"));
        CliTest.assertRun(new CliTest.Run(0, ICLOU_TABLE, ""), CliTest.run("search", "iclou", "--limit", "2", "--store", store.toString()));
        CliTest.assertRun(new CliTest.Run(0, ICLOU_TABLE, ""), CliTest.run("search", "iclou", "--limit=2", "--format", "table"));
        CliTest.assertRun(new CliTest.Run(0, """
                rank,entity,label,types,match,matched,score\r
                1,https://w3id.org/custody-kg/id/service/facetime,FaceTime,ckg:Service,name_prefix,Apple FaceTime,2.4974658\r
                2,https://w3id.org/custody-kg/id/service/messages,Messages,ckg:Service,name_prefix,Apple Messages,2.4974658\r
                3,https://w3id.org/custody-kg/id/service/icloud,iCloud,ckg:Service,name_prefix,Apple iCloud,2.4974658\r
                """, ""), CliTest.run("search", "apple", "--type", "service", "--format", "csv"));
        // JSON: the library's table, as the server sends it
        String json;
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            json = SearchHit.table(graph.search("Micro", Optional.empty(), 20)).toJson();
        }
        assertEquals(json, CliTest.run("search", "Micro", "--format", "json").out());
        assertEquals(json, CliTest.run("search", "Micro", "--format", "json", "--store", store.toString()).out());
    }

    @Test
    void badArgumentsExitWith2NamingTheParameter() {
        CliTest.assertRun(CliTest.failed(2, "custody search: text: expected words to search for, but got nothing\n"),
                CliTest.run("search", " "));
        CliTest.assertRun(CliTest.failed(2, "custody search: --limit: expected a whole number from 1 to 1000, but got 0\n"),
                CliTest.run("search", "iCloud", "--limit", "0"));
        CliTest.assertRun(CliTest.failed(2, "custody search: --type: no owl:Class is called 'gadget' (expected a name, an"
                + " alternative name or an IRI of an entity of class owl:Class)\n"), CliTest.run("search", "iCloud", "--type", "gadget"));
        CliTest.assertRun(CliTest.failed(2, "custody search: --format: ttl does not fit a table (SELECT); expected json, xml, csv, tsv or text\n"), CliTest.run("search", "iCloud", "--format", "ttl"));
    }

    @Test
    void everyNameErrorOffersTheClosestNamesOnTheEmbeddedGraphAndOnAStore() throws Exception {
        Path store = loadedStore();
        for (String[] where : new String[][] {{}, {"--store", store.toString()}}) {
            CliTest.assertRun(CliTest.failed(2, "custody ask: --service: no ckg:Service is called 'iclou'; did you mean: iCloud?\n"),
                    CliTest.run(concat(where, "ask", "key-custody", "--service", "iclou")));
            CliTest.assertRun(CliTest.failed(2, "custody ask: --service: no ckg:Service is called 'Micro'; did you mean: Office 365?\n"),
                    CliTest.run(concat(where, "ask", "key-custody", "--service", "Micro")));
            CliTest.assertRun(CliTest.failed(2, "custody ask: --firm: no ckg:Organisation is called 'Apple Inc'; did you mean: Apple?\n"),
                    CliTest.run(concat(where, "ask", "stances", "--firm", "Apple Inc")));
            CliTest.assertRun(CliTest.failed(2, "custody describe: entity: no rdfs:Resource is called 'national security law'; did you"
                    + " mean: Hong Kong national security law, National security law: Microsoft and Zoom join pause on Hong Kong data"
                    + " requests (South China Morning Post, 7 July 2020), The day the Hong Kong national security law took effect?\n"),
                    CliTest.run(concat(where, "describe", "national security law")));
            CliTest.assertRun(CliTest.failed(2, "custody ask: --authority: no ckg:GovernmentBody, nor a jurisdiction for all its"
                    + " authorities, is called 'HK'; did you mean: Hong Kong?\n"), CliTest.run(concat(where, "ask", "legal-channel", "--authority", "HK")));
        }
    }

    private static String[] concat(String[] options, String... args) {
        return Stream.concat(Stream.of(args), Stream.of(options)).toArray(String[]::new);
    }
}

package org.custodykg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.custodykg.DataException;
import org.custodykg.Entity;
import org.custodykg.KeyCustody;
import org.custodykg.Stance;
import org.custodykg.Storage;
import org.custodykg.Answer;
import org.custodykg.query.EntityResolver;
import org.custodykg.ResultTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The Java API as an embedder uses it: only public types, from another package. */
class EmbedderTest {
    private static final String ID = "https://w3id.org/custody-kg/id/";
    private static final CustodyGraph GRAPH = CustodyGraph.openDefault();

    private static final Entity ICLOUD = new Entity(ID + "service/icloud", "iCloud");
    private static final Entity APPLE = new Entity(ID + "organisation/apple", "Apple");
    private static final Entity HONG_KONG = new Entity(ID + "place/hong-kong", "Hong Kong");
    private static final Entity UNITED_STATES = new Entity(ID + "place/united-states", "United States");
    private static final Entity MAINLAND_CHINA = new Entity(ID + "place/mainland-china", "mainland China");
    private static final Entity HK_GOVERNMENT = new Entity(ID + "organisation/hong-kong-government", "Hong Kong government");

    @AfterAll
    static void close() {
        GRAPH.close();
    }

    @Test
    void keyCustodyOfICloud() {
        assertEquals(List.of(new KeyCustody(ICLOUD, Optional.of("cloud account data"), Optional.of(HONG_KONG),
                Optional.of("encryption with provider-held keys"), Optional.of(APPLE), Optional.of(UNITED_STATES),
                new Entity(ID + "fact/key-custody-icloud-hong-kong",
                        "Apple holds the keys to Hong Kong users' iCloud data, in the United States"))),
                GRAPH.keyCustody("iCloud"));
    }

    @Test
    void keyCustodyOfEveryServiceWhenNull() {
        assertEquals(List.of(ID + "fact/key-custody-facetime-hong-kong", ID + "fact/key-custody-messages-hong-kong",
                ID + "fact/key-custody-icloud-hong-kong"),
                GRAPH.keyCustody(null).stream().map(k -> k.fact().iri()).toList());
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.of(UNITED_STATES)),
                GRAPH.keyCustody(null).stream().map(KeyCustody::keysStoredIn).toList());
    }

    @Test
    void storageOfICloud() {
        assertEquals(List.of(
                new Storage(ICLOUD, Optional.of("cloud account data"), Optional.of(HONG_KONG), UNITED_STATES,
                        Optional.empty(), Optional.of(UNITED_STATES),
                        new Entity(ID + "fact/storage-icloud-hong-kong",
                                "Hong Kong users' iCloud data is stored in the United States")),
                new Storage(ICLOUD, Optional.of("user files"), Optional.of(MAINLAND_CHINA),
                        new Entity(ID + "place/icloud-mainland-china-data-centre", "iCloud data centre in mainland China"),
                        Optional.of(new Entity(ID + "organisation/unnamed-icloud-data-centre-firm",
                                "unnamed local firm controlling the iCloud data centre in mainland China")),
                        Optional.of(MAINLAND_CHINA),
                        new Entity(ID + "fact/storage-icloud-mainland-china",
                                "Mainland Chinese users' iCloud files are stored in a data centre controlled by a local firm"))),
                GRAPH.storage("Apple iCloud"));
    }

    @Test
    void stancesOfApple() {
        assertEquals(List.of(
                new Stance(APPLE, Optional.of("assessment"), Optional.of(HK_GOVERNMENT), Optional.of(HONG_KONG),
                        Optional.empty(), Optional.of(LocalDate.of(2020, 6, 30)), Optional.of(LocalDate.of(2020, 7, 7)),
                        Optional.empty(), false, false,
                        new Entity(ID + "fact/stance-apple-assessment-hong-kong", "Apple is assessing the new law")),
                new Stance(APPLE, Optional.of("compliance"), Optional.of(HK_GOVERNMENT), Optional.of(HONG_KONG),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("in the past"), false, false,
                        new Entity(ID + "fact/stance-apple-compliance-hong-kong",
                                "Apple has complied with Hong Kong government requests in the past"))),
                GRAPH.stances("apple"));
        // every stance: the ten toward an authority (LinkedIn's from a later source) and the three toward the Hong Kong market alone
        assertEquals(13, GRAPH.stances(null).size());
    }

    @Test
    void aStanceTowardAMarketHasNoAuthority() {
        Entity tiktok = new Entity(ID + "service/tiktok", "TikTok");
        assertEquals(new Stance(new Entity(ID + "organisation/tiktok", "TikTok"), Optional.of("market exit"), Optional.empty(),
                        Optional.of(HONG_KONG), Optional.of(tiktok), Optional.empty(), Optional.of(LocalDate.of(2020, 7, 7)),
                        Optional.of("within days"), false, true,
                        new Entity(ID + "fact/stance-tiktok-exit-hong-kong", "TikTok plans to exit Hong Kong within days")),
                GRAPH.stances("TikTok").get(0));
    }

    @Test
    void typedMethodsRejectUnknownAndAmbiguousNames() {
        ArgumentException unknown = assertThrows(ArgumentException.class, () -> GRAPH.keyCustody("Nokia"));
        assertEquals("service: no ckg:Service is called 'Nokia' (expected a name, an alternative name or an IRI of "
                + "an entity of class ckg:Service)", unknown.getMessage());
        ArgumentException notAFirm = assertThrows(ArgumentException.class, () -> GRAPH.stances("iCloud"));
        // the closest firms are offered: one name holds the other
        assertEquals("firm: no ckg:Organisation is called 'iCloud'; did you mean: unnamed local firm controlling the iCloud"
                + " data centre in mainland China?", notAFirm.getMessage());
    }

    @Test
    void resolvesHumanNames() {
        for (String name : List.of("iCloud", "icloud", "Apple iCloud", "service:icloud", ID + "service/icloud")) {
            assertEquals(NodeFactory.createURI(ID + "service/icloud"), GRAPH.resolve(name, EntityResolver.ANY_CLASS), name);
        }
        assertEquals("iCloud", GRAPH.label(NodeFactory.createURI(ID + "service/icloud")));
    }

    @Test
    void ambiguousNamesListTheirCandidates() {
        ArgumentException zoom = assertThrows(ArgumentException.class, () -> GRAPH.resolve("Zoom", EntityResolver.ANY_CLASS));
        assertEquals("name: the name 'Zoom' is ambiguous; it could mean: organisation:zoom (Zoom), service:zoom (Zoom)",
                zoom.getMessage());
        assertEquals(List.of("organisation:zoom (Zoom)", "service:zoom (Zoom)"), zoom.candidates());
        ArgumentException linkedIn = assertThrows(ArgumentException.class, () -> GRAPH.resolve("linkedin", EntityResolver.ANY_CLASS));
        assertEquals(List.of("organisation:linkedin (LinkedIn)", "service:linkedin (LinkedIn)"), linkedIn.candidates());
    }

    @Test
    void runsEveryKindOfSparql() {
        Answer select = GRAPH.sparql("PREFIX ckg: <https://w3id.org/custody-kg/ontology#> "
                + "SELECT ?fact WHERE { ?fact a ckg:KeyCustody ; ckg:keysStoredIn ?where } ORDER BY ?fact");
        assertEquals(Answer.Kind.TABLE, select.kind());
        ResultTable table = select.table();
        assertEquals(List.of("fact"), table.vars());
        assertEquals("| fact                              |\n| --------------------------------- |\n"
                + "| fact:key-custody-icloud-hong-kong |\n", table.toText());
        assertTrue(GRAPH.sparql("ASK { <" + ID + "service/icloud> ?p ?o }").bool());
        assertFalse(GRAPH.sparql("ASK { <" + ID + "service/nothing> ?p ?o }").bool());
        assertEquals(3, GRAPH.sparql("CONSTRUCT { ?s a ?c } WHERE { ?s a ?c . "
                + "FILTER(?c = <https://w3id.org/custody-kg/ontology#KeyCustody>) }").graph().size());
        assertEquals(68, GRAPH.ask("describe", Map.of("entity", "iCloud")).graph().size());
        assertEquals(Answer.Kind.GRAPH, GRAPH.sparql("DESCRIBE <" + ID + "service/icloud>").kind());
    }

    @Test
    void malformedQueryGivesLineAndColumn() {
        DataException bad = assertThrows(DataException.class, () -> GRAPH.sparql("SELECT ?s\nWHERE { ?s ?p }"));
        assertEquals("query:2:15: Encountered \" \"}\" \"} \"\" at line 2, column 15.", bad.getMessage());
    }

    @Test
    void givesTheUnderlyingDatasetAndModel() {
        long triples = Txn.calculateRead(GRAPH.dataset(), () -> GRAPH.model().size());
        assertEquals(GRAPH.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").table().rows().get(0).integer("n"), triples);
        assertEquals(List.of("https://w3id.org/custody-kg/graph/inferred", "https://w3id.org/custody-kg/graph/ontology",
                "https://w3id.org/custody-kg/graph/source/ap-2020-07-06-hong-kong-user-data",
                "https://w3id.org/custody-kg/graph/source/appledaily-2021-06-09-facebook-requests",
                "https://w3id.org/custody-kg/graph/source/bbc-2020-07-07-hong-kong-data-pause",
                "https://w3id.org/custody-kg/graph/source/businessgurus-2020-07-07-tiktok-exit",
                "https://w3id.org/custody-kg/graph/source/dw-2020-07-07-user-data-requests",
                "https://w3id.org/custody-kg/graph/source/hkfp-2020-07-05-telegram-data-requests",
                "https://w3id.org/custody-kg/graph/source/hkfp-2021-05-08-hong-kong-user-data-requests",
                "https://w3id.org/custody-kg/graph/source/hkfp-2021-06-08-facebook-refused-requests",
                "https://w3id.org/custody-kg/graph/source/latimes-2020-07-06-hong-kong-data-requests",
                "https://w3id.org/custody-kg/graph/source/nationalpost-2020-07-07-hong-kong-data-requests",
                "https://w3id.org/custody-kg/graph/source/netimperative-2020-07-07-hong-kong-police-help",
                "https://w3id.org/custody-kg/graph/source/rfa-2021-06-08-facebook-user-data-requests",
                "https://w3id.org/custody-kg/graph/source/scmp-2020-07-07-microsoft-zoom-pause",
                "https://w3id.org/custody-kg/graph/source/sputnik-2020-07-07-zoom-data-requests",
                "https://w3id.org/custody-kg/graph/source/taiwannews-2020-07-06-telegram",
                "https://w3id.org/custody-kg/graph/source/verge-2020-07-06-hong-kong-data-requests",
                "https://w3id.org/custody-kg/graph/sources"),
                Txn.calculateRead(GRAPH.dataset(), () -> {
                    List<String> names = new java.util.ArrayList<>();
                    GRAPH.dataset().listNames().forEachRemaining(names::add);
                    return names.stream().sorted().toList();
                }));
    }

}

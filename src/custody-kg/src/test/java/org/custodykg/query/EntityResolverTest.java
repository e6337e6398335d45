package org.custodykg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.load.Loader;
import org.custodykg.store.StoreLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names resolve alike whether the exact text is found directly or only its key (case, accents, spacing)
 * in the index of every name, in memory and on a TDB2 store of the same data.
 */
class EntityResolverTest {
    private static final String SERVICE = CustodyKg.ONTOLOGY_NS + "Service";
    private static final String GOVERNMENT_BODY = CustodyKg.ONTOLOGY_NS + "GovernmentBody";
    private static final List<Node> HONG_KONG_AUTHORITIES = List.of(id("organisation/hong-kong-government"),
            id("organisation/hong-kong-law-enforcement"));
    @TempDir
    static Path temp;
    private static CustodyGraph memory;
    private static CustodyGraph store;

    @BeforeAll
    static void open() {
        memory = CustodyGraph.openDefault();
        Path dir = temp.resolve("store");
        StoreLoader.loadInto(dir, GraphFactory.createDefaultGraph(), line -> {}, Loader.rdfFiles(Path.of("data")), null);
        store = CustodyGraph.openStore(dir);
    }

    @AfterAll
    static void close() {
        memory.close();
        store.close();
    }

    static Stream<CustodyGraph> graphs() {
        return Stream.of(memory, store);
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void theExactNameAndItsOtherSpellingsMeanTheSameEntity(CustodyGraph graph) {
        for (String text : List.of("iCloud", " iCloud ", "ICLOUD", "i-cloud", "service:icloud",
                "https://w3id.org/custody-kg/id/service/icloud")) {
            assertEquals(id("service/icloud"), graph.resolve(text, SERVICE), text);
        }
        assertEquals("iCloud", graph.label(id("service/icloud")));
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void aJurisdictionOrItsAuthoritiesNameMeansEachAuthority(CustodyGraph graph) {
        for (String text : List.of("Hong Kong", "hong kong", "Hong Kong authorities", "HONG KONG AUTHORITIES", "place:hong-kong")) {
            assertEquals(HONG_KONG_AUTHORITIES, graph.resolveAll("authority", text, GOVERNMENT_BODY), text);
        }
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("graphs")
    void aNameOfAnotherClassOrOfNothingIsRefusedAlike(CustodyGraph graph) {
        ArgumentException other = assertThrows(ArgumentException.class, () -> graph.resolveAll("service", "Hong Kong", SERVICE));
        assertEquals("service: no ckg:Service is called 'Hong Kong' (expected a name, an alternative name or an IRI of an "
                + "entity of class ckg:Service)", other.getMessage());
        ArgumentException none = assertThrows(ArgumentException.class, () -> graph.resolveAll("service", "Nothing at all", SERVICE));
        assertEquals("service: no ckg:Service is called 'Nothing at all' (expected a name, an alternative name or an IRI of an "
                + "entity of class ckg:Service)", none.getMessage());
        ArgumentException iri = assertThrows(ArgumentException.class, () -> graph.resolveAll("service", "place:hong-kong", SERVICE));
        assertEquals("service: expected an entity of class ckg:Service, but place:hong-kong is not one in this graph", iri.getMessage());
    }

    private static Node id(String path) {
        return NodeFactory.createURI("https://w3id.org/custody-kg/id/" + path);
    }
}

package org.custodykg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyGraph.Options;
import org.custodykg.DataException;
import org.custodykg.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders of Turtle that cannot be used: missing, with a syntax error, or violating the shapes. */
class LoadErrorsTest {
    @TempDir
    Path temp;

    @Test
    void aSyntaxErrorNamesFileLineAndColumn() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("data"));
        Files.writeString(dir.resolve("a-good.ttl"), TestData.GOOD);
        Path broken = dir.resolve("b-broken.ttl");
        Files.writeString(broken, TestData.BROKEN);
        DataException e = assertThrows(DataException.class, () -> CustodyGraph.openDirectory(dir, Options.validating()));
        assertEquals(broken + ":5:1: Broken IRI (newline): https://w3id.org/custody-kg/id/organisation/x", e.getMessage());
    }

    @Test
    void aFolderOfDataIsCheckedAgainstTheEmbeddedShapes() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("data"));
        Files.writeString(dir.resolve("a-good.ttl"), TestData.GOOD);
        DataException e = assertThrows(DataException.class, () -> CustodyGraph.openDirectory(dir, Options.validating()));
        assertEquals(List.of(
                "service:example ckg:describedIn: An entity must name the source document that describes it "
                        + "(ckg:describedIn), and that must be a ckg:SourceDocument.",
                "service:example ckg:providedBy: A service must name the organisation that provides it "
                        + "(ckg:providedBy), and that must be a ckg:Organisation.",
                "service:example rdfs:label: An entity's label (rdfs:label) must be one string tagged with the language en.",
                "service:example rdfs:label: An entity's label (rdfs:label) must be one string tagged with the language en."),
                e.problems());
        try (CustodyGraph graph = CustodyGraph.openDirectory(dir, Options.trusted())) {
            assertEquals("https://w3id.org/custody-kg/id/service/example",
                    graph.resolve("example", "https://w3id.org/custody-kg/ontology#Service").getURI());
            assertEquals(List.of(), graph.keyCustody(null));
        }
    }

    @Test
    void aMissingFolderNamesTheParameterNotAFlag() {
        Path missing = temp.resolve("nowhere");
        assertEquals("data: expected a readable folder of Turtle files, but " + missing + " is not a folder",
                assertThrows(ArgumentException.class, () -> CustodyGraph.openDirectory(missing, Options.validating())).getMessage());
    }

    @Test
    void validationListsEveryViolationAndCanBeSkipped() throws Exception {
        Path repo = TestData.repositoryWithShapes(temp);
        DataException e = assertThrows(DataException.class, () -> CustodyGraph.openDirectory(repo, Options.validating()));
        assertEquals(List.of(
                "fact:key-custody-facetime-hong-kong ckg:keysStoredIn: a key-custody fact must say where the keys are",
                "fact:key-custody-messages-hong-kong ckg:keysStoredIn: a key-custody fact must say where the keys are"),
                e.problems());
        assertEquals("The data does not conform to the shapes (2 violations):\n" + String.join("\n", e.problems()),
                e.getMessage().replace(System.lineSeparator(), "\n"));
        try (CustodyGraph trusted = CustodyGraph.openDirectory(repo, Options.trusted())) {
            assertEquals(3, trusted.keyCustody(null).size());
        }
    }
}

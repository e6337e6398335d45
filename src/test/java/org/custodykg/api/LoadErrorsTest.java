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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders of Turtle that cannot be used: missing, with a syntax error, or violating the shapes. */
class LoadErrorsTest {
    static final String GOOD = """
            @prefix ckg: <https://w3id.org/custody-kg/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <https://w3id.org/custody-kg/id/service/example> a ckg:Service ; rdfs:label "Example" .
            """;
    static final String BROKEN = """
            @prefix ckg: <https://w3id.org/custody-kg/ontology#> .

            <https://w3id.org/custody-kg/id/service/broken> a ckg:Service ;
                ckg:providedBy <https://w3id.org/custody-kg/id/organisation/x
            """;
    static final String SHAPES = """
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix ckg: <https://w3id.org/custody-kg/ontology#> .
            @prefix ex: <https://example.org/shapes#> .
            ex:KeyCustodyShape a sh:NodeShape ;
                sh:targetClass ckg:KeyCustody ;
                sh:property [ sh:path ckg:keysStoredIn ; sh:minCount 1 ;
                              sh:message "a key-custody fact must say where the keys are" ] .
            """;

    @TempDir
    Path temp;

    @Test
    void aSyntaxErrorNamesFileLineAndColumn() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("data"));
        Files.writeString(dir.resolve("a-good.ttl"), GOOD);
        Path broken = dir.resolve("b-broken.ttl");
        Files.writeString(broken, BROKEN);
        DataException e = assertThrows(DataException.class, () -> CustodyGraph.openDirectory(dir, Options.validating()));
        assertEquals(broken + ":5:1: Broken IRI (newline): https://w3id.org/custody-kg/id/organisation/x", e.getMessage());
    }

    @Test
    void aFolderOfGoodDataIsReadWithTheEmbeddedOntology() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("data"));
        Files.writeString(dir.resolve("a-good.ttl"), GOOD);
        try (CustodyGraph graph = CustodyGraph.openDirectory(dir, Options.validating())) {
            assertEquals("https://w3id.org/custody-kg/id/service/example",
                    graph.resolve("example", "https://w3id.org/custody-kg/ontology#Service").getURI());
            assertEquals(List.of(), graph.keyCustody(null));
        }
    }

    @Test
    void aMissingFolderNamesTheOption() {
        Path missing = temp.resolve("nowhere");
        assertEquals("--data: expected a readable folder of Turtle files, but " + missing + " is not a folder",
                assertThrows(ArgumentException.class, () -> CustodyGraph.openDirectory(missing, Options.validating())).getMessage());
    }

    @Test
    void validationListsEveryViolationAndCanBeSkipped() throws Exception {
        Path repo = repositoryWithShapes(temp);
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

    /** A copy of the repository's ontology and data, with shapes that two key-custody facts violate. */
    static Path repositoryWithShapes(Path temp) throws Exception {
        Path repo = temp.resolve("repo");
        Files.createDirectories(repo.resolve("ontology"));
        Files.copy(Path.of("ontology/custody.ttl"), repo.resolve("ontology/custody.ttl"));
        Files.writeString(repo.resolve("ontology/shapes.ttl"), SHAPES);
        Path data = Files.createDirectories(repo.resolve("data"));
        try (var files = Files.walk(Path.of("data"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = data.resolve(Path.of("data").relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return repo;
    }
}

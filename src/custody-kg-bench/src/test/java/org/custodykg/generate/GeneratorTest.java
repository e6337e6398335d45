package org.custodykg.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.system.Txn;
import org.custodykg.ArgumentException;
import org.custodykg.Layout;
import org.custodykg.load.Loader;
import org.custodykg.load.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator writes exactly the size asked for, the same bytes for a seed, and data that meets the shapes. */
class GeneratorTest {
    private static final long SIZE = 20_000;

    @TempDir
    static Path temp;

    private static Path ntriples;
    private static Generator.Summary summary;

    @BeforeAll
    static void generate() {
        ntriples = temp.resolve("gen.nt");
        summary = Generator.generate(SIZE, 7, ntriples);
    }

    @Test
    void writesExactlyTheTriplesAskedFor() {
        assertEquals(new Generator.Summary(20_000, 1_389, 8), summary);
        assertEquals(SIZE, Loader.parseFile(ntriples).size());
    }

    @Test
    void theFileIsWrittenWholeReadableByAllAndNoTemporaryFileIsLeft() throws Exception {
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(ntriples)));
        try (var files = Files.list(temp)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".part")).toList());
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws Exception {
        Path again = temp.resolve("again.nt");
        Path other = temp.resolve("other.nt");
        Generator.generate(SIZE, 7, again);
        Generator.generate(SIZE, 8, other);
        assertArrayEquals(Files.readAllBytes(ntriples), Files.readAllBytes(again));
        assertFalse(Arrays.equals(Files.readAllBytes(ntriples), Files.readAllBytes(other)));
    }

    @Test
    void gzippedTurtleHoldsTheSameGraph() throws Exception {
        Path turtle = temp.resolve("gen.ttl.gz");
        Generator.generate(SIZE, 7, turtle);
        assertEquals(0x1f, Files.readAllBytes(turtle)[0] & 0xff);
        assertTrue(Loader.parseFile(turtle).isIsomorphicWith(Loader.parseFile(ntriples)));
    }

    @Test
    void entitiesAndFactsHaveTheExpectedCounts() {
        Map<String, Long> expected = Map.ofEntries(
                Map.entry("State", 200L), Map.entry("SpecialAdministrativeRegion", 25L), Map.entry("LegalRegion", 25L),
                Map.entry("Authority", 250L), Map.entry("LawEnforcementAuthority", 250L), Map.entry("Law", 250L),
                Map.entry("MutualLegalAssistanceTreaty", 300L), Map.entry("Company", 8L), Map.entry("Service", 32L),
                Map.entry("DataCentre", 8L), Map.entry("TransparencyReport", 8L), Map.entry("SourceDocument", 15L),
                Map.entry("KeyCustody", 278L), Map.entry("DataStorage", 278L), Map.entry("ServiceOperation", 139L),
                Map.entry("ServiceAvailability", 70L), Map.entry("DataBackup", 69L), Map.entry("Stance", 139L),
                Map.entry("LegalChannel", 139L), Map.entry("RequestStatistics", 277L));
        Graph graph = Loader.parseFile(ntriples);
        var model = ModelFactory.createModelForGraph(graph);
        expected.forEach((type, count) -> {
            String query = "SELECT (COUNT(?x) AS ?n) { ?x a <https://w3id.org/custody-kg/ontology#" + type + "> }";
            try (var exec = QueryExecutionFactory.create(query, model)) {
                assertEquals(count, exec.execSelect().next().getLiteral("n").getLong(), type);
            }
        });
    }

    @Test
    void everyIriIsAGeneratedOne() {
        Graph graph = Loader.parseFile(ntriples);
        long foreign = graph.find().toList().stream().filter(t -> t.getSubject().getURI().startsWith("https://w3id.org/custody-kg/id/")
                && !t.getSubject().getURI().matches("https://w3id.org/custody-kg/id/[a-z]+/gen-.*")).count();
        assertEquals(0, foreign);
    }

    @Test
    void meetsTheShapesWithTheOntology() {
        Dataset dataset = DatasetFactory.createTxnMem();
        Txn.executeWrite(dataset, () -> {
            var union = dataset.asDatasetGraph().getDefaultGraph();
            Loader.parseFile(ntriples).find().forEach(union::add);
            Loader.parseFile(Layout.embedded().ontology().resolve("custody.ttl")).find().forEach(union::add);
        });
        assertEquals(List.of(), Validator.violations(dataset, Loader.shapes(Layout.embedded())));
    }

    @Test
    void refusesSizesBelowTheFixedWorldAndUnknownExtensions() {
        ArgumentException small = assertThrows(ArgumentException.class, () -> Generator.generate(100, 1, temp.resolve("x.nt")));
        assertEquals("triples: expected at least " + Generator.minimumTriples() + " (the fixed world of jurisdictions, "
                + "laws and treaties needs that many), but got 100", small.getMessage());
        ArgumentException extension = assertThrows(ArgumentException.class, () -> Generator.generate(SIZE, 1, temp.resolve("x.rdf")));
        assertEquals("out: expected a file name ending .nt, .ttl, .nt.gz or .ttl.gz, but got x.rdf", extension.getMessage());
        assertFalse(Files.exists(temp.resolve("x.nt")));
    }
}

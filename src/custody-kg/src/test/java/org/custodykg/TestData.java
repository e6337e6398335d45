package org.custodykg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;

/** Folders and stores the tests build: good and broken Turtle, shapes that the data violates, a TDB2 copy. */
public final class TestData {
    /** One well-formed service, incomplete for the shapes (no provider, source or language tag). */
    public static final String GOOD = """
            @prefix ckg: <https://w3id.org/custody-kg/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <https://w3id.org/custody-kg/id/service/example> a ckg:Service ; rdfs:label "Example" .
            """;
    /** An IRI left open at the end of line 4: the error is at 5:1. */
    public static final String BROKEN = """
            @prefix ckg: <https://w3id.org/custody-kg/ontology#> .

            <https://w3id.org/custody-kg/id/service/broken> a ckg:Service ;
                ckg:providedBy <https://w3id.org/custody-kg/id/organisation/x
            """;
    /** Shapes that the two end-to-end key-custody facts (no keysStoredIn) violate. */
    public static final String SHAPES = """
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix ckg: <https://w3id.org/custody-kg/ontology#> .
            @prefix ex: <https://example.org/shapes#> .
            ex:KeyCustodyShape a sh:NodeShape ;
                sh:targetClass ckg:KeyCustody ;
                sh:property [ sh:path ckg:keysStoredIn ; sh:minCount 1 ;
                              sh:message "a key-custody fact must say where the keys are" ] .
            """;

    private TestData() {}

    /** A repository-shaped copy of the ontology and data (no queries/: the embedded ones are used). */
    public static Path repository(Path temp) throws IOException {
        Path repo = temp.resolve("repo");
        copy(Path.of("ontology"), repo.resolve("ontology"));
        copy(Path.of("data"), repo.resolve("data"));
        Files.deleteIfExists(repo.resolve("ontology/shapes.ttl"));
        return repo;
    }

    /** {@link #repository} with {@link #SHAPES} as its shapes. */
    public static Path repositoryWithShapes(Path temp) throws IOException {
        Path repo = repository(temp);
        Files.writeString(repo.resolve("ontology/shapes.ttl"), SHAPES);
        return repo;
    }

    /**
     * {@link #repository} with one more authority, named "Hong Kong" like the jurisdiction it belongs to: the
     * name then means either that authority or all of Hong Kong's authorities.
     */
    public static Path repositoryWithAmbiguousHongKong(Path temp) throws IOException {
        Path repo = repository(temp);
        Files.writeString(repo.resolve("data/ambiguous.ttl"), """
                @prefix ckg: <https://w3id.org/custody-kg/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/custody-kg/id/organisation/hong-kong-customs> a ckg:Authority ;
                    rdfs:label "Hong Kong"@en ;
                    ckg:hasJurisdiction <https://w3id.org/custody-kg/id/place/hong-kong> .
                """);
        return repo;
    }

    /** What {@code custody load} writes: the named graphs into a TDB2 store, no copy in the default graph. */
    public static void copyNamedGraphs(Dataset source, Path dir) {
        Dataset store = TDB2Factory.connectDataset(dir.toString());
        Txn.executeWrite(store, () -> Txn.executeRead(source, () -> {
            DatasetGraph target = store.asDatasetGraph();
            source.asDatasetGraph().find().forEachRemaining(quad -> {
                if (!quad.isDefaultGraph()) {
                    target.add(quad);
                }
            });
        }));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}

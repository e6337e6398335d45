package org.custodykg.query;

import org.custodykg.Question;
import org.custodykg.Answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.store.Store;
import org.custodykg.store.StoreLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prepared question, its plan compiled once and reused for other values, answers exactly as the
 * question run from its syntax tree each time: in memory and on TDB2.
 */
class PreparedQueryTest {
    private static final Node ICLOUD = id("service/icloud");
    private static final Node LINKEDIN = id("service/linkedin");

    @TempDir
    Path temp;

    @Test
    void reusesOnePlanForDifferentValuesWithTheUnpreparedAnswers() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            PreparedQuery keyCustody = new PreparedQuery(graph.question("key-custody").query());
            Answer icloud = keyCustody.run(graph.dataset(), Map.of("service", ICLOUD));
            Answer linkedin = keyCustody.run(graph.dataset(), Map.of("service", LINKEDIN));
            Answer all = keyCustody.run(graph.dataset(), Map.of());

            assertEquals(List.of("service:icloud"), column(icloud, "service"));
            assertEquals(List.of("organisation:apple"), column(icloud, "keyHolder"));
            assertEquals(List.of("place:united-states"), column(icloud, "keysStoredIn"));
            assertEquals(List.of(), column(linkedin, "service"));
            assertEquals(unprepared(graph, "key-custody", Map.of()), all.table().toJson());
            assertEquals(unprepared(graph, "key-custody", Map.of("service", ICLOUD)), icloud.table().toJson());
        }
    }

    @Test
    void everyQuestionsExampleAnswersAsUnpreparedInMemoryAndOnTdb2() {
        try (CustodyGraph memory = CustodyGraph.openDefault();
                CustodyGraph store = CustodyGraph.over(Store.connect(temp.resolve("store")))) {
            new StoreLoader(store.dataset(), GraphFactory.createDefaultGraph(), line -> { }).load(dataFiles(), null);
            for (Question question : memory.questions()) {
                PreparedQuery prepared = new PreparedQuery(question.query());
                for (Map<String, Node> bindings : ParameterBinder.combinations(
                        ParameterBinder.bind(question, question.example(), new EntityResolver(memory.dataset())))) {
                    Answer inMemory = prepared.run(memory.dataset(), bindings);
                    Answer onDisk = prepared.run(store.dataset(), bindings);
                    if (inMemory.kind() == Answer.Kind.TABLE) {
                        assertEquals(unprepared(memory, question.name(), bindings), inMemory.table().toJson(), question.name());
                        assertEquals(inMemory.table().toText(), onDisk.table().toText(), question.name());
                    }
                }
            }
        }
    }

    @Test
    void stopsAtTheDatasetsQueryTimeout() {
        DatasetGraph triples = DatasetGraphFactory.createTxnMem();
        for (int i = 0; i < 1000; i++) {
            triples.getDefaultGraph().add(NodeFactory.createURI("urn:s" + i), NodeFactory.createURI("urn:p"), NodeFactory.createLiteralString("v" + i));
        }
        Dataset dataset = DatasetFactory.wrap(triples);
        dataset.getContext().set(ARQ.queryTimeout, "200");
        // a billion combinations, none kept: only the timeout ends it
        PreparedQuery endless = new PreparedQuery(QueryRunner.parse("test", """
                SELECT * WHERE { ?a ?p ?x . ?b ?p ?y . ?c ?p ?z FILTER (STR(?x) = CONCAT(STR(?y), STR(?z), "never")) }"""));
        assertThrows(QueryCancelledException.class, () -> endless.run(dataset, Map.of("p", NodeFactory.createURI("urn:p"))));
    }

    @Test
    void aGroupedParameterAnswersAsSubstitutedInTheText() {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            Map<String, Node> icloud = Map.of("service", ICLOUD);
            var grouped = QueryRunner.parse("test",
                    "SELECT ?service (COUNT(?fact) AS ?facts) WHERE { ?fact <" + CustodyKg.ONTOLOGY_NS + "service> ?service } GROUP BY ?service");
            Answer answer = new PreparedQuery(grouped).run(graph.dataset(), icloud);
            // a starting binding would lose ?service from the groups' rows
            assertEquals(List.of("service:icloud"), column(answer, "service"));
            assertEquals(QueryRunner.run(graph.dataset(), grouped, icloud).table().toJson(), answer.table().toJson());
        }
    }

    private static List<Path> dataFiles() {
        try (Stream<Path> files = Files.walk(Path.of("data"))) {
            return files.filter(file -> file.toString().endsWith(".ttl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unprepared(CustodyGraph graph, String question, Map<String, Node> bindings) {
        return QueryRunner.run(graph.dataset(), graph.question(question).query(), bindings).table().toJson();
    }

    private static List<String> column(Answer answer, String variable) {
        return answer.table().rows().stream().map(row -> row.shortForm(variable)).toList();
    }

    private static Node id(String path) {
        return NodeFactory.createURI(CustodyKg.ID_BASE + path);
    }
}

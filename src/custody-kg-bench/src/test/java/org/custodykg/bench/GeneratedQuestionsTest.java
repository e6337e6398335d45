package org.custodykg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.graph.GraphFactory;
import org.custodykg.CustodyGraph;
import org.custodykg.generate.Generator;
import org.custodykg.Answer;
import org.custodykg.store.Store;
import org.custodykg.store.StoreLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's bound questions find the generated entities, and the in-memory graph and the TDB2
 * store give the same answers to every one of them.
 */
class GeneratedQuestionsTest {
    @TempDir
    Path temp;

    @Test
    void everyQuestionAnswersTheSameInMemoryAndOnTdb2() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Path file = data.resolve("gen.nt");
        Generator.generate(20_000, 1, file);
        Map<String, Integer> rows = new LinkedHashMap<>();
        // both as loaded, without the inferred graph: this compares the questions over the same data
        CustodyGraph.Options asLoaded = CustodyGraph.Options.trusted().withoutInferred();
        try (CustodyGraph memory = CustodyGraph.openDirectory(data, asLoaded);
                CustodyGraph store = CustodyGraph.over(Store.connect(temp.resolve("store")), asLoaded)) {
            new StoreLoader(store.dataset(), GraphFactory.createDefaultGraph(), line -> { }).load(List.of(file), null);
            QueryBench.parameters().forEach((question, bindings) -> {
                Answer inMemory = memory.askBound(question, bindings);
                Answer onDisk = store.askBound(question, bindings);
                if (inMemory.kind() == Answer.Kind.TABLE) {
                    assertEquals(inMemory.table().toText(), onDisk.table().toText(), question);
                } else {
                    assertEquals(true, inMemory.graph().isIsomorphicWith(onDisk.graph()), question);
                }
                rows.put(question, QueryBench.size(inMemory));
            });
        }
        assertEquals(Map.ofEntries(Map.entry("blocked-services", 0), Map.entry("conflicts", 0), Map.entry("corroboration", 107),
                Map.entry("describe", 194), Map.entry("holdings", 19), Map.entry("key-custody", 7), Map.entry("legal-channel", 15),
                Map.entry("operators", 1), Map.entry("requests-over-time", 32), Map.entry("sources", 23), Map.entry("stances", 17),
                Map.entry("storage", 6), Map.entry("transparency", 32)), rows);
    }
}

package org.custodykg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.system.Txn;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.custodykg.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TDB2 store on disk, holding the named graphs only, answers as the embedded graph does. */
class StoreTest {
    @TempDir
    Path temp;

    @Test
    void storeAnswersLikeTheEmbeddedGraph() {
        Path dir = temp.resolve("store");
        try (CustodyGraph embedded = CustodyGraph.openDefault()) {
            TestData.copyNamedGraphs(embedded.dataset(), dir);
            try (CustodyGraph store = CustodyGraph.openStore(dir)) {
                assertEquals(embedded.keyCustody("iCloud"), store.keyCustody("iCloud"));
                assertEquals(embedded.storage(null), store.storage(null));
                assertEquals(embedded.stances(null), store.stances(null));
                assertEquals(embedded.ask("key-custody", java.util.Map.of()).table().toText(),
                        store.ask("key-custody", java.util.Map.of()).table().toText());
                long embeddedTriples = Txn.calculateRead(embedded.dataset(), () -> embedded.model().size());
                assertEquals(embeddedTriples, (long) Txn.calculateRead(store.dataset(), () -> store.model().size()));
            }
        }
    }

    @Test
    void missingEmptyOrForeignStoreNamesTheParameterAndWritesNothing() throws Exception {
        Path missing = temp.resolve("missing");
        assertEquals("store: expected the folder of a TDB2 store, but " + missing + " is not a folder",
                assertThrows(ArgumentException.class, () -> CustodyGraph.openStore(missing)).getMessage());
        Path empty = Files.createDirectory(temp.resolve("empty"));
        assertEquals("store: the folder " + empty + " is empty; load a store into it first with 'custody load'",
                assertThrows(ArgumentException.class, () -> CustodyGraph.openStore(empty)).getMessage());
        assertEquals(List.of(), List.of(empty.toFile().list()));
        Path notAStore = Files.createDirectory(temp.resolve("notes"));
        Files.writeString(notAStore.resolve("readme.txt"), "not a store");
        assertEquals("store: the folder " + notAStore + " is not a TDB2 store (it has no Data-NNNN folder)",
                assertThrows(ArgumentException.class, () -> CustodyGraph.openStore(notAStore)).getMessage());
        assertEquals(List.of("readme.txt"), List.of(notAStore.toFile().list()));
    }
}

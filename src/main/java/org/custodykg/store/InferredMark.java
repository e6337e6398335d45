package org.custodykg.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.custodykg.DataException;

/**
 * A file beside a TDB2 store's own files saying that the store's inferred graph holds the conclusions
 * of the given rules over the store's current data, so that opening the store does not derive them again.
 *
 * <p>Why: deriving them takes minutes at a million triples, and {@code custody serve --store} would do it
 * at every start. The mark is written only after the conclusions are committed, and {@link StoreLoader}
 * deletes it before it changes the data (and drops the inferred graph in the same transaction as the
 * load), so a crash at any point leaves either a true mark or none: no mark only costs a new derivation.
 * A program that writes to the store through Jena directly must call {@link #forget()} itself.
 */
public final class InferredMark {
    static final String FILE = "custody-inferred";

    private final Path file;

    private InferredMark(Path file) {
        this.file = file;
    }

    /** The mark of a TDB2 store on disk; empty for any other dataset (in memory, or a TDB2 store in memory). */
    public static Optional<InferredMark> of(Dataset dataset) {
        if (!TDBInternal.isTDB2(dataset.asDatasetGraph())) {
            return Optional.empty();
        }
        DatasetGraphSwitchable container = TDBInternal.getDatabaseContainer(dataset.asDatasetGraph());
        // the folder the user named, not the current Data-NNNN inside it, which compaction replaces
        return container == null || !container.hasContainerPath() ? Optional.empty()
                : Optional.of(new InferredMark(container.getContainerPath().resolve(FILE)));
    }

    /** Whether the inferred graph holds the conclusions of the rules with this fingerprint over the current data. */
    public boolean holds(String rulesFingerprint) {
        try {
            return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).strip().equals(rulesFingerprint);
        } catch (IOException e) {
            return false;
        }
    }

    /** Records that the inferred graph, just committed, holds these rules' conclusions (written whole, then moved). */
    public void record(String rulesFingerprint) {
        try {
            Path temp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            Files.writeString(temp, rulesFingerprint + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DataException("cannot write " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /** Withdraws the mark, before the data changes. */
    public void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new DataException("cannot delete " + file + ", which would claim the inferred graph is current (" + e.getMessage() + ")", e);
        }
    }
}

package org.custodykg.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 * deletes it (durably) before it changes the data and drops the inferred graph in the load's own
 * transaction, putting the mark back if the load fails; so a crash at any point leaves either a true
 * mark or none, and no mark only costs a new derivation (from an emptied inferred graph). A program that
 * writes to the store any other way (Jena directly, {@code tdb2.tdbloader}, another Fuseki) must call
 * {@link #forget()} or delete the file {@code custody-inferred} beside the store's folders.
 */
public final class InferredMark {
    static final String FILE = "custody-inferred";

    private final Path file;

    private InferredMark(Path file) {
        this.file = file;
    }

    /**
     * Makes the removal durable before the store's commit can be: otherwise a power cut could keep the
     * commit and lose the removal. Opening a folder for sync is not possible everywhere (Windows), and
     * there the removal is only as durable as the file system makes it.
     */
    private void syncFolder() {
        try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported on this platform: see above
        }
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
        return fingerprint().filter(rulesFingerprint::equals).isPresent();
    }

    /** The fingerprint of the rules the mark names, if there is a mark. */
    public Optional<String> fingerprint() {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Records that the inferred graph, just committed, holds these rules' conclusions (written whole, then moved). */
    public void record(String rulesFingerprint) {
        Path temp = file.resolveSibling(FILE + ".tmp");
        try {
            Files.writeString(temp, rulesFingerprint + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the write failed already; that is the error to report
            }
            throw new DataException("cannot write " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /** Withdraws the mark, before the data changes, and waits until the removal is on disk. */
    public void forget() {
        try {
            if (Files.deleteIfExists(file)) {
                syncFolder();
            }
        } catch (IOException e) {
            throw new DataException("cannot delete " + file + ", which would claim the inferred graph is current (" + e.getMessage() + ")", e);
        }
    }
}

package org.custodykg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;

/** What a load does to a store's folder: create it only on commit, and give back what an aborted load took. */
final class StoreFolder {
    private StoreFolder() {}

    /** Closes the store and drops this process's connection to it, releasing its lock and files. */
    static void release(Dataset store) {
        TDBInternal.expel(store.asDatasetGraph());
    }

    /** Moves a committed store into its folder (an empty folder there is replaced). */
    static void moveIntoPlace(Path building, Path dir) {
        try {
            Files.deleteIfExists(dir);
            Files.move(building, dir.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the loaded store " + building + " could not be moved to " + dir, e);
        }
    }

    /** The bytes the store's files take on disk. */
    static long bytes(Dataset store) {
        try (Stream<Path> walk = Files.walk(folder(store))) {
            return walk.filter(Files::isRegularFile).mapToLong(StoreFolder::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compacts the store when an aborted load left its files bigger than before: TDB2 keeps the blocks an
     * aborted transaction wrote, so repeated failed loads would otherwise grow a store whose content
     * never changed. Compaction copies the live data into a new generation and deletes the old one.
     */
    static void shrinkAfterAbort(Dataset store, long bytesBefore) {
        if (bytes(store) > bytesBefore) {
            DatabaseMgr.compact(store.asDatasetGraph(), true);
        }
    }

    private static Path folder(Dataset store) {
        return TDBInternal.getDatabaseContainer(store.asDatasetGraph()).getContainerPath();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and everything in it, if it exists. */
    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unfinished store " + folder, e);
        }
    }
}

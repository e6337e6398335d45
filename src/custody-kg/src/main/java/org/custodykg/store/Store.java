package org.custodykg.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.DatabaseOps;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyException;
import org.custodykg.ErrorCode;

/**
 * A persistent TDB2 store of the custody graph: each source's triples in a named graph of its own, the
 * ontology in its graph, and queries reading the union of them all as the default graph.
 */
public final class Store {
    /** The file TDB2 locks while a process uses the store. */
    private static final String LOCK_FILE = "tdb.lock";

    private Store() {}

    /**
     * Connects to the TDB2 store in a folder (creating an empty one if the folder is empty or absent),
     * with the union default graph switched on so that a query sees every named graph.
     */
    public static Dataset connect(Path dir) {
        Dataset dataset = TDB2Factory.connectDataset(dir.toString());
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        return dataset;
    }

    /**
     * Connects to the store in a folder that must already hold one: never creates a store.
     *
     * @throws ArgumentException naming the parameter {@code store} when the folder is missing, empty, not a TDB2 store,
     *     or in use by another process
     */
    public static Dataset open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ArgumentException("store", "expected the folder of a TDB2 store, but " + dir + " is not a folder");
        }
        if (entries(dir).isEmpty()) {
            throw new ArgumentException("store", "the folder " + dir + " is empty; load a store into it first with 'custody load'");
        }
        if (!isStore(dir)) {
            throw new ArgumentException("store", "the folder " + dir + " is not a TDB2 store (it has no "
                    + DatabaseOps.dbNameBase + DatabaseOps.SEP + "NNNN folder)");
        }
        return connectUnlocked(dir);
    }

    /** Whether the folder holds a TDB2 store (its {@code Data-NNNN} generation folder). */
    static boolean isStore(Path dir) {
        String storage = DatabaseOps.dbNameBase + DatabaseOps.SEP;
        return Files.isDirectory(dir)
                && entries(dir).stream().anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith(storage));
    }

    /** Whether the folder is absent or empty: a place where a new store may be created. */
    static boolean isFree(Path dir) {
        return !Files.exists(dir) || (Files.isDirectory(dir) && entries(dir).isEmpty());
    }

    /**
     * Connects, turning TDB2's failures on a store another process holds (a lock exception, or a
     * half-read lock file) into one message that says so.
     */
    static Dataset connectUnlocked(Path dir) {
        try {
            return connect(dir);
        } catch (RuntimeException e) {
            if (heldElsewhere(dir)) {
                throw inUse(dir);
            }
            throw new ArgumentException("store", "the folder " + dir + " cannot be opened as a TDB2 store (" + e.getMessage() + ")");
        }
    }

    /**
     * Whether another process holds the store's lock. Asked only after TDB2 failed to connect, so this
     * process holds no lock on the file (closing a probe channel could otherwise release it).
     */
    static boolean heldElsewhere(Path dir) {
        Path lock = dir.resolve(LOCK_FILE);
        if (!Files.isRegularFile(lock)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException ours) {
            return false;
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static CustodyException inUse(Path dir) {
        return new CustodyException(ErrorCode.STORE_UNAVAILABLE, "store", "the store " + dir + " is in use by another process"
                + " (a running 'custody serve' or 'custody load'); stop it, or use another store", null);
    }

    private static List<Path> entries(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        } catch (IOException e) {
            throw new ArgumentException("store", "the folder " + dir + " cannot be read (" + e.getMessage() + ")");
        }
    }
}

package org.custodykg.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.ToLongBiFunction;

/**
 * A map bounded in bytes, not entries (one value may be one row or ten thousand): each entry is weighed
 * once, when kept, by an estimate of its size; beyond the limit the least recently used entries go first,
 * and an entry heavier than the whole limit is not kept. Thread-safe; computing a missing value is left to
 * the caller, outside the cache's lock.
 *
 * @param <K> the keys
 * @param <V> the values
 */
public final class BoundedCache<K, V> {
    /** What one entry costs beyond its key and value: the map's node, its links and the weight kept. */
    public static final int ENTRY_BYTES = 80;

    /**
     * How full a cache is.
     *
     * @param entries the entries kept
     * @param bytes their estimated size
     * @param limitBytes the most they may take
     */
    public record Usage(int entries, long bytes, long limitBytes) {}

    private record Kept<V>(V value, long bytes) {}

    private final String name;
    private final ToLongBiFunction<? super K, ? super V> weigher;
    private final LinkedHashMap<K, Kept<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long limitBytes;
    private long bytes;

    /**
     * @param name what the cache keeps, for the message of a bad limit ("answer cache")
     * @param weigher an entry's estimated size in bytes, key and value (with {@link #ENTRY_BYTES} when
     *     they are not already counted otherwise)
     * @throws IllegalArgumentException if the limit is negative
     */
    public BoundedCache(String name, long limitBytes, ToLongBiFunction<? super K, ? super V> weigher) {
        this.name = name;
        this.weigher = weigher;
        this.limitBytes = checked(limitBytes);
    }

    /** The value kept under the key, or null; a hit makes the entry the most recently used. */
    public synchronized V get(K key) {
        Kept<V> kept = entries.get(key);
        return kept == null ? null : kept.value();
    }

    /**
     * Keeps the value under the key (replacing what was there) unless it alone weighs more than the limit,
     * then drops the least recently used entries beyond the limit.
     *
     * @return the value
     */
    public V put(K key, V value) {
        long weight = weigher.applyAsLong(key, value);
        synchronized (this) {
            if (weight <= limitBytes) {
                Kept<V> replaced = entries.put(key, new Kept<>(value, weight));
                bytes += weight - (replaced == null ? 0 : replaced.bytes());
                evict();
            }
        }
        return value;
    }

    /** Forgets the entry under the key, if any. */
    public synchronized void remove(K key) {
        Kept<V> removed = entries.remove(key);
        if (removed != null) {
            bytes -= removed.bytes();
        }
    }

    /** Forgets every entry. */
    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    /** How many entries are kept, their estimated bytes and the limit. */
    public synchronized Usage usage() {
        return new Usage(entries.size(), bytes, limitBytes);
    }

    /**
     * Sets the most bytes the entries may take, dropping the least recently used beyond it.
     *
     * @throws IllegalArgumentException if the limit is negative
     */
    public synchronized void limitBytes(long limit) {
        limitBytes = checked(limit);
        evict();
    }

    private void evict() {
        Iterator<Kept<V>> eldest = entries.values().iterator();
        while (bytes > limitBytes && eldest.hasNext()) {
            bytes -= eldest.next().bytes();
            eldest.remove();
        }
    }

    private long checked(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException(name + ": expected a limit of 0 bytes or more, got " + limit);
        }
        return limit;
    }
}

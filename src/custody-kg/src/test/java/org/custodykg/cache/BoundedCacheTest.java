package org.custodykg.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A cache bounded in bytes: filled past its limit it drops the least recently used, and says how full it is. */
class BoundedCacheTest {
    /** Each entry weighs its value's length in bytes. */
    private static BoundedCache<String, String> cache(long limit) {
        return new BoundedCache<>("test cache", limit, (key, value) -> value.length());
    }

    @Test
    void fillingPastTheLimitDropsTheLeastRecentlyUsed() {
        BoundedCache<String, String> cache = cache(10);
        cache.put("a", "aaaa");
        cache.put("b", "bbbb");
        assertEquals(new BoundedCache.Usage(2, 8, 10), cache.usage());
        assertEquals("aaaa", cache.get("a"), "a is now used more recently than b");
        cache.put("c", "cccc");
        assertEquals(new BoundedCache.Usage(2, 8, 10), cache.usage());
        assertNull(cache.get("b"));
        assertEquals("aaaa", cache.get("a"));
        assertEquals("cccc", cache.get("c"));
    }

    @Test
    void aValueHeavierThanTheWholeLimitIsNotKept() {
        BoundedCache<String, String> cache = cache(10);
        cache.put("a", "aaaa");
        assertEquals("elevenbytes", cache.put("big", "elevenbytes"));
        assertNull(cache.get("big"));
        assertEquals(new BoundedCache.Usage(1, 4, 10), cache.usage());
    }

    @Test
    void replacingRemovingAndLoweringTheLimitKeepTheCount() {
        BoundedCache<String, String> cache = cache(100);
        cache.put("a", "aaaa");
        cache.put("a", "aa");
        cache.put("b", "bbb");
        assertEquals(new BoundedCache.Usage(2, 5, 100), cache.usage());
        cache.remove("a");
        cache.remove("nothing");
        assertEquals(new BoundedCache.Usage(1, 3, 100), cache.usage());
        cache.put("c", "cc");
        cache.limitBytes(2);
        assertEquals(new BoundedCache.Usage(1, 2, 2), cache.usage());
        assertEquals("cc", cache.get("c"));
        cache.clear();
        assertEquals(new BoundedCache.Usage(0, 0, 2), cache.usage());
    }

    @Test
    void aNegativeLimitIsRefusedNamingTheCache() {
        assertEquals("test cache: expected a limit of 0 bytes or more, got -1",
                assertThrows(IllegalArgumentException.class, () -> cache(-1)).getMessage());
        assertEquals("test cache: expected a limit of 0 bytes or more, got -5",
                assertThrows(IllegalArgumentException.class, () -> cache(0).limitBytes(-5)).getMessage());
    }
}

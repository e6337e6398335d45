package org.custodykg.serve;

import java.io.ByteArrayOutputStream;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.custodykg.Answer;
import org.custodykg.AnswerFormat;
import org.custodykg.cache.BoundedCache;
import org.custodykg.cache.Footprint;

/**
 * The serialised bodies of answers, each with its entity tag, kept while the answer itself is kept and
 * within a limit in bytes.
 *
 * <p>Why: the library's answer cache hands out the same {@link Answer} object for a repeated question
 * until the data changes, so a body written once per answer and media type can be sent again without
 * serialising it (the unbound {@code sources} question is 244 KB of JSON), and its tag lets a client
 * revalidate with {@code If-None-Match} and get a bodyless 304. Answers are held weakly and compared by
 * identity: when the answer cache lets an answer go (data changed, or evicted), its bodies go with it, so
 * a tag never outlives the data it was computed from. The bodies are bounded besides
 * ({@link BoundedCache}, least recently used first out; the server gives them the answer cache's limit),
 * since the answers' own bound does not count what their bodies take.
 */
final class AnswerBodies {
    /** A body and its strong entity tag (a digest of the bytes, quoted). */
    record Body(byte[] bytes, String etag) {
        /** The bytes with their tag. */
        static Body of(byte[] bytes) {
            return new Body(bytes, "\"" + digest(bytes) + "\"");
        }
    }

    /** Bodies larger than this are written for each request instead of kept: the answers are kept already. */
    static final int LARGEST_KEPT = 1 << 20;
    /** What a key costs: the weak reference, its queue link, the format and the hash. */
    static final int KEY_BYTES = 48;

    /** A body's key: its answer, held weakly and compared by identity, and the format it is written in. */
    private static final class Written extends WeakReference<Answer> {
        private final AnswerFormat format;
        private final int hash;

        Written(Answer answer, AnswerFormat format, ReferenceQueue<Answer> queue) {
            super(answer, queue);
            this.format = format;
            this.hash = 31 * System.identityHashCode(answer) + format.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            Answer answer = get();
            return other instanceof Written written && written.format == format && answer != null && answer == written.get();
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final ReferenceQueue<Answer> released = new ReferenceQueue<>();
    private final BoundedCache<Written, Body> bodies;

    /** @param limitBytes the most the kept bodies may take (estimated: bytes, tag, key and entry) */
    AnswerBodies(long limitBytes) {
        this.bodies = new BoundedCache<>("body cache", limitBytes,
                (key, body) -> BoundedCache.ENTRY_BYTES + KEY_BYTES + Footprint.of(body));
    }

    /**
     * The answer written in {@code format}, written now if it has not been before. Graph answers, and
     * bodies over {@link #LARGEST_KEPT} bytes, are written every time: the answer cache hands each caller
     * its own read-only view of a graph, and a large body would double what the cache holds.
     */
    Body of(Answer answer, AnswerFormat format) {
        if (answer.kind() == Answer.Kind.GRAPH) {
            return write(answer, format);
        }
        forgetReleased();
        Body body = bodies.get(new Written(answer, format, null));
        if (body == null) {
            body = write(answer, format);
            if (body.bytes().length <= LARGEST_KEPT) {
                bodies.put(new Written(answer, format, released), body);
            }
        }
        return body;
    }

    /** How many bodies are kept, their estimated bytes and the limit. */
    BoundedCache.Usage usage() {
        forgetReleased();
        return bodies.usage();
    }

    /** Drops the bodies of answers the answer cache let go. */
    private void forgetReleased() {
        for (Reference<? extends Answer> gone = released.poll(); gone != null; gone = released.poll()) {
            bodies.remove((Written) gone);
        }
    }

    /**
     * Whether the {@code If-None-Match} header values name this tag: {@code *}, or comma-separated lists
     * of tags (in one header line or several) compared weakly (a {@code W/} prefix ignored), as RFC 9110
     * section 13.1.2 asks.
     */
    static boolean matches(List<String> ifNoneMatch, String etag) {
        for (String tag : String.join(",", ifNoneMatch).split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || (trimmed.startsWith("W/") ? trimmed.substring(2) : trimmed).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static Body write(Answer answer, AnswerFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(answer, out);
        byte[] bytes = out.toByteArray();
        return Body.of(bytes);
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}

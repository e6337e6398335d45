package org.custodykg.serve;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.custodykg.Answer;
import org.custodykg.AnswerFormat;

/**
 * The serialised bodies of answers, each with its entity tag, kept for as long as the answer itself
 * is kept.
 *
 * <p>Why: the library's answer cache hands out the same {@link Answer} object for a repeated question
 * until the data changes, so a body written once per answer and media type can be sent again without
 * serialising it (the unbound {@code sources} question is 244 KB of JSON), and its tag lets a client
 * revalidate with {@code If-None-Match} and get a bodyless 304. Keys are held weakly: when the answer
 * cache lets an answer go (data changed, or evicted), its bodies go with it, so a tag never outlives
 * the data it was computed from.
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

    private final Map<Answer, Map<AnswerFormat, Body>> bodies = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The answer written in {@code format}, written now if it has not been before. Graph answers, and
     * bodies over {@link #LARGEST_KEPT} bytes, are written every time: the answer cache hands each caller
     * its own read-only view of a graph, and a large body would double what the cache holds.
     */
    Body of(Answer answer, AnswerFormat format) {
        if (answer.kind() == Answer.Kind.GRAPH) {
            return write(answer, format);
        }
        Map<AnswerFormat, Body> written = bodies.computeIfAbsent(answer, key -> new ConcurrentHashMap<>());
        Body body = written.get(format);
        if (body == null) {
            body = write(answer, format);
            if (body.bytes().length <= LARGEST_KEPT) {
                written.putIfAbsent(format, body);
            }
        }
        return body;
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

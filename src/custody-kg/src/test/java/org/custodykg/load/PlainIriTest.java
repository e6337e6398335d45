package org.custodykg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.junit.jupiter.api.Test;

/**
 * Only IRIs that Jena's checker accepts as they are count as plain: every one of a few hundred thousand
 * near-miss strings that {@link PlainIri} takes is also taken by {@code IRIx.create}, unchanged.
 */
class PlainIriTest {
    @Test
    void takesTheCommonFormsOfDataIris() {
        for (String iri : List.of("https://w3id.org/custody-kg/id/fact/gen-123", "http://www.w3.org/2000/01/rdf-schema#label",
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "https://example.org/", "http://a.b/c.d/e_f~g/",
                "https://w3id.org/custody-kg/ontology#", "http://1-2.example/x")) {
            assertTrue(PlainIri.is(iri), iri);
            assertEquals(iri, IRIx.create(iri).str());
        }
    }

    @Test
    void leavesEverythingElseToTheChecker() {
        for (String iri : List.of("https://Example.org/a", "HTTP://example.org/a", "ftp://example.org/a", "urn:x:y",
                "https://example.org", "https://example.org:8080/a", "https://user@example.org/a", "https://example.org/a?b",
                "https://example.org/a%20b", "https://example.org/a b", "https://example.org/./a", "https://example.org/a/../b",
                "https://example.org//a", "https://xn--bcher-kva.example/a", "https://192.168.0.1/a", "https://-a.org/b",
                "https://a-.org/b", "https://a..org/b", "https://.org/b", "https://example.org/a#b#c", "https://example.org/é",
                "https://" + "a".repeat(64) + ".org/b", "https:///a", "relative/path", "")) {
            assertFalse(PlainIri.is(iri), iri);
        }
        assertTrue(PlainIri.is("https://" + "a".repeat(63) + ".org/b"));
    }

    @Test
    void everyPlainIriIsOneTheCheckerAcceptsAsItIs() {
        Random random = new Random(5);
        String[] schemes = {"http://", "https://", "https://", "https://", "HTTP://", "https:"};
        int plain = 0;
        int refused = 0;
        for (int i = 0; i < 300_000; i++) {
            StringBuilder iri = new StringBuilder(schemes[random.nextInt(schemes.length)]);
            int labels = 1 + random.nextInt(3);
            for (int label = 0; label < labels; label++) {
                iri.append(label > 0 ? "." : "").append(part(random, "abcxyz0189-", "-A_%:@.é", 1 + random.nextInt(8)));
            }
            int segments = random.nextInt(5);
            for (int segment = 0; segment < segments || iri.indexOf("/", 8) < 0 && random.nextBoolean(); segment++) {
                iri.append('/').append(part(random, "aZ09-._~", "%#?:@!$&'()*+,;=[] é/.", random.nextInt(6)));
            }
            if (random.nextInt(4) == 0) {
                iri.append('#').append(part(random, "aZ09-._~", "#?%/ ", random.nextInt(6)));
            }
            String candidate = iri.toString();
            try {
                IRIx.create(candidate);
            } catch (IRIException e) {
                refused++;
            }
            if (PlainIri.is(candidate)) {
                plain++;
                try {
                    assertEquals(candidate, IRIx.create(candidate).str());
                } catch (IRIException e) {
                    throw new AssertionError("taken as plain, refused by the checker: <" + candidate + "> " + e.getMessage(), e);
                }
            }
        }
        assertEquals(29_675, plain, "plain among the candidates"); // the rest are near misses, left to the checker
        assertEquals(166_510, refused, "candidates the checker refuses"); // so the near misses include real errors
    }

    /** A string mostly of the common characters, with one of the rare ones now and then. */
    private static String part(Random random, String common, String rare, int length) {
        StringBuilder part = new StringBuilder();
        for (int c = 0; c < length; c++) {
            String from = random.nextInt(12) == 0 ? rare : common;
            part.append(from.charAt(random.nextInt(from.length())));
        }
        return part.toString();
    }
}

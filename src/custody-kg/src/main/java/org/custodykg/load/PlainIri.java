package org.custodykg.load;

/**
 * Recognises IRIs of the plainest form, which Jena's IRI checker accepts without a complaint, so that a parse
 * need not hand them to it: {@code http} or {@code https}, {@code ://}, a host of lower-case DNS labels
 * (letters, digits, inner hyphens; at most 63 characters each; the last one not only digits), no port and
 * no user, then a path of one or more {@code /}-separated segments of unreserved characters (letters,
 * digits, {@code - . _ ~}; none of them {@code .} or {@code ..}, only the last one empty) and an optional
 * fragment of the same characters. Nothing percent-encoded, no query. Checking an IRI in full (Jena's
 * {@code IRIx.create}) took a quarter of the time of parsing 10 million generated triples, most of whose
 * IRIs are of this form and each named once or a few times far apart. Anything else is checked as before.
 */
final class PlainIri {
    private static final int LONGEST_LABEL = 63;

    private PlainIri() {}

    /** Whether the IRI is of the plain form above (and so the checker's result is the IRI itself). */
    static boolean is(String iri) {
        int at;
        if (iri.startsWith("https://")) {
            at = "https://".length();
        } else if (iri.startsWith("http://")) {
            at = "http://".length();
        } else {
            return false;
        }
        at = afterHost(iri, at);
        return at > 0 && afterPath(iri, at) == iri.length();
    }

    /** Where the host that starts at {@code at} ends (at the path's first {@code /}), or -1 if it is not plain. */
    private static int afterHost(String iri, int at) {
        while (true) {
            int start = at;
            boolean letter = false;
            boolean doubleHyphen = false; // an ACE label ("xn--"), which the checker decodes
            for (char c; at < iri.length() && (lowerOrDigit(c = iri.charAt(at)) || c == '-'); at++) {
                letter |= c >= 'a';
                doubleHyphen |= c == '-' && iri.charAt(at - 1) == '-';
            }
            int length = at - start;
            if (length == 0 || length > LONGEST_LABEL || iri.charAt(start) == '-' || iri.charAt(at - 1) == '-'
                    || doubleHyphen || at == iri.length()) {
                return -1;
            }
            char next = iri.charAt(at);
            if (next == '/') {
                return letter ? at : -1; // a last label of digits only would make an IPv4 address of the host
            }
            if (next != '.') {
                return -1;
            }
            at++;
        }
    }

    /** Where the path and fragment that start at {@code at} (a {@code /}) end, or -1 if they are not plain. */
    private static int afterPath(String iri, int at) {
        while (at < iri.length() && iri.charAt(at) == '/') {
            int start = ++at;
            at = afterUnreserved(iri, at);
            int length = at - start;
            boolean last = at == iri.length() || iri.charAt(at) == '#';
            if (length == 0 && !last || dotSegment(iri, start, length)) {
                return -1;
            }
        }
        if (at < iri.length() && iri.charAt(at) == '#') {
            at = afterUnreserved(iri, at + 1);
        }
        return at;
    }

    private static int afterUnreserved(String iri, int at) {
        while (at < iri.length() && unreserved(iri.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean dotSegment(String iri, int start, int length) {
        return length == 1 && iri.charAt(start) == '.' || length == 2 && iri.startsWith("..", start);
    }

    private static boolean lowerOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean unreserved(char c) {
        return lowerOrDigit(c) || c >= 'A' && c <= 'Z' || c == '-' || c == '.' || c == '_' || c == '~';
    }
}

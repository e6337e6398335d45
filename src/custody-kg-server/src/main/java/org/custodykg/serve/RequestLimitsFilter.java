package org.custodykg.serve;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Refuses, before anything reads it, a request the server will not serve: a query string whose
 * percent-encoding is malformed or not UTF-8 (400, where Jetty's decoder would fail deep inside Fuseki
 * with a 500), too many parameters (400), a body or query longer than the limits (413). Each answer
 * says which limit, and the setting's value.
 */
final class RequestLimitsFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private final RequestLimits limits;

    RequestLimitsFilter(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        if (query != null) {
            String problem = malformed(query);
            if (problem != null) {
                Responses.text(response, 400, "Bad request: the query string is not valid percent-encoded UTF-8 (" + problem + ").");
                return;
            }
            int parameters = query.isEmpty() ? 0 : query.split("&", -1).length;
            if (parameters > limits.maxParameters()) {
                Responses.text(response, 400, String.format(Locale.ROOT,
                        "Bad request: %,d parameters; this server accepts at most %,d.", parameters, limits.maxParameters()));
                return;
            }
            if (query.length() > limits.maxQueryLength()) {
                Responses.text(response, 413, String.format(Locale.ROOT,
                        "Request too large: the query string is %,d characters; this server accepts at most %,d.",
                        query.length(), limits.maxQueryLength()));
                return;
            }
        }
        long body = request.getContentLengthLong();
        if (body > limits.maxQueryLength()) {
            response.setHeader("Connection", "close");
            Responses.text(response, 413, String.format(Locale.ROOT,
                    "Request too large: the body is %,d bytes; this server accepts at most %,d.", body, limits.maxQueryLength()));
            return;
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with a query string's percent-encoding, or null when it decodes to UTF-8. */
    static String malformed(String query) {
        ByteBuffer bytes = ByteBuffer.allocate(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    return "'%' at position " + (i + 1) + " is not followed by two hex digits";
                }
                int high = Character.digit(query.charAt(i + 1), 16);
                int low = Character.digit(query.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return "'%" + query.charAt(i + 1) + query.charAt(i + 2) + "' at position " + (i + 1) + " is not a hex escape";
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                return "a raw non-ASCII character at position " + (i + 1);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip());
            return null;
        } catch (CharacterCodingException e) {
            return "the escaped bytes are not UTF-8";
        }
    }
}

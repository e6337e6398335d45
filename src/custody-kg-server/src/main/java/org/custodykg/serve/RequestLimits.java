package org.custodykg.serve;

/**
 * How big a request may be.
 *
 * @param maxQueryLength the longest query string or request body, in characters or bytes (100,000 by default:
 *     ARQ parses one long token in quadratic time, before the query timeout starts)
 * @param maxParameters the most parameters in a query string (100 by default)
 * @param maxHeaderBytes the largest request line and headers together, in bytes (16 KiB by default; Jetty answers 431)
 */
public record RequestLimits(int maxQueryLength, int maxParameters, int maxHeaderBytes) {
    /** The defaults. */
    public static RequestLimits defaults() {
        return new RequestLimits(100_000, 100, 16 * 1024);
    }

    /** @throws IllegalArgumentException naming the limit that is not positive */
    public RequestLimits {
        if (maxQueryLength < 1 || maxParameters < 1 || maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("request limits: expected positive limits (headers at least 1024 bytes), got "
                    + maxQueryLength + ", " + maxParameters + ", " + maxHeaderBytes);
        }
    }
}

package org.custodykg;

/**
 * What kind of failure a {@link CustodyException} is. The command line maps each code to an exit code
 * and the server to an HTTP status, each in one table; the library itself never decides either.
 */
public enum ErrorCode {
    /** A bad argument: an unknown question, parameter or name, or a value of the wrong form. */
    BAD_ARGUMENT("bad-argument"),
    /** The thing asked for does not exist: no such question, entity or file. */
    NOT_FOUND("not-found"),
    /** Input text that cannot be used: a file that does not parse, data that violates the shapes. */
    BAD_DATA("bad-data"),
    /** Query text that does not parse or cannot run. */
    BAD_QUERY("bad-query"),
    /** The store cannot be opened or written: locked by another process, unreadable, out of space. */
    STORE_UNAVAILABLE("store-unavailable"),
    /** The question ran longer than the time allowed. */
    TIMEOUT("timeout"),
    /** The request or its answer is larger than allowed. */
    TOO_LARGE("too-large"),
    /** A remote store failed or could not be reached. */
    REMOTE_FAILURE("remote-failure"),
    /** A defect in custody-kg itself. */
    INTERNAL("internal");

    private final String id;

    ErrorCode(String id) {
        this.id = id;
    }

    /** The code as it appears in error bodies ({@code bad-argument}). */
    public String id() {
        return id;
    }
}

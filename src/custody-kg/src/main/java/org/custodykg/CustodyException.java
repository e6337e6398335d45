package org.custodykg;

/**
 * Something the caller asked for could not be answered. Subclasses say whose fault it is:
 * {@link ArgumentException} (a bad argument: the caller can fix the call) and {@link DataException}
 * (bad data, shapes, rules or query text).
 */
public class CustodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, in plain words */
    public CustodyException(String message) {
        super(message);
    }

    /** @param message what went wrong, in plain words; @param cause the underlying failure */
    public CustodyException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.custodykg;

import java.util.Optional;

/**
 * The one root of every failure custody-kg reports: a {@link ErrorCode code} saying what kind it is, the
 * parameter at fault when there is one, and a message in plain words that names parameters (never a
 * command-line flag: the command line and the server translate). {@link ArgumentException} and
 * {@link DataException} are its two common kinds.
 */
public class CustodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;
    private final String parameter;

    /**
     * @param code what kind of failure
     * @param parameter the parameter at fault, or null
     * @param message what went wrong, in plain words (prefixed with the parameter when there is one)
     * @param cause the underlying failure, or null
     */
    public CustodyException(ErrorCode code, String parameter, String message, Throwable cause) {
        super(parameter == null ? message : parameter + ": " + message, cause);
        this.code = code;
        this.parameter = parameter;
    }

    /** A failure of the given kind with no parameter at fault. */
    public CustodyException(ErrorCode code, String message) {
        this(code, null, message, null);
    }

    /** What kind of failure this is. */
    public ErrorCode code() {
        return code;
    }

    /** The parameter at fault ({@code service}, {@code store}), when the failure is about one. */
    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }
}

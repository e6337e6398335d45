package org.custodykg;

import java.util.List;

/**
 * Bad input text ({@link ErrorCode#BAD_DATA}, or {@link ErrorCode#BAD_QUERY} for query text): a file
 * that does not parse (the message gives file, line and column), data that violates the shapes
 * ({@link #problems()} lists every violation), or a malformed query.
 */
public class DataException extends CustodyException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    /** @param message what is wrong and where */
    public DataException(String message) {
        this(message, List.of());
    }

    /** @param message a summary; @param problems each problem on its own line */
    public DataException(String message, List<String> problems) {
        super(ErrorCode.BAD_DATA, null, problems.isEmpty() ? message
                : message + System.lineSeparator() + String.join(System.lineSeparator(), problems), null);
        this.problems = List.copyOf(problems);
    }

    /** @param message what is wrong and where; @param cause the parser's exception */
    public DataException(String message, Throwable cause) {
        this(ErrorCode.BAD_DATA, message, cause);
    }

    /** @param code {@link ErrorCode#BAD_DATA} or {@link ErrorCode#BAD_QUERY}; @param message what and where */
    public DataException(ErrorCode code, String message, Throwable cause) {
        super(code, null, message, cause);
        this.problems = List.of();
    }

    /** Every problem found, one per entry (empty for a single parse error). */
    public List<String> problems() {
        return problems;
    }
}

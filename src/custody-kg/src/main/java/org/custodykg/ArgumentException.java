package org.custodykg;

import java.util.List;

/**
 * A bad argument ({@link ErrorCode#BAD_ARGUMENT}): an unknown question or parameter, a value of the
 * wrong form, or a name that matches no entity or several. The message names the parameter and what was
 * expected; for an ambiguous or unknown name, {@link #candidates()} lists what it could mean.
 */
public class ArgumentException extends CustodyException {
    private static final long serialVersionUID = 1L;
    private final List<String> candidates;

    /** @param parameter the parameter at fault; @param message what was expected and what was given */
    public ArgumentException(String parameter, String message) {
        this(parameter, message, List.of());
    }

    /** @param parameter the parameter at fault; @param message what was expected; @param candidates possible meanings */
    public ArgumentException(String parameter, String message, List<String> candidates) {
        super(ErrorCode.BAD_ARGUMENT, parameter, message, null);
        this.candidates = List.copyOf(candidates);
    }

    /** The entities a name could mean ("IRI (label)"), empty otherwise. */
    public List<String> candidates() {
        return candidates;
    }
}

package org.custodykg;

import java.util.List;

/**
 * A bad argument: an unknown question or parameter, a value of the wrong form, or a name that matches
 * no entity or several. The message names the parameter and what was expected; for an ambiguous name,
 * {@link #candidates()} lists what it could mean.
 */
public class ArgumentException extends CustodyException {
    private static final long serialVersionUID = 1L;
    private final List<String> candidates;

    /** @param message names the parameter and what was expected */
    public ArgumentException(String message) {
        this(message, List.of());
    }

    /** @param message names the parameter and what was expected; @param candidates possible meanings */
    public ArgumentException(String message, List<String> candidates) {
        super(message);
        this.candidates = List.copyOf(candidates);
    }

    /** The entities an ambiguous name could mean ("IRI (label)"), empty otherwise. */
    public List<String> candidates() {
        return candidates;
    }
}

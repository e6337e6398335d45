package org.custodykg;

/**
 * A remote SPARQL store could not answer: it is down or unreachable, too slow for the timeout, refused
 * the credentials, or answered with an error (its status and message are passed on). Neither the
 * caller's argument nor the data is at fault: the command line exits with 3, the server answers 502.
 */
public class RemoteException extends CustodyException {
    private static final long serialVersionUID = 1L;
    private final int status;

    /**
     * @param message what went wrong, naming the store's address
     * @param status the store's HTTP status, or 0 when it gave none (unreachable, timed out)
     */
    public RemoteException(String message, int status, Throwable cause) {
        super(ErrorCode.REMOTE_FAILURE, null, message, cause);
        this.status = status;
    }

    /** The store's HTTP status (401 for refused credentials, 500 for its own error), or 0 when it gave none. */
    public int status() {
        return status;
    }
}

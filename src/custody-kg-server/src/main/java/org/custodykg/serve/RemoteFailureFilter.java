package org.custodykg.serve;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.custodykg.RemoteException;

/**
 * Over a remote store, a page or dump the store could not supply is a failure of the server's upstream,
 * not of the server: answered with 502 Bad Gateway and the store's message, whichever servlet asked.
 */
final class RemoteFailureFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            Optional<RemoteException> remote = remoteCause(e);
            if (remote.isEmpty() || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            ErrorResponses.send(request, response, remote.get());
        }
    }

    /** The remote store's failure behind an exception, if that is what it is. */
    static Optional<RemoteException> remoteCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RemoteException remote) {
                return Optional.of(remote);
            }
        }
        return Optional.empty();
    }
}

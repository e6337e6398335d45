package org.custodykg.serve;

import org.custodykg.ErrorCode;
import org.custodykg.CustodyException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses every attempt to change the data with one clear message, before Fuseki sees it. The dataset
 * has no update or graph-store write endpoint at all; this filter only replaces Fuseki's assorted
 * answers to such attempts (404, 405, 415, "no query= parameter") with one that says why.
 */
final class ReadOnlyFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Set<String> DATASET_PATHS = Set.of("", "/", "/sparql", "/data", "/update");
    private static final int MAX_DISCARDED = 1 << 20;
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (DATASET_PATHS.contains(path) && isWrite(request, path)) {
            discardBody(request, response);
            response.setHeader("Allow", path.equals("/data") ? "GET, HEAD, OPTIONS" : "GET, HEAD, OPTIONS, POST");
            ErrorResponses.send(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, new CustodyException(
                    ErrorCode.BAD_ARGUMENT, "This server is read-only: " + request.getMethod() + " " + path
                    + " would change the data (SPARQL Update and Graph Store writes are not served)."));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Reads and drops a refused request's body, so the connection can carry the client's next request;
     * beyond a bound the connection is closed instead of reading on.
     */
    private static void discardBody(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long read = request.getInputStream().readNBytes(MAX_DISCARDED).length;
        if (read == MAX_DISCARDED) {
            response.setHeader("Connection", "close");
        }
    }

    private static boolean isWrite(HttpServletRequest request, String path) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (READ_METHODS.contains(method)) {
            return path.equals("/update");
        }
        if (!method.equals("POST") || path.equals("/data") || path.equals("/update")) {
            return true;
        }
        String type = request.getContentType();
        boolean updateBody = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/sparql-update");
        return updateBody || request.getParameter("update") != null;
    }
}

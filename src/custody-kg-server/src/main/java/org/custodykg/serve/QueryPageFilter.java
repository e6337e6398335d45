package org.custodykg.serve;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves the query page at {@code /}. It must run before Fuseki's dispatcher, which claims {@code /}
 * for the dataset (served at the root so that {@code /sparql} and {@code /data} are short).
 */
final class QueryPageFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private final transient WebResourceServlet files;

    QueryPageFilter(WebResourceServlet files) {
        this.files = files;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (read && (path.isEmpty() || path.equals("/")) && request.getQueryString() == null) {
            files.send(WebResourceServlet.INDEX, response);
            return;
        }
        chain.doFilter(request, response);
    }
}

package org.custodykg.serve;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * What every answer tells a browser: a Content-Security-Policy that allows only this server's own scripts,
 * styles and connections (the pages have no inline script or style), {@code nosniff}, and, when CORS is
 * on, {@code Access-Control-Allow-Origin: *} without credentials and only for the methods served. A
 * read-only public endpoint has nothing to protect with cookies, so it never reflects an {@code Origin}
 * nor allows credentials; Fuseki's own CORS filter (which does both, and allows PUT, DELETE and PATCH)
 * is left off.
 */
final class BrowserHeadersFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /**
     * The two style sheets the query page's result table writes into the page for its column resizer (a
     * fixed layout sheet, and a cursor sheet while a column is dragged), allowed by their digests and
     * nothing else: no {@code 'unsafe-inline'}. YasguiBundleTest checks them against the bundled script.
     */
    static final List<String> RESULT_TABLE_STYLES = List.of("sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk=",
            "sha256-c0O6TmFAkgpNbHxKAa1BrveWHHopjEtC47i0PzMudxg=");
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' '"
            + String.join("' '", RESULT_TABLE_STYLES) + "'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";
    static final String METHODS = "GET, POST, HEAD, OPTIONS";
    private static final String REQUEST_HEADERS = "Accept, Accept-Language, Content-Language, Content-Type";
    private static final String EXPOSED_HEADERS = CustodyServer.TRUNCATED_HEADER + ", " + CustodyServer.MAX_ROWS_HEADER
            + ", Content-Location, Link";
    private final boolean cors;

    BrowserHeadersFilter(boolean cors) {
        this.cors = cors;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        if (cors && request.getHeader("Origin") != null) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
            if (request.getMethod().equals("OPTIONS") && request.getHeader("Access-Control-Request-Method") != null) {
                response.setHeader("Access-Control-Allow-Methods", METHODS);
                response.setHeader("Access-Control-Allow-Headers", REQUEST_HEADERS);
                response.setHeader("Access-Control-Max-Age", "3600");
                response.setStatus(204);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

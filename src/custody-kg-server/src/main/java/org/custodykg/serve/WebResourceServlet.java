package org.custodykg.serve;

import org.custodykg.ErrorCode;
import org.custodykg.CustodyException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The query page's files, from the classpath folder {@code custody-kg/web/}; a fixed list, nothing else. */
final class WebResourceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String INDEX = "index.html";
    private static final Map<String, String> FILES = Map.of(
            INDEX, "text/html;charset=utf-8",
            "app.js", "text/javascript;charset=utf-8",
            "style.css", "text/css;charset=utf-8");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String name = path == null ? "" : path.substring(1);
        if (!FILES.containsKey(name)) {
            ErrorResponses.send(request, response, new CustodyException(ErrorCode.NOT_FOUND, "no such file: " + request.getRequestURI()));
            return;
        }
        send(name, response);
    }

    /** Sends one of the page's files. */
    static void send(String name, HttpServletResponse response) throws IOException {
        try (InputStream in = WebResourceServlet.class.getResourceAsStream("/custody-kg/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the query page is missing from the classpath: custody-kg/web/" + name);
            }
            Responses.bytes(response, 200, FILES.get(name), in.readAllBytes());
        }
    }
}

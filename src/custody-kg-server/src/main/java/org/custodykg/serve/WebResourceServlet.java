package org.custodykg.serve;

import org.custodykg.CustodyKg;
import org.custodykg.ErrorCode;
import org.custodykg.CustodyException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;

/**
 * The query page's files, from the classpath folder {@code custody-kg/web/}; a fixed list, nothing else.
 * The page itself carries the server's settings the script needs (the public base its entity links are
 * mapped from, the prefixes the editor starts with) in a {@code <meta>} element: the Content-Security-Policy
 * forbids inline scripts.
 */
final class WebResourceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String INDEX = "index.html";
    static final String YASGUI_SCRIPT = "yasgui/yasgui.min.js";
    private static final Map<String, String> FILES = Map.of(
            INDEX, "text/html;charset=utf-8",
            "app.js", "text/javascript;charset=utf-8",
            "style.css", "text/css;charset=utf-8",
            "page.css", "text/css;charset=utf-8",
            YASGUI_SCRIPT, "text/javascript;charset=utf-8",
            "yasgui/yasgui.min.css", "text/css;charset=utf-8");
    /** The files, read once: the editor's script is a megabyte. */
    private final Map<String, byte[]> contents = new HashMap<>();

    WebResourceServlet(String publicBase) {
        JsonObject config = new JsonObject();
        config.put("publicBase", publicBase);
        JsonObject prefixes = new JsonObject();
        CustodyKg.prefixes().getNsPrefixMap().forEach(prefixes::put);
        config.put("prefixes", prefixes);
        FILES.keySet().forEach(name -> contents.put(name, read(name)));
        String page = new String(read(INDEX), StandardCharsets.UTF_8);
        contents.put(INDEX, page.replace("{{config}}", Html.escape(JSON.toStringFlat(config))).getBytes(StandardCharsets.UTF_8));
    }

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
    void send(String name, HttpServletResponse response) throws IOException {
        Responses.bytes(response, 200, FILES.get(name), contents.get(name));
    }

    private static byte[] read(String name) {
        try (InputStream in = WebResourceServlet.class.getResourceAsStream("/custody-kg/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the query page is missing from the classpath: custody-kg/web/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

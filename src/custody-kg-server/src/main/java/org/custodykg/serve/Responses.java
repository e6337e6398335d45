package org.custodykg.serve;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Plain responses shared by the server's own servlets. */
final class Responses {
    private Responses() {}

    /** Sends a status with a one-paragraph plain-text message, as Fuseki does for its errors. */
    static void text(HttpServletResponse response, int status, String message) throws IOException {
        bytes(response, status, "text/plain;charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a status with a body already in memory, so the status is never sent before the body is known. */
    static void bytes(HttpServletResponse response, int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}

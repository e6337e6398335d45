package org.custodykg.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP requests written as raw bytes over a socket, for the tests of what a hostile or careless client
 * sends: malformed requests reach the server as they are, and an oversized one may be answered and cut
 * off before it is all written without failing the test.
 */
final class RawHttp {
    /** An answer: its status, its headers (names in lower case) and its body. */
    record Reply(int status, Map<String, String> headers, String body) {
        /** The same view of an answer read by Java's HTTP client. */
        static Reply of(HttpResponse<String> response) {
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
            return new Reply(response.statusCode(), headers, response.body());
        }
    }

    private RawHttp() {}

    /** Sends the request as bytes over a socket ({@code Connection: close}) and reads the whole answer. */
    static Reply send(int port, String requestLine, Map<String, String> headers, String body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port)
                    .append("\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (content.length > 0) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            byte[] request = concat(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1), content);
            // A server may answer an oversized request (413, 431) and close before reading all of it, as a
            // hostile client's request deserves: write on another thread, so the answer is read as it comes
            // and a write cut short by the server is not a failure of the test.
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(request);
                    out.flush();
                } catch (IOException cutShort) {
                    // the server stopped reading; its answer is what the test checks
                }
            }, "bad-request-writer");
            writer.setDaemon(true);
            writer.start();
            Reply reply = parse(readUntilClosed(socket.getInputStream()));
            writer.join(60_000);
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Everything the server sent; a reset after a complete answer (the server closed on unread bytes) ends it. */
    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                received.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            if (!new String(received.toByteArray(), StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                throw reset;
            }
        }
        return received.toByteArray();
    }

    private static Reply parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
                size.append((char) c);
            }
            int length = Integer.parseInt(size.toString().trim().split(";")[0], 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.readNBytes(2);
        }
    }
}

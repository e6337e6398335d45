package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus over HTTP: every case in {@code bad-input/http.tsv} (name, status, request line,
 * extra headers as JSON, body, the first line of the expected body, or {@code *} for any) is sent as
 * raw bytes over a socket, so malformed requests reach the server as a hostile client would send them.
 * Every answer must carry {@code nosniff} and the Content-Security-Policy, and none may allow credentials.
 */
class BadRequestCorpusTest {
    @RegisterExtension
    static final ServedGraph SERVED = ServedGraph.ofDefault();

    /** One line of the table. */
    record Case(String name, int status, String requestLine, Map<String, String> headers, String body, String firstLine) {}

    /** A raw answer. */
    record Reply(int status, Map<String, String> headers, String body) {}

    static Stream<Arguments> cases() throws IOException {
        return Files.readAllLines(Path.of("src/custody-kg-server/src/test/resources/bad-input/http.tsv"), StandardCharsets.UTF_8)
                .stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", -1))
                .map(cells -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    JSON.parse(cells[3]).forEach((name, value) -> headers.put(name, value.getAsString().value()));
                    return Arguments.of(Named.of(cells[0], new Case(cells[0], Integer.parseInt(cells[1]), cells[2], headers,
                            expand(cells[4]), cells[5])));
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWithTheStatusAndAClearBody(Case badCase) {
        Map<String, String> headers = new LinkedHashMap<>();
        badCase.headers().forEach((name, value) -> headers.put(name, expand(value)));
        Reply reply = send(expand(badCase.requestLine()), headers, badCase.body());
        // the server's own errors are its one JSON error body: its message is what a case pins
        boolean json = reply.headers().getOrDefault("content-type", "").startsWith("application/json")
                && reply.body().contains("\"error\"");
        String firstLine = json ? org.apache.jena.atlas.json.JSON.parse(reply.body()).getString("error")
                : reply.body().lines().findFirst().orElse("");
        assertEquals(badCase.status() + " " + badCase.firstLine(),
                reply.status() + " " + (badCase.firstLine().equals("*") ? "*" : firstLine), badCase.name());
        if (!firstLine.startsWith("<html>")) {
            // Jetty answers an oversized header (431) or URI (414), or a path it cannot decode, itself, before any filter runs
            assertEquals("nosniff", reply.headers().get("x-content-type-options"), badCase.name() + ": nosniff");
            assertEquals(BrowserHeadersFilter.CONTENT_SECURITY_POLICY, reply.headers().get("content-security-policy"),
                    badCase.name() + ": Content-Security-Policy");
        }
        assertEquals(Optional.empty(), Optional.ofNullable(reply.headers().get("access-control-allow-credentials")),
                badCase.name() + ": no credentials");
        if (badCase.headers().containsKey("Origin")) {
            assertEquals("*", reply.headers().get("access-control-allow-origin"), badCase.name() + ": CORS origin");
        }
        if (badCase.headers().containsKey("Access-Control-Request-Method")) {
            assertEquals(BrowserHeadersFilter.METHODS, reply.headers().get("access-control-allow-methods"), badCase.name());
        }
    }

    /** {@code {N*c}} stands for N copies of c, so long values fit on a line of the table. */
    static String expand(String text) {
        var repeat = java.util.regex.Pattern.compile("\\{(\\d+)\\*(.)\\}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(out, "");
            out.append(repeat.group(2).repeat(Integer.parseInt(repeat.group(1))));
        }
        return repeat.appendTail(out).toString().replace("{params}", parameters());
    }

    private static String parameters() {
        StringBuilder query = new StringBuilder("p0=0");
        for (int i = 1; i < 200; i++) {
            query.append("&p").append(i).append('=').append(i);
        }
        return query.toString();
    }

    private static Reply send(String requestLine, Map<String, String> headers, String body) {
        int port = SERVED.server().port();
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

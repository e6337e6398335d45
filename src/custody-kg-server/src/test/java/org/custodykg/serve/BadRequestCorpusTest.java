package org.custodykg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        RawHttp.Reply reply = RawHttp.send(SERVED.server().port(), expand(badCase.requestLine()), headers, badCase.body());
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
}

package org.custodykg.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client for the tests: real requests to a real server, bodies as text. */
final class Http {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    Http(CustodyServer server) {
        this.base = server.url();
    }

    /** GET base + path, with an Accept header when accept is not null. */
    HttpResponse<String> get(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    /** Sends a request with a body and a content type. */
    HttpResponse<String> send(String method, String path, String contentType, String body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    /** Sends any prepared request, waiting at most 60 s for the answer. */
    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET /sparql?query=... */
    HttpResponse<String> query(String sparql, String accept) {
        return get("sparql?query=" + encode(sparql), accept);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * The message of an error response, checking that it is the server's one JSON error body with the
     * code given ({@code bad-argument}, {@code not-found}, …).
     */
    static String error(HttpResponse<String> response, String code) {
        org.junit.jupiter.api.Assertions.assertEquals("application/json;charset=utf-8",
                response.headers().firstValue("Content-Type").orElse(""));
        org.apache.jena.atlas.json.JsonObject body = org.apache.jena.atlas.json.JSON.parse(response.body());
        org.junit.jupiter.api.Assertions.assertEquals(code, body.getString("code"));
        org.junit.jupiter.api.Assertions.assertEquals(response.statusCode(), body.get("status").getAsNumber().value().intValue());
        return body.getString("error");
    }
}

package org.custodykg;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a remote SPARQL 1.1 store answers, and how to talk to it: its query endpoint, its Graph Store
 * Protocol endpoint (for {@code publish}), timeouts, credentials, how many requests may be in flight at
 * once (the connection pool's bound), and how long an answer may be reused when the store tells no
 * version of its data. Immutable: each {@code with…} returns a copy.
 *
 * <pre>{@code
 * Endpoint store = Endpoint.of(URI.create("http://127.0.0.1:3030/custody/sparql"))
 *         .withCredentials(Credentials.fromEnvironment(System.getenv()))
 *         .withRequestTimeout(Duration.ofSeconds(10));
 * try (CustodyGraph graph = CustodyGraph.openRemote(store)) { … }
 * }</pre>
 *
 * @param query the SPARQL query endpoint
 * @param graphStore the Graph Store Protocol endpoint; empty for the query endpoint's dataset URL
 *        (Fuseki's {@code …/sparql} → {@code …/data})
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for one answer, from sending the request to the last byte
 * @param credentials how to sign in
 * @param maxConnections at most this many requests in flight, so at most this many connections open
 * @param answerTtl how long an answer is reused when the store holds no version triple
 * @param sent sees the text of every query sent (for audit logs); must be quick and thread-safe
 */
public record Endpoint(URI query, Optional<URI> graphStore, Duration connectTimeout, Duration requestTimeout,
        Credentials credentials, int maxConnections, Duration answerTtl, Consumer<String> sent) {
    public Endpoint {
        if (!"http".equals(query.getScheme()) && !"https".equals(query.getScheme())) {
            throw new ArgumentException("endpoint", "expected an http or https URL, got '" + query + "'");
        }
        if (maxConnections < 1) {
            throw new ArgumentException("maxConnections", "expected at least 1, got " + maxConnections);
        }
        for (Duration timeout : new Duration[] {connectTimeout, requestTimeout}) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new ArgumentException("timeout", "expected a positive duration, got " + timeout);
            }
        }
    }

    /** The query endpoint with the defaults: 5 s to connect, 30 s an answer, 8 connections, 30 s reuse. */
    public static Endpoint of(URI query) {
        return new Endpoint(query, Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(30), Credentials.none(),
                8, Duration.ofSeconds(30), text -> {});
    }

    /** Parses a URL given by a person. @throws ArgumentException naming {@code parameter} when it is no URL */
    public static URI url(String parameter, String text) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (Exception e) {
            throw new ArgumentException(parameter, "expected an http or https URL, got '" + text + "'");
        }
    }

    public Endpoint withGraphStore(URI graphStore) {
        return new Endpoint(query, Optional.of(graphStore), connectTimeout, requestTimeout, credentials, maxConnections, answerTtl, sent);
    }

    public Endpoint withTimeouts(Duration connect, Duration request) {
        return new Endpoint(query, graphStore, connect, request, credentials, maxConnections, answerTtl, sent);
    }

    public Endpoint withRequestTimeout(Duration request) {
        return withTimeouts(connectTimeout, request);
    }

    public Endpoint withCredentials(Credentials credentials) {
        return new Endpoint(query, graphStore, connectTimeout, requestTimeout, credentials, maxConnections, answerTtl, sent);
    }

    public Endpoint withMaxConnections(int maxConnections) {
        return new Endpoint(query, graphStore, connectTimeout, requestTimeout, credentials, maxConnections, answerTtl, sent);
    }

    public Endpoint withAnswerTtl(Duration answerTtl) {
        return new Endpoint(query, graphStore, connectTimeout, requestTimeout, credentials, maxConnections, answerTtl, sent);
    }

    public Endpoint withSentQueries(Consumer<String> sent) {
        return new Endpoint(query, graphStore, connectTimeout, requestTimeout, credentials, maxConnections, answerTtl, sent);
    }

    /** The Graph Store Protocol endpoint: the one given, else the query endpoint's sibling {@code data}. */
    public URI graphStoreOrDefault() {
        return graphStore.orElseGet(() -> query.resolve("data"));
    }
}

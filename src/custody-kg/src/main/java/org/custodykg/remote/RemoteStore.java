package org.custodykg.remote;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.custodykg.Endpoint;
import org.custodykg.RemoteException;
import org.custodykg.query.Deadline;

/**
 * The client of one remote store, over Jena's SPARQL Protocol and Graph Store Protocol clients: every
 * request signed with the endpoint's credentials, bounded by its timeouts, and at most
 * {@link Endpoint#maxConnections()} in flight (the HTTP client keeps one connection per request in
 * flight, so that also bounds its pool). Failures become a {@link RemoteException} naming the store.
 *
 * <p>Only standard SPARQL 1.1 is sent: each query is serialised, parsed back with the SPARQL 1.1
 * grammar (which refuses ARQ's extensions), and the text sent is exactly that.
 */
public final class RemoteStore implements AutoCloseable {
    /**
     * Queries up to this many characters of URL go by GET, longer ones by POST. Virtuoso 7.2 answers a
     * POSTed query from Java's HTTP client only after about 5 s, and a GET at once; Jetty (Fuseki)
     * refuses a request line beyond 8 KiB.
     */
    private static final int GET_LIMIT = 6 * 1024;

    private final Endpoint endpoint;
    private final ExecutorService connections;
    private final ScheduledExecutorService deadlines;
    private final HttpClient http;
    private final Semaphore inFlight;
    private Boolean wholeRules;

    public RemoteStore(Endpoint endpoint) {
        this.endpoint = endpoint;
        this.connections = Executors.newFixedThreadPool(endpoint.maxConnections(), daemon("custody-remote"));
        this.deadlines = Executors.newSingleThreadScheduledExecutor(daemon("custody-remote-deadline"));
        this.http = HttpClient.newBuilder()
                .connectTimeout(endpoint.connectTimeout())
                .executor(connections)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.inFlight = new Semaphore(endpoint.maxConnections(), true);
    }

    /** The endpoint this client talks to. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * Sends the query and reads its answer with {@code read}, which must copy out what it needs: the
     * execution is closed when it returns.
     */
    public <T> T query(Query query, Function<QueryExec, T> read) {
        String text = standard(query);
        endpoint.sent().accept(text);
        long storeLimit = endpoint.requestTimeout().toMillis();
        // A request of the server's (or any work run within a Deadline) may have less time left than the
        // store is given: the query is then cut when that work's time is up, and fails as a timeout of it.
        long millis = Deadline.remainingMillis(storeLimit);
        boolean workEndsFirst = millis < storeLimit;
        QueryExecHTTPBuilder builder = QueryExecHTTP.service(endpoint.query().toString())
                .httpClient(http)
                .query(text, Syntax.syntaxSPARQL_11)
                .urlGetLimit(GET_LIMIT)
                .timeout(millis, TimeUnit.MILLISECONDS);
        endpoint.credentials().authorization().ifPresent(value -> builder.httpHeader("Authorization", value));
        return call(endpoint.query(), "query", () -> {
            AtomicBoolean expired = new AtomicBoolean();
            try (QueryExec execution = builder.build()) {
                // The HTTP client's timeout ends with the response's headers; this one covers reading its body.
                ScheduledFuture<?> deadline = deadlines.schedule(() -> {
                    expired.set(true);
                    execution.abort();
                }, millis, TimeUnit.MILLISECONDS);
                try {
                    return read.apply(execution);
                } finally {
                    deadline.cancel(false);
                }
            } catch (RuntimeException e) {
                boolean timedOut = expired.get() || has(e, HttpTimeoutException.class);
                if (timedOut && workEndsFirst) {
                    throw new WorkTimeUp();
                }
                throw expired.get() ? timedOut(endpoint.query(), "query", e) : e;
            }
        });
    }

    /**
     * Whether the store can be sent the access rules whole ({@code reason.ShippedRules}). Virtuoso 7.2
     * cannot: it refuses channel-route's query (SQ074) and its server process dies on operator-route's
     * (a FILTER NOT EXISTS holding a UNION and another FILTER NOT EXISTS), so over Virtuoso, told apart by
     * the {@code Server} header of its answers, the rules are evaluated locally by lookups. Asked once.
     */
    public synchronized boolean takesWholeRules() {
        if (wholeRules == null) {
            wholeRules = !software().startsWith("Virtuoso");
        }
        return wholeRules;
    }

    /** The {@code Server} header of the store's answer to {@code ASK {}}; empty when it sends none. */
    private String software() {
        URI ask = URI.create(endpoint.query() + (endpoint.query().getQuery() == null ? "?" : "&") + "query=ASK%7B%7D");
        return call(endpoint.query(), "query", () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(ask).timeout(endpoint.requestTimeout())
                    .header("Accept", "application/sparql-results+json");
            endpoint.credentials().authorization().ifPresent(value -> request.header("Authorization", value));
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).headers()
                        .firstValue("Server").orElse("");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(endpoint.query(), "query: interrupted", 0, e);
            }
        });
    }

    /** Replaces the named graph with {@code graph}, in one request (the store applies it whole or not at all). */
    public void put(Node graphName, Graph graph) {
        call(endpoint.graphStoreOrDefault(), "graph <" + graphName.getURI() + "> not written", () -> {
            gsp().graphName(graphName).contentType(RDFFormat.NTRIPLES).PUT(graph);
            return null;
        });
    }

    /** Removes the named graph. */
    public void delete(Node graphName) {
        call(endpoint.graphStoreOrDefault(), "graph <" + graphName.getURI() + "> not removed", () -> {
            gsp().graphName(graphName).DELETE();
            return null;
        });
    }

    private GSP gsp() {
        GSP gsp = GSP.service(endpoint.graphStoreOrDefault().toString()).httpClient(http);
        endpoint.credentials().authorization().ifPresent(value -> gsp.httpHeader("Authorization", value));
        return gsp;
    }

    /** The query as the SPARQL 1.1 text sent. @throws IllegalStateException if it needs ARQ's extensions */
    static String standard(Query query) {
        String text = query.serialize(Syntax.syntaxSPARQL_11);
        QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        return text;
    }

    /** Makes one request to {@code url}, with a slot of the pool; {@code what} says what failed if it does. */
    private <T> T call(URI url, String what, Supplier<T> request) {
        long wait = endpoint.requestTimeout().toMillis();
        try {
            if (!inFlight.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                throw failure(url, what + ": all " + endpoint.maxConnections() + " connections stayed busy for " + wait + " ms", 0, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(url, what + ": interrupted", 0, e);
        }
        try {
            return request.get();
        } catch (WorkTimeUp e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(url, what, e);
        } finally {
            inFlight.release();
        }
    }

    /** Says what went wrong in the words of the store's own answer where it gave one. */
    private RemoteException translate(URI url, String what, RuntimeException e) {
        if (e instanceof RemoteException remote) {
            return remote;
        }
        int status = e instanceof QueryExceptionHTTP q ? q.getStatusCode() : e instanceof HttpException h ? h.getStatusCode() : -1;
        String answer = e instanceof QueryExceptionHTTP q ? q.getResponse() : e instanceof HttpException h ? h.getResponse() : null;
        if (status == 401 || status == 403) {
            return failure(url, what + ": the store refused the credentials (HTTP " + status + ")"
                    + (endpoint.credentials().authorization().isEmpty() ? "; none were given" : ""), status, e);
        }
        if (status > 0) {
            return failure(url, what + ": the store answered HTTP " + status + ": " + firstLines(answer, e.getMessage()), status, e);
        }
        if (e instanceof QueryCancelledException || has(e, HttpTimeoutException.class)) {
            return timedOut(url, what, e);
        }
        if (has(e, ConnectException.class)) {
            return failure(url, what + ": cannot connect (is the store running?)", 0, e);
        }
        return failure(url, what + ": the connection failed (" + rootMessage(e) + ")", 0, e);
    }

    /** The time of the work a query was part of ran out before the store's own timeout: a timeout of that work, not of the store. */
    private static final class WorkTimeUp extends QueryCancelledException {
        private static final long serialVersionUID = 1L;
    }

    private RemoteException timedOut(URI url, String what, Throwable cause) {
        return failure(url, what + ": no answer within " + endpoint.requestTimeout().toMillis() + " ms", 0, cause);
    }

    private static RemoteException failure(URI url, String message, int status, Throwable cause) {
        return new RemoteException("remote store " + url + ": " + message, status, cause);
    }

    private static boolean has(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** The store's message, on one line and at most 300 characters: enough to act on, never a page of HTML. */
    private static String firstLines(String answer, String fallback) {
        String text = answer == null || answer.isBlank() ? (fallback == null ? "no message" : fallback) : answer;
        text = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops the client's threads; requests in flight fail. */
    @Override
    public void close() {
        deadlines.shutdownNow();
        connections.shutdownNow();
    }
}

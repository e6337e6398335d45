package org.custodykg.serve;

import jakarta.servlet.http.HttpServlet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.query.AnswerCache;
import org.custodykg.query.Deadline;
import org.custodykg.reason.AccessPaths;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The custody graph over HTTP: an embedded Fuseki that is read-only, bounded and local by default.
 *
 * <ul>
 *   <li>{@code /sparql}: SPARQL 1.1 query (GET, POST form, POST {@code application/sparql-query});</li>
 *   <li>{@code /data}: Graph Store Protocol, read only ({@code ?default}, {@code ?graph=IRI});</li>
 *   <li>{@code /ask/{name}}: the named questions, {@code /ask} lists them as JSON;</li>
 *   <li>{@code /access?authority=…&service=…[&asOf=…]}: access routes as of a date ({@link AccessServlet});</li>
 *   <li>{@code /$/ping} and {@code /health}: readiness ({@code /health} as JSON, with the size and limit of
 *       everything the server keeps between requests, {@link HealthServlet}); {@code /}: the query page.</li>
 * </ul>
 *
 * <p>There is no update and no graph-store write endpoint. Queries stop after the timeout with 503 and
 * a message; a SELECT is buffered up to the row cap before the status is sent, so a client never gets
 * a truncated 200. Serving sets the timeout and forbids {@code SERVICE} calls in the graph's dataset
 * context, so the named questions are bounded the same way.
 *
 * <pre>{@code
 * CustodyServer server = CustodyServer.builder(graph).port(0).build().start();
 * System.out.println(server.url() + "sparql");
 * server.stop();
 * }</pre>
 */
public final class CustodyServer {
    /** Header set to {@code true} when a SELECT answer was cut at the row cap. */
    public static final String TRUNCATED_HEADER = "X-Custody-Truncated";
    /** Header giving the row cap that applied to a truncated answer. */
    public static final String MAX_ROWS_HEADER = "X-Custody-Max-Rows";

    /**
     * The most requests handled at once (Jetty's worker threads, less its acceptor and selectors). Fuseki's
     * embedded default is 20: 64 clients on a slow question then waited in Jetty's queue, where no timeout
     * runs, for up to 90 s, and connections idle that long were closed unanswered. With a thread per client
     * each request runs under the server's timeout from its arrival; memory stays bounded by the caches
     * and the row cap per request.
     */
    static final int MAX_THREADS = 128;

    /** How long a stop waits for the requests in flight to be answered. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /** When, in a stop, the work still running is cancelled: early enough for its 503 to be sent in the grace period. */
    private static final Duration CANCEL_AFTER = STOP_GRACE.minusSeconds(1);

    private final FusekiServer fuseki;
    private final String host;
    private final Deadline.Scope running;

    private CustodyServer(FusekiServer fuseki, String host, Deadline.Scope running) {
        this.fuseki = fuseki;
        this.host = host;
        this.running = running;
    }

    /** A builder serving that graph, with the safe defaults: 127.0.0.1, port 3030, 10 s, 10,000 rows, CORS on. */
    public static Builder builder(CustodyGraph graph) {
        return new Builder(graph);
    }

    /** Starts listening. @return this server */
    public CustodyServer start() {
        fuseki.start();
        return this;
    }

    /**
     * Stops listening at once, lets the requests in flight be answered, answers requests arriving
     * meanwhile on open connections with 503, and returns when the server has stopped: within 5 s, as a
     * query or a page still running after 4 s is cancelled and answers 503. The graph stays open (its
     * owner closes it).
     */
    public void stop() {
        CompletableFuture<Void> cancel = CompletableFuture.runAsync(running::cancelAll,
                CompletableFuture.delayedExecutor(CANCEL_AFTER.toMillis(), TimeUnit.MILLISECONDS));
        try {
            fuseki.stop();
        } finally {
            cancel.cancel(false);
        }
    }

    /** The port listened on: the real one when the builder asked for port 0. */
    public int port() {
        return fuseki.getPort();
    }

    /** The server's base URL, ending with "/" (for example {@code http://127.0.0.1:3030/}). */
    public String url() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shownHost + ":" + port() + "/";
    }

    /** Settings for a {@link CustodyServer}. */
    public static final class Builder {
        private final CustodyGraph graph;
        private String host = "127.0.0.1";
        private int port = 3030;
        private Duration timeout = Duration.ofSeconds(10);
        private int maxRows = 10_000;
        private boolean cors = true;
        private String publicBase = CustodyKg.BASE;
        private RequestLimits limits = RequestLimits.defaults();
        private long answerCacheBytes = AnswerCache.DEFAULT_LIMIT_BYTES;
        private long accessCacheBytes = AccessPaths.DEFAULT_LIMIT_BYTES;
        private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();

        private Builder(CustodyGraph graph) {
            this.graph = Objects.requireNonNull(graph, "graph");
        }

        /** The address to bind: 127.0.0.1 by default, "0.0.0.0" for every interface. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; 0 picks a free one (see {@link CustodyServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port: expected 0 to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The longest a query may run before it is stopped with 503 (10 s by default). */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout: expected a positive duration, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The most rows, or triples, one query answers with (10,000 by default). */
        public Builder maxRows(int maxRows) {
            if (maxRows < 1) {
                throw new IllegalArgumentException("max rows: expected a positive number, got " + maxRows);
            }
            this.maxRows = maxRows;
            return this;
        }

        /**
         * The base the data's IRIs are minted under ({@link CustodyKg#BASE} by default): the server answers
         * for {@code BASE + "id/…"} at its own {@code /id/…}.
         *
         * @throws IllegalArgumentException if the base does not end in {@code /}
         */
        public Builder publicBase(String publicBase) {
            if (!publicBase.endsWith("/")) {
                throw new IllegalArgumentException("public base: expected an IRI ending in '/', got " + publicBase);
            }
            this.publicBase = publicBase;
            return this;
        }

        /** How big a request may be ({@link RequestLimits#defaults()} by default). */
        public Builder limits(RequestLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * The most memory the remembered answers to named questions may take, in bytes (estimated;
         * {@link AnswerCache#DEFAULT_LIMIT_BYTES} by default, 0 for none); {@code /health} shows their size.
         */
        public Builder answerCacheBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("answer cache: expected 0 bytes or more, got " + bytes);
            }
            this.answerCacheBytes = bytes;
            return this;
        }

        /**
         * The most memory the remembered access answers may take, in bytes (estimated;
         * {@link AccessPaths#DEFAULT_LIMIT_BYTES} by default, 0 for none); {@code /health} shows their size.
         */
        public Builder accessCacheBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("access cache: expected 0 bytes or more, got " + bytes);
            }
            this.accessCacheBytes = bytes;
            return this;
        }

        /**
         * Whether browsers on other origins may query (GET and POST); on by default. They are answered
         * {@code Access-Control-Allow-Origin: *}, never with credentials.
         */
        public Builder cors(boolean cors) {
            this.cors = cors;
            return this;
        }

        /**
         * Adds a servlet of your own, for instance linked-data pages at {@code /id/*}. Use paths of two
         * or more segments, or one segment other than {@code sparql} and {@code data}: one-segment paths
         * fall through to servlets only because the dataset has no endpoint of that name.
         */
        public Builder addServlet(String pathSpec, HttpServlet servlet) {
            servlets.put(Objects.requireNonNull(pathSpec, "pathSpec"), Objects.requireNonNull(servlet, "servlet"));
            return this;
        }

        /**
         * Builds the server (not yet listening). It serves the graph as the graph was opened: with its
         * inferred graph unless opened {@link CustodyGraph.Options#withoutInferred()}.
         */
        public CustodyServer build() {
            graph.limitAnswers(answerCacheBytes);
            graph.limitAccessAnswers(accessCacheBytes);
            // the bodies written from the kept answers may take as much again as the answers
            AnswerBodies bodies = new AnswerBodies(answerCacheBytes);
            DatasetGraph dsg = graph.dataset().asDatasetGraph();
            Context context = dsg.getContext();
            context.set(ARQ.queryTimeout, Long.toString(timeout.toMillis()));
            context.set(ARQ.httpServiceAllowed, false);
            Deadline.Scope running = new Deadline.Scope();

            DataService service = DataService.newBuilder(dsg)
                    .addEndpoint(Operation.Query, "sparql")
                    .addEndpoint(Operation.GSP_R, "data")
                    .build();
            WebResourceServlet files = new WebResourceServlet(publicBase);
            FusekiServer.Builder fuseki = FusekiServer.create()
                    .port(port)
                    .numServerThreads(2, MAX_THREADS)
                    .enablePing(true)
                    .registerOperation(Operation.Query, new BoundedQueryProcessor(maxRows, running))
                    .addFilter("/*", new BrowserHeadersFilter(cors))
                    .addFilter("/*", new RequestDeadlineFilter(timeout, running))
                    .addFilter("/*", new RequestLimitsFilter(limits))
                    .addFilter("/*", new ReadOnlyFilter())
                    .addFilter("/*", new RemoteFailureFilter())
                    .addFilter("/*", new QueryPageFilter(files))
                    .add("/", service)
                    .addServlet("/web/*", files)
                    .addServlet("/health", new HealthServlet(graph, bodies))
                    .addServlet("/ask/*", new AskServlet(graph, bodies));
            LinkedData.over(graph, publicBase).addTo(fuseki);
            fuseki.addServlet("/access", new AccessServlet(graph));
            servlets.forEach(fuseki::addServlet);
            FusekiServer server = fuseki.build();
            Server jetty = server.getJettyServer();
            // a stop lets requests in flight finish (up to the grace period) and answers new ones 503
            GracefulHandler graceful = new GracefulHandler(jetty.getHandler());
            jetty.setHandler(graceful);
            jetty.setStopTimeout(STOP_GRACE.toMillis());
            for (Connector connector : server.getJettyServer().getConnectors()) {
                if (connector instanceof ServerConnector network) {
                    network.setHost(host);
                }
                HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null) {
                    // Jetty answers 431 beyond this; Fuseki's own default is far larger
                    http.getHttpConfiguration().setRequestHeaderSize(limits.maxHeaderBytes());
                }
            }
            return new CustodyServer(server, host, running);
        }
    }
}

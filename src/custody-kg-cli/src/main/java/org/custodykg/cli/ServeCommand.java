package org.custodykg.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.serve.CustodyServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code custody serve}: the SPARQL endpoint, the named questions and the query page, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the graph over HTTP: SPARQL, named questions, linked data and a query page.",
            "SPARQL at /sparql, read-only graph store at /data, named questions at /ask/{name}, access paths at",
            "/access, entity pages at /id/..., VoID at /.well-known/void, a query page at /.",
            "Read-only; stops on Ctrl-C or SIGTERM."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "3030", description = "Port to listen on, 0 for any free one (default ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind (default ${DEFAULT-VALUE}); 0.0.0.0 opens the server to the network.")
    private String host;

    @Mixin
    private GraphSource source;

    @Option(names = "--public-base", defaultValue = CustodyKg.BASE, paramLabel = "IRI",
            description = "The base the data's IRIs start with; the server answers for BASE/id/... at its own /id/... (default ${DEFAULT-VALUE}).")
    private String publicBase;

    @Option(names = "--timeout", defaultValue = "10s",
            description = "Longest a query may run: 10s, 500ms, 2m (default ${DEFAULT-VALUE}).")
    private String timeout;

    @Option(names = "--max-rows", defaultValue = "10000",
            description = "Most rows (or triples) one query answers with (default ${DEFAULT-VALUE}).")
    private int maxRows;

    @Option(names = "--answer-cache", defaultValue = "64", paramLabel = "MiB",
            description = "Most memory the remembered answers to named questions may take, in MiB (default ${DEFAULT-VALUE}; "
                    + "0 keeps none); /health shows their size.")
    private long answerCacheMib;

    @Option(names = "--access-cache", defaultValue = "32", paramLabel = "MiB",
            description = "Most memory the remembered access answers may take, in MiB (default ${DEFAULT-VALUE}; "
                    + "0 keeps none); /health shows their size.")
    private long accessCacheMib;

    @Option(names = "--inferred", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Materialise the inferred graph (access routes, entailments) before serving (default on; "
                    + "--no-inferred serves the graph as it is: a million triples take minutes; a store keeps them, "
                    + "derived by 'custody load --infer' or by the first serve after a load).")
    private boolean inferred;

    @Option(names = "--cors", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Let pages on other sites query the server (default on; --no-cors turns it off).")
    private boolean cors;

    /** Starts the server and waits until the process is told to stop. */
    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Duration limit = parseDuration(timeout);
        checkMib("answer-cache", answerCacheMib);
        checkMib("access-cache", accessCacheMib);
        CustodyGraph graph = source.open(inferred);
        CustodyServer server;
        try {
            server = CustodyServer.builder(graph).host(host).port(port).timeout(limit).maxRows(maxRows).cors(cors)
                    .publicBase(publicBase).answerCacheBytes(answerCacheMib << 20).accessCacheBytes(accessCacheMib << 20).build();
        } catch (IllegalArgumentException e) {
            graph.close();
            throw new ArgumentException(null, e.getMessage());
        }
        try {
            server.start();
        } catch (RuntimeException e) {
            err.println("custody serve: cannot listen on " + host + ":" + port + ": " + rootMessage(e));
            graph.close();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            graph.close();
            stopped.countDown();
        }, "custody-serve-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("custody-kg SPARQL endpoint: " + server.url() + "sparql");
        out.println("  query page:        " + server.url());
        out.println("  named questions:   " + server.url() + "ask/{name}  (list: " + server.url() + "ask)");
        out.println("  graph store (read): " + server.url() + "data?default  |  data?graph=IRI");
        out.println("  health:            " + server.url() + "health");
        out.println("  linked data:       " + server.url() + "id/...  ontology: " + server.url() + "ontology  VoID: "
                + server.url() + ".well-known/void");
        out.flush();
        stopped.await();
        return Main.OK;
    }

    /** Reads "10s", "500ms", "2m", plain seconds ("10") or an ISO-8601 duration ("PT10S"). */
    private static void checkMib(String option, long mib) {
        if (mib < 0 || mib > Long.MAX_VALUE >> 20) {
            throw new ArgumentException(option, "expected a size in MiB from 0, got " + mib);
        }
    }

    static Duration parseDuration(String text) {
        return parseDuration("timeout", text);
    }

    /** The same, naming {@code option} when the text is no duration. */
    static Duration parseDuration(String option, String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ArgumentException(option, "expected a duration such as 10s, 500ms or 2m, got '" + text + "'");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}

package org.custodykg.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.custodykg.Credentials;
import org.custodykg.CustodyGraph;
import org.custodykg.Endpoint;
import org.custodykg.serve.CustodyServer;

/**
 * HTTP throughput and latency of {@code custody serve} against plain Fuseki serving the same data, in
 * one run: N closed-loop clients (one keep-alive connection each) send one request after another for a
 * fixed time; the figures are requests per second and the 50th and 99th percentile latency.
 *
 * <p>Run: {@code java -cp src/custody-kg-cli/target/custody-kg-cli-0.1.0-app.jar org.custodykg.bench.HttpLoad [seconds] [clients] [rounds]
 * [DATA_DIR SERVICE_IRI | --endpoint URL SERVICE_IRI]} (defaults 10, 16 and 2; each run is preceded by a 2 s warm-up whose figures are
 * dropped). Every other round runs the scenarios in reverse order, so that neither server always runs
 * first on a machine whose load changes. Without a data folder both servers serve the embedded graph,
 * the point question asks for iCloud and the join question is {@code sources} unbound; with one (for
 * instance a folder holding a {@code custody generate} file, read unvalidated) both ask for the given
 * service, the join bound to it too, so that neither answer is cut by custody's row cap. One more
 * scenario sends the point question with the entity tag of its answer in {@code If-None-Match}, as a
 * caching client revalidates, and counts the 304s.
 */
public final class HttpLoad {
    private static final String JSON = "application/sparql-results+json";
    private static final String ICLOUD = "https://w3id.org/custody-kg/id/service/icloud";

    /** What both servers serve and which service the questions ask about. */
    private record Setup(Path data, String service) {
        CustodyGraph open() {
            return data == null ? CustodyGraph.openDefault() : CustodyGraph.openDirectory(data, CustodyGraph.Options.trusted());
        }

        String joinPath() {
            return data == null ? "ask/sources" : "ask/sources?entity=" + encode(service);
        }
    }

    private HttpLoad() {}

    /** A request sent over and over, and the status that counts as an answer. */
    private record Scenario(String url, String ifNoneMatch, int status) {
        static Scenario get(String url) {
            return new Scenario(url, null, 200);
        }

        /** The same GET sent with the entity tag of its answer, which the server answers with 304. */
        static Scenario revalidate(String url) throws Exception {
            HttpResponse<Void> first = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", JSON).build(), HttpResponse.BodyHandlers.discarding());
            return new Scenario(url, first.headers().firstValue("ETag").orElseThrow(), 304);
        }

        HttpRequest request() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", JSON).timeout(Duration.ofSeconds(30));
            if (ifNoneMatch != null) {
                request.header("If-None-Match", ifNoneMatch);
            }
            return request.build();
        }
    }

    /** One measured run. */
    private record Result(String name, long requests, long errors, double seconds, long p50Micros, long p99Micros, int bytes) {
        double perSecond() {
            return requests / seconds;
        }
    }

    /** Runs every scenario and prints a Markdown table. */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        if (args.length > 5 && args[3].equals("--endpoint")) {
            overRemote(args[4], args[5], clients, seconds, rounds);
            return;
        }
        Setup setup = args.length > 4 ? new Setup(Path.of(args[3]), args[4]) : new Setup(null, ICLOUD);
        try (CustodyGraph custodyGraph = setup.open(); CustodyGraph plainGraph = setup.open()) {
            // No inference: plain Fuseki serves the data as loaded, and so does custody here.
            CustodyServer custody = CustodyServer.builder(custodyGraph).port(0).build().start();
            // Plain Fuseki with its defaults, over a separate copy so none of custody's settings apply.
            FusekiServer plain = FusekiServer.create().port(0).loopback(true)
                    .add("/ds", plainGraph.dataset().asDatasetGraph()).build().start();
            try {
                String point = encode(boundQuery(custodyGraph, "key-custody", "service", setup.service()));
                String join = encode(setup.data() == null ? custodyGraph.question("sources").query().serialize()
                        : boundQuery(custodyGraph, "sources", "entity", setup.service()));
                String fuseki = "http://127.0.0.1:" + plain.getPort() + "/ds/sparql?query=";
                String pointAsk = custody.url() + "ask/key-custody?service=" + encode(setup.service());
                Map<String, Scenario> scenarios = new LinkedHashMap<>();
                scenarios.put("point: custody /ask/key-custody?service=…", Scenario.get(pointAsk));
                scenarios.put("point: custody /ask/key-custody?service=…, If-None-Match (304)", Scenario.revalidate(pointAsk));
                scenarios.put("point: custody /sparql (same query, VALUES first)", Scenario.get(custody.url() + "sparql?query=" + point));
                scenarios.put("point: plain Fuseki /ds/sparql (same query)", Scenario.get(fuseki + point));
                scenarios.put("join: custody /" + setup.joinPath().replaceAll("=.*", "=…"), Scenario.get(custody.url() + setup.joinPath()));
                scenarios.put("join: custody /sparql (same query)", Scenario.get(custody.url() + "sparql?query=" + join));
                scenarios.put("join: plain Fuseki /ds/sparql (same query)", Scenario.get(fuseki + join));
                measure(scenarios, clients, seconds, rounds);
            } finally {
                custody.stop();
                plain.stop();
            }
        }
    }

    /**
     * {@code custody serve --endpoint} against the store it reads, in one run: the point question through
     * custody's {@code /ask} and {@code /sparql}, and the same query sent to the store itself, over the
     * published union graph as custody sends it.
     */
    private static void overRemote(String endpoint, String service, int clients, int seconds, int rounds) throws Exception {
        try (CustodyGraph remote = CustodyGraph.openRemote(Endpoint.of(URI.create(endpoint))
                .withCredentials(Credentials.fromEnvironment(System.getenv())))) {
            CustodyServer custody = CustodyServer.builder(remote).port(0).build().start();
            try {
                String bound = boundQuery(remote, "key-custody", "service", service);
                Query direct = org.apache.jena.query.QueryFactory.create(bound);
                direct.addGraphURI(org.custodykg.CustodyKg.GRAPH_BASE + "union");
                Map<String, Scenario> scenarios = new LinkedHashMap<>();
                scenarios.put("point: custody serve --endpoint /ask/key-custody?service=…",
                        Scenario.get(custody.url() + "ask/key-custody?service=" + encode(service)));
                scenarios.put("point: custody serve --endpoint /sparql (same query)", Scenario.get(custody.url() + "sparql?query=" + encode(bound)));
                scenarios.put("point: the store itself (same query, FROM the published union)",
                        Scenario.get(endpoint + "?query=" + encode(direct.serialize())));
                measure(scenarios, clients, seconds, rounds);
            } finally {
                custody.stop();
            }
        }
    }

    private static void measure(Map<String, Scenario> scenarios, int clients, int seconds, int rounds) throws Exception {
        System.out.printf(Locale.ROOT, "%d clients, %d s per run (after a 2 s warm-up), loopback, Accept: %s%n%n",
                clients, seconds, JSON);
        System.out.println("| round | scenario | requests | errors | req/s | p50 ms | p99 ms | body bytes |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|");
        for (int round = 1; round <= rounds; round++) {
            List<Map.Entry<String, Scenario>> order = new ArrayList<>(scenarios.entrySet());
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (Map.Entry<String, Scenario> scenario : order) {
                run(scenario.getKey(), scenario.getValue(), clients, 2);
                Result result = run(scenario.getKey(), scenario.getValue(), clients, seconds);
                System.out.printf(Locale.ROOT, "| %d | %s | %d | %d | %.0f | %.2f | %.2f | %d |%n", round,
                        result.name(), result.requests(), result.errors(), result.perSecond(),
                        result.p50Micros() / 1000.0, result.p99Micros() / 1000.0, result.bytes());
            }
        }
    }

    /**
     * The question's text with its parameter bound by a VALUES block at the start of the pattern, as a
     * SPARQL client would send it (a trailing VALUES block is joined only after the whole pattern, which
     * takes seconds at a million triples on either server).
     */
    private static String boundQuery(CustodyGraph graph, String question, String parameter, String iri) {
        Query query = graph.question(question).query().cloneQuery();
        Var variable = Var.alloc(parameter);
        ElementData values = new ElementData(List.of(variable),
                List.of(BindingFactory.binding(variable, NodeFactory.createURI(iri))));
        ElementGroup pattern = new ElementGroup();
        pattern.addElement(values);
        ((ElementGroup) query.getQueryPattern()).getElements().forEach(pattern::addElement);
        query.setQueryPattern(pattern);
        return query.serialize();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Result run(String name, Scenario scenario, int clients, int seconds) throws Exception {
        HttpRequest request = scenario.request();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        int[] bytes = new int[1];
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] latencies = new long[1024];
                int count = 0;
                long errors = 0;
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long micros = (System.nanoTime() - t0) / 1000;
                    if (response.statusCode() != scenario.status()) {
                        errors++;
                        continue;
                    }
                    bytes[0] = response.body().length;
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = micros;
                }
                long[] result = Arrays.copyOf(latencies, count + 1);
                result[count] = errors;
                return result;
            }));
        }
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> future : futures) {
            long[] result = future.get(seconds + 60L, TimeUnit.SECONDS);
            for (int i = 0; i < result.length - 1; i++) {
                all.add(result[i]);
            }
            errors += result[result.length - 1];
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdownNow();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(name, sorted.length, errors, elapsed, percentile(sorted, 50), percentile(sorted, 99), bytes[0]);
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}

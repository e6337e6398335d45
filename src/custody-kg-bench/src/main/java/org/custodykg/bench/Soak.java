package org.custodykg.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The soak test: N closed-loop clients send a mix of requests through every door of a running
 * {@code custody serve} (two named questions, two SPARQL queries, an entity page, a search, {@code /access} when
 * an authority is given) for a fixed time, while the server's resident memory is sampled from {@code /proc/PID/status}.
 * It reports the requests made, their outcomes and their latency (p50, p99, the longest), in all and per
 * door, and passes with no error (every answer 200 or a 503 timeout counts as answered; a refused connection,
 * a reset or any other status is an error) and the largest RSS after warm-up within +20 % of the RSS
 * at the end of the warm-up (the first tenth of the run).
 *
 * <p>Run against a server started with, for instance, {@code ./custody serve --store STORE --port 3030}:
 * {@code java -cp src/custody-kg-cli/target/custody-kg-cli-0.1.0.jar org.custodykg.bench.Soak
 * http://127.0.0.1:3030/ SERVER_PID SECONDS CLIENTS SERVICE_IRI [AUTHORITY]} (the figure: 600 s, 64 clients).
 */
public final class Soak {
    /** The word {@code /search} is asked for: in services' names in the repository's data and in generated data. */
    static final String SEARCHED = "service";

    private Soak() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: Soak BASE_URL SERVER_PID SECONDS CLIENTS SERVICE_IRI [AUTHORITY]");
            System.exit(2);
        }
        String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        long pid = Long.parseLong(args[1]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[2]));
        int clients = Integer.parseInt(args[3]);
        List<String> doors = doors(base, args[4], args.length > 5 ? args[5] : null);

        Map<String, Map<String, LongAdder>> outcomes = new ConcurrentHashMap<>();
        Map<String, Queue<Long>> latencies = new ConcurrentHashMap<>();
        long end = System.nanoTime() + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int first = c;
            pool.submit(() -> client(doors, first, end, outcomes, latencies));
        }
        pool.shutdown();
        List<Long> rss = new ArrayList<>();
        while (!pool.awaitTermination(Math.max(1, length.toSeconds() / 60), TimeUnit.SECONDS)) {
            rss.add(rssKb(pid));
        }
        rss.add(rssKb(pid));
        report(length, clients, outcomes, rss, latencies);
    }

    private static List<String> doors(String base, String service, String authority) {
        List<String> doors = new ArrayList<>(List.of(
                base + "ask/key-custody?service=" + encode(service),
                base + "ask/storage?service=" + encode(service),
                base + "sparql?query=" + encode("SELECT ?p ?o WHERE { <" + service + "> ?p ?o } LIMIT 50"),
                base + "sparql?query=" + encode("SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }"),
                base + "id/" + service.substring(service.indexOf("/id/") + "/id/".length()),
                base + "search?q=" + encode(SEARCHED) + "&limit=20&format=json"));
        if (authority != null) {
            doors.add(base + "access?authority=" + encode(authority) + "&service=" + encode(service));
        }
        return doors;
    }

    private static void client(List<String> doors, int first, long end, Map<String, Map<String, LongAdder>> outcomes,
            Map<String, Queue<Long>> latencies) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = first; System.nanoTime() < end; i++) {
            String door = doors.get(i % doors.size());
            String outcome;
            long start = System.nanoTime();
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(door)).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                outcome = status == 200 || status == 503 ? "answered " + status : "error: status " + status;
            } catch (IOException e) {
                // the message says which failure (a reset, a closed connection, a time-out), without the addresses
                String message = String.valueOf(e.getMessage()).replaceAll("[0-9./:]{4,}", "…");
                outcome = "error: " + e.getClass().getSimpleName() + " (" + message.substring(0, Math.min(60, message.length())) + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            String name = name(door);
            latencies.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - start);
            outcomes.computeIfAbsent(name, k -> new ConcurrentHashMap<>()).computeIfAbsent(outcome, k -> new LongAdder())
                    .increment();
        }
    }

    /** The door a request goes through, as the report names it: its path, and for SPARQL which query. */
    private static String name(String url) {
        String path = URI.create(url).getPath();
        return path.equals("/sparql") ? path + (url.contains("COUNT") ? " (count)" : " (one subject)") : path;
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    private static void report(Duration length, int clients, Map<String, Map<String, LongAdder>> outcomes, List<Long> rss,
            Map<String, Queue<Long>> latencies) {
        Map<String, Long> all = new TreeMap<>();
        outcomes.values().forEach(byOutcome -> byOutcome.forEach((k, v) -> all.merge(k, v.sum(), Long::sum)));
        long errors = all.entrySet().stream().filter(e -> e.getKey().startsWith("error")).mapToLong(Map.Entry::getValue).sum();
        int warm = Math.max(0, rss.size() / 10 - 1);
        long afterWarmUp = rss.get(warm);
        long peak = rss.subList(warm, rss.size()).stream().mapToLong(Long::longValue).max().orElse(afterWarmUp);
        double growth = 100.0 * (peak - afterWarmUp) / afterWarmUp;
        long[] times = sorted(latencies.values().stream().flatMap(Queue::stream).toList());
        System.out.printf(Locale.ROOT, "soak: %d clients x %d s: %,d requests (%.1f/s) %s%n", clients, length.toSeconds(),
                times.length, times.length / (double) length.toSeconds(), all);
        System.out.printf(Locale.ROOT, "latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(times, 50),
                percentile(times, 99), max(times));
        new TreeMap<>(latencies).forEach((door, queue) -> {
            long[] doorTimes = sorted(List.copyOf(queue));
            Map<String, Long> doorOutcomes = new TreeMap<>();
            outcomes.get(door).forEach((k, v) -> doorOutcomes.put(k, v.sum()));
            System.out.printf(Locale.ROOT, "  %-24s %,8d requests, p50 %8.1f ms, p99 %8.1f ms, max %8.1f ms %s%n", door,
                    doorTimes.length, percentile(doorTimes, 50), percentile(doorTimes, 99), max(doorTimes), doorOutcomes);
        });
        System.out.printf(Locale.ROOT, "RSS after warm-up %,d KB, peak after %,d KB (%+.1f %%), at the end %,d KB%n",
                afterWarmUp, peak, growth, rss.get(rss.size() - 1));
        System.out.println(errors == 0 && growth <= 20 ? "PASS" : "FAIL: " + errors + " errors, RSS " + String.format(Locale.ROOT, "%+.1f %%", growth));
    }

    private static long[] sorted(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static double max(long[] sortedNanos) {
        return sortedNanos.length == 0 ? 0.0 : sortedNanos[sortedNanos.length - 1] / 1e6;
    }

    /** The value below which that percentage of the sorted nanosecond times lie, in milliseconds. */
    private static double percentile(long[] sortedNanos, int percent) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

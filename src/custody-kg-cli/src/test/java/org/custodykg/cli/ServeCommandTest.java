package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodykg.CustodyGraph;
import org.junit.jupiter.api.Test;

/** {@code custody serve} as a real process: it starts, answers, and stops cleanly on SIGTERM. */
class ServeCommandTest {
    private static final Pattern ENDPOINT = Pattern.compile("custody-kg SPARQL endpoint: (http://127\\.0\\.0\\.1:(\\d+)/)sparql");

    /** Starts {@code custody serve} with these options on a free port. */
    private static Process serve(String... options) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", "0"));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Waits (up to two minutes) for the server to print its endpoint: the base URL and the port. */
    private static Matcher started(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> firstMatch(out)).get(120, TimeUnit.SECONDS);
    }

    @Test
    void servesTheRepositorysDataAnswersAndStopsOnSigterm() throws Exception {
        Process process = serve("--data", ".");
        try {
            Matcher started = started(process);
            String base = started.group(1);
            int port = Integer.parseInt(started.group(2));

            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "health"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            // Jetty's buffers vary with the requests so far and the heap: only their presence is fixed
            assertEquals("{ \"status\" : \"ok\" , \"answerCache\" : { \"entries\" : 0 , \"bytes\" : 0 , \"limitBytes\" : 67108864 } ,"
                    + " \"accessCache\" : { \"entries\" : 0 , \"bytes\" : 0 , \"limitBytes\" : 33554432 } ,"
                    + " \"labelCache\" : { \"entries\" : 0 , \"bytes\" : 0 , \"limitBytes\" : 4194304 } ,"
                    + " \"bodyCache\" : { \"entries\" : 0 , \"bytes\" : 0 , \"limitBytes\" : 67108864 } ,"
                    + " \"requestBuffers\" : { … } }",
                health.body().replaceAll("\\s+", " ").replaceFirst("\"requestBuffers\" : \\{[^}]*}", "\"requestBuffers\" : { … }").strip());
            HttpResponse<String> keys = client.send(HttpRequest.newBuilder(URI.create(base + "ask/key-custody?service=iCloud&format=csv"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, keys.statusCode());
            assertEquals(keyCustodyCsvOfTheRepository(), keys.body());

            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server did not stop within 60 s of SIGTERM");
            assertEquals(143, process.exitValue(), "exit status after SIGTERM (128 + 15)");
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void sigtermUnderLoadAnswersEveryRequestInFlightThenExits() throws Exception {
        sigtermUnderLoad("2s", TIMED_OUT);
    }

    @Test
    void sigtermCancelsQueriesThatWouldOutlastTheGracePeriodWith503() throws Exception {
        sigtermUnderLoad("10m", TIMED_OUT);
    }

    /** The server's error body for a stopped query, as every door answers it (whitespace folded). */
    private static final String TIMED_OUT =
            "{ \"error\" : \"the question took longer than the server allows\" , \"code\" : \"timeout\" , \"status\" : 503 }";

    /** Four slow queries in flight when SIGTERM comes: each gets a complete 503, then the process exits 143. */
    private static void sigtermUnderLoad(String timeout, String message) throws Exception {
        Process process = serve("--timeout", timeout);
        try {
            String base = started(process).group(1);
            HttpClient client = HttpClient.newHttpClient();
            String product = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }";
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                inFlight.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "sparql?query="
                        + URLEncoder.encode(product, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            // Not a timing assertion: a pause so that the slow requests are running when the signal comes.
            Thread.sleep(700);
            process.destroy();
            for (CompletableFuture<HttpResponse<String>> request : inFlight) {
                HttpResponse<String> answer = request.get(60, TimeUnit.SECONDS);
                assertEquals(503, answer.statusCode());
                assertEquals(message, answer.body().replaceAll("\\s+", " ").strip());
            }
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server did not stop after SIGTERM");
            assertEquals(143, process.exitValue(), "exit status after SIGTERM (128 + 15)");
        } finally {
            process.destroyForcibly();
        }
    }

    private static String keyCustodyCsvOfTheRepository() {
        try (CustodyGraph graph = CustodyGraph.openDirectory(Path.of("."), CustodyGraph.Options.validating())) {
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            graph.ask("key-custody", Map.of("service", "iCloud")).table().writeCsv(csv);
            return csv.toString(StandardCharsets.UTF_8);
        }
    }

    private static Matcher firstMatch(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher matcher = ENDPOINT.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
            throw new IllegalStateException("the server exited without printing its endpoint");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String runExpectingFailure(int expectedCode, String... args) {
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setErr(new PrintWriter(err, true)).execute(args);
        assertEquals(expectedCode, code, err.toString());
        return err.toString().lines().findFirst().orElse("");
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        assertEquals("custody serve: --timeout: expected a duration such as 10s, 500ms or 2m, got 'soon'",
                runExpectingFailure(Main.USAGE, "serve", "--timeout", "soon"));
        assertEquals("custody serve: --data: expected a readable folder of Turtle files, but no/such/folder is not a folder",
                runExpectingFailure(Main.USAGE, "serve", "--data", "no/such/folder"));
        assertEquals("custody serve: max rows: expected a positive number, got 0",
                runExpectingFailure(Main.USAGE, "serve", "--max-rows", "0"));
        assertEquals("custody serve: --answer-cache: expected a size in MiB from 0, got -1",
                runExpectingFailure(Main.USAGE, "serve", "--answer-cache", "-1"));
        assertEquals("custody serve: --access-cache: expected a size in MiB from 0, got -2",
                runExpectingFailure(Main.USAGE, "serve", "--access-cache", "-2"));
        assertEquals("custody serve: Error: --data=DIR, --store=DIR are mutually exclusive (specify only one) (see 'custody serve --help')",
                runExpectingFailure(Main.USAGE, "serve", "--data", "a", "--store", "b"));
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertEquals(Duration.ofSeconds(10), ServeCommand.parseDuration("10s"));
        assertEquals(Duration.ofMillis(500), ServeCommand.parseDuration("500ms"));
        assertEquals(Duration.ofMinutes(2), ServeCommand.parseDuration("2m"));
        assertEquals(Duration.ofSeconds(30), ServeCommand.parseDuration("PT30S"));
        assertEquals(Duration.ofSeconds(7), ServeCommand.parseDuration("7"));
    }
}

package org.custodykg.cli;

import static org.custodykg.cli.CliTest.assertRun;
import static org.custodykg.cli.CliTest.failed;
import static org.custodykg.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.custodykg.CustodyGraph;
import org.custodykg.cli.CliTest.Run;
import org.custodykg.serve.CustodyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's one error path and the defects the module split fixed: the library names
 * parameters and the command line shows the flag; every failure is one line with its exit code; the
 * command line reads the same graph as the server.
 */
class ErrorContractTest {
    private static final String JURISDICTIONS =
            "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <https://w3id.org/custody-kg/ontology#Jurisdiction> }";

    @TempDir
    Path temp;

    @Test
    void theLibrarysParameterIsShownAsTheFlagTheUserTyped() {
        Path missing = temp.resolve("missing");
        assertRun(failed(2, "custody ask: --store: expected the folder of a TDB2 store, but " + missing + " is not a folder\n"),
                run("ask", "key-custody", "--store", missing.toString()));
        assertRun(failed(2, "custody ask: --data: expected a readable folder of Turtle files, but " + missing + " is not a folder\n"),
                run("ask", "key-custody", "--data", missing.toString()));
        assertRun(failed(2, "custody export: --part: expected one of ontology|data|all, but got 'some'\n"),
                run("export", "--format", "nq", "--part", "some"));
    }

    @Test
    void controlCharactersAreEscapedAndALongValueIsCutInTheMiddle() {
        Run escaped = run("ask", "key-custody", "--service", "a\u001bb\u000bc");
        assertEquals(2, escaped.exit());
        assertEquals("custody ask: --service: no ckg:Service is called 'a?b?c' (expected a name, an alternative name or an IRI"
                + " of an entity of class ckg:Service)\n", escaped.err().replace(System.lineSeparator(), "\n"));

        Run longValue = run("export", "--format", "x".repeat(10_000));
        String line = longValue.err().strip();
        assertEquals(2, longValue.exit());
        assertEquals(1, longValue.err().lines().count());
        assertEquals("custody export: ".length() + Failures.MAX_LINE, line.length());
        String start = "custody export: --format: expected one of ttl|nt|jsonld|rdfxml|trig|nq, but got 'xxx";
        assertEquals(start, line.substring(0, start.length()));
        assertEquals("x…x", line.substring(line.indexOf('…') - 1, line.indexOf('…') + 2));
        assertEquals("xxx'", line.substring(line.length() - 4));
    }

    @Test
    void printableEscapesEveryControlCharacter() {
        assertEquals("a\\nb\\tc\\u001Bd\\u000Be\\u007F", Failures.printable("a\nb\tc\u001bd\u000be\u007f"));
    }

    @Test
    void versionIsAnsweredByEverySubcommand() {
        for (String command : new String[] {"ask", "access", "sparql", "serve", "load", "export", "validate", "list"}) {
            assertRun(new Run(0, "custody-kg 0.1.0\n", ""), normalised(run(command, "--version")));
        }
    }

    @Test
    void theCommandLineAndTheServerSeeTheSameGraphEntailmentsIncluded() throws Exception {
        Run cli = run("sparql", "--format", "csv", JURISDICTIONS);
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            CustodyServer server = CustodyServer.builder(graph).port(0).build().start();
            try {
                HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + server.port() + "/sparql?query="
                                + URLEncoder.encode(JURISDICTIONS, StandardCharsets.UTF_8)))
                        .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
                assertEquals("n\r\n4\r\n", served.body());
                assertEquals(new Run(0, "n\r\n4\r\n", ""), cli);
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void everyFormatNameWritesTheSameBytesOnTheCommandLineAndTheServer() throws Exception {
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            CustodyServer server = CustodyServer.builder(graph).port(0).build().start();
            try {
                HttpClient client = HttpClient.newHttpClient();
                // a table (key-custody) and a graph (describe's question) in every name that fits, aliases included
                String[][] cases = {
                    {"key-custody", "json"}, {"key-custody", "XML"}, {"key-custody", "csv"}, {"key-custody", "tsv"},
                    {"key-custody", "text"}, {"describe", "ttl"}, {"describe", "Turtle"}, {"describe", "nt"},
                    {"describe", "json-ld"}, {"describe", "rdfxml"}, {"describe", "json"},
                };
                for (String[] question : cases) {
                    String parameter = question[0].equals("describe") ? "entity" : "service";
                    Run cli = run("ask", question[0], "--" + parameter, "iCloud", "--format", question[1]);
                    HttpResponse<String> served = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + server.port() + "/ask/" + question[0] + "?" + parameter + "=iCloud&format=" + question[1]))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    String label = question[0] + " as " + question[1];
                    assertEquals(200, served.statusCode(), label + ": " + served.body());
                    assertEquals(new Run(0, served.body(), ""), cli, label);
                }
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void formatNamesAreTheOnesPeopleTypeInAnyCase() {
        String construct = "CONSTRUCT { <urn:custody:a> <urn:custody:b> \"c\" } WHERE {}";
        Run ttl = run("sparql", "--format", "ttl", construct);
        assertEquals(ttl, run("sparql", "--format", "TURTLE", construct));
        Run jsonld = run("sparql", "--format", "jsonld", construct);
        assertEquals(jsonld, run("sparql", "--format", "JSON-LD", construct));
        Run xml = run("sparql", "--format", "xml", "ASK { ?s ?p ?o }");
        assertEquals(0, xml.exit());
        assertEquals(true, xml.out().contains("<boolean>true</boolean>"), xml.out());
        assertEquals(org.custodykg.ExportFormat.TTL, org.custodykg.ExportFormat.parse("Turtle"));
        assertEquals(org.custodykg.ExportFormat.JSONLD, org.custodykg.ExportFormat.parse("json-ld"));
        assertEquals(org.custodykg.ExportFormat.NQ, org.custodykg.ExportFormat.parse("N-Quads"));
        assertEquals(org.custodykg.ExportFormat.RDFXML, org.custodykg.ExportFormat.parse("rdf"));
        assertRun(failed(2, "custody sparql: Invalid value for option '--format': expected one of json, xml, csv, tsv, text (txt), ttl"
                + " (turtle), nt (n-triples, ntriples), jsonld (json-ld), rdf (rdf/xml, rdfxml), but got 'pdf' (see 'custody sparql --help')\n"), run("sparql", "--format", "pdf", "ASK {}"));
    }

    private static Run normalised(Run run) {
        return new Run(run.exit(), run.out().replace(System.lineSeparator(), "\n"), run.err());
    }
}

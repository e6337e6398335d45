package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.process.normalize.CanonicalizeLiteral;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.system.Txn;
import org.custodykg.Answer;
import org.custodykg.CustodyGraph;
import org.custodykg.Endpoint;
import org.custodykg.ExportFormat;
import org.custodykg.ExportPart;
import org.custodykg.Question;
import org.custodykg.ResultTable;
import org.custodykg.Row;
import org.custodykg.present.RouteJson;
import org.custodykg.serve.CustodyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every remote store must give: the embedded graph, published to it with {@code custody publish},
 * answers every named question as the embedded graph does, through the API, the command line and
 * {@code custody serve}; its pages and dumps are the local ones; and only SPARQL 1.1 is sent to it.
 * Each subclass runs one real engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RemoteStoreContract {
    private static final String ICLOUD = "https://w3id.org/custody-kg/id/service/icloud";

    final Queue<String> sent = new ConcurrentLinkedQueue<>();
    CustodyGraph local;
    CustodyGraph remote;

    @TempDir
    Path temp;

    /** Starts the store and publishes the embedded graph to it through the command line. */
    abstract void startAndPublish() throws Exception;

    /** The store's query endpoint, signed in. */
    abstract Endpoint endpoint();

    /** The command-line options that read the store ({@code --endpoint URL}, and how to sign in). */
    abstract List<String> remoteOptions();

    /** Stops the store. */
    abstract void stop() throws Exception;

    /**
     * Whether the store hands literals back as written. Virtuoso writes {@code true} as {@code 1}: over
     * such a store, answers and dumps are compared by value, each literal in its canonical form.
     */
    boolean keepsLexicalForms() {
        return true;
    }

    /** Whether custody-kg sends this engine the access rules whole (see RemoteStore#takesWholeRules). */
    boolean takesWholeRules() {
        return true;
    }

    @BeforeAll
    void openBoth() throws Exception {
        local = CustodyGraph.openDefault();
        local.materialiseInferred();
        startAndPublish();
        remote = CustodyGraph.openRemote(endpoint().withSentQueries(sent::add));
    }

    @AfterAll
    void closeBoth() throws Exception {
        if (remote != null) {
            remote.close();
        }
        local.close();
        stop();
    }

    /** What {@code custody publish} prints: every local named graph and triple, written. */
    String publishedLine(String graphStore) {
        long triples = 0;
        List<Node> graphs = Txn.calculateRead(local.dataset(), () -> Iter.toList(local.dataset().asDatasetGraph().listGraphNodes()));
        for (Node graph : graphs) {
            triples += Txn.calculateRead(local.dataset(), () -> local.dataset().asDatasetGraph().getGraph(graph).size());
        }
        return "Published " + triples + " triples in " + graphs.size() + " graphs to " + graphStore + "\n";
    }

    Stream<Question> questions() {
        return CustodyGraph.openDefault().questions().stream();
    }

    /**
     * The remote answer to each question's example is exactly the local graph's, inferred graph included,
     * as {@code custody serve} answers: on every engine, every named question.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void everyNamedQuestionGivesItsExampleAnswerAsTheEmbeddedGraphDoes(Question question) {
        Answer expected = local.ask(question.name(), question.example());
        Answer actual = remote.ask(question.name(), question.example());
        boolean same = expected.kind() == Answer.Kind.GRAPH
                ? canonical(expected.graph().getGraph()).isIsomorphicWith(canonical(actual.graph().getGraph()))
                : cells(expected.table()).equals(cells(actual.table()));
        if (expected.kind() == Answer.Kind.GRAPH) {
            assertTrue(same, question.name() + ": " + actual.graph().size() + " triples, expected " + expected.graph().size());
        } else {
            if (keepsLexicalForms()) {
                assertEquals(expected.table().toText(), actual.table().toText(), question.name());
            }
            assertEquals(cells(expected.table()), cells(actual.table()), question.name());
        }
    }

    /** The table's cells, row by row, each literal in canonical form. */
    static List<List<Node>> cells(ResultTable table) {
        List<List<Node>> rows = new ArrayList<>();
        for (Row row : table.rows()) {
            rows.add(table.vars().stream().map(v -> row.node(v).map(RemoteStoreContract::canonical).orElse(null)).toList());
        }
        return rows;
    }

    static Node canonical(Node node) {
        return node.isLiteral() ? CanonicalizeLiteral.get().apply(node) : node;
    }

    static Graph canonical(Graph graph) {
        Graph copy = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(t -> copy.add(Triple.create(t.getSubject(), t.getPredicate(), canonical(t.getObject()))));
        return copy;
    }

    @Test
    void everyQuerySentIsStandardSparql11WithItsParametersBoundInThePattern() {
        remote.ask("key-custody", java.util.Map.of("service", "iCloud"));
        List<String> queries = new ArrayList<>(sent);
        for (String query : queries) {
            QueryFactory.create(query, Syntax.syntaxSPARQL_11);
        }
        String keyCustody = queries.stream().filter(q -> q.contains("KeyCustody") && q.contains("<" + ICLOUD + ">"))
                .findFirst().orElseThrow(() -> new AssertionError("no key-custody query with iCloud bound was sent: " + queries));
        assertTrue(keyCustody.contains("FROM NAMED <https://w3id.org/custody-kg/graph/ontology>"), keyCustody);
        assertTrue(!keyCustody.contains("?service "), "the service is bound in the pattern, not left open: " + keyCustody);
    }

    /**
     * A server over the graph with a timeout of a minute: a service's page asks an access question per
     * region of its users, each a few dozen queries to the store, which on this shared machine can take
     * longer than the default ten seconds.
     */
    private static CustodyServer served(CustodyGraph graph) {
        return CustodyServer.builder(graph).port(0).timeout(Duration.ofMinutes(1)).build().start();
    }

    /** The access-path cases of the source document, as (authority, service). */
    static Stream<List<String>> accessCases() {
        return Stream.of(List.of("Hong Kong", "iCloud"), List.of("Chinese government", "iCloud"),
                List.of("Hong Kong law enforcement authorities", "Messages"), List.of("US government", "LinkedIn"),
                List.of("Hong Kong government", "Office 365"));
    }

    /**
     * Access paths over a remote store: the same routes, grades and explanations as the embedded graph
     * (assumed routes included), derived by sending the store one query per rule that reads the data,
     * with the question bound in it, rather than one lookup per triple pattern.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("accessCases")
    void theSourcesAccessCasesGiveTheEmbeddedRoutes(List<String> pair) {
        String expected = RouteJson.of(local.access(pair.get(0), pair.get(1), Optional.empty(), true)).toString();
        sent.clear();
        String actual = RouteJson.of(remote.access(pair.get(0), pair.get(1), Optional.empty(), true)).toString();
        assertEquals(expected, actual, pair.toString());
        List<String> queries = new ArrayList<>(sent);
        for (String query : queries) {
            QueryFactory.create(query, Syntax.syntaxSPARQL_11);
        }
        boolean channelRuleSent = queries.stream().anyMatch(q -> q.contains("ckg:LegalChannel")
                && q.contains("ckg:targetOrganisation") && !q.contains("?authority "));
        // the rules that read the data go whole, the question bound in them (measured on Fuseki: 45 to 130
        // queries a question, against 622 to 2,901 looking each pattern up); a store that cannot take them
        // is asked lookups only
        assertEquals(takesWholeRules(), channelRuleSent, pair + ": the channel rule sent whole with the authority bound");
        if (takesWholeRules()) {
            assertTrue(queries.size() <= 150, pair + ": " + queries.size() + " queries sent");
        }
    }

    @Test
    void theCommandLineAsksTheRemoteStoreAsItAsksTheEmbeddedGraph() {
        List<String> args = new ArrayList<>(List.of("ask", "key-custody", "--service", "iCloud"));
        CliTest.Run embedded = CliTest.run(args.toArray(String[]::new));
        args.addAll(remoteOptions());
        CliTest.assertRun(embedded, CliTest.run(args.toArray(String[]::new)));
    }

    @Test
    void theCommandLineAndTheServerDeriveAccessPathsOverTheStoreAsOverTheEmbeddedGraph() throws Exception {
        List<String> args = new ArrayList<>(List.of("explain", "--authority", "Chinese government", "--service", "iCloud"));
        CliTest.Run embedded = CliTest.run(args.toArray(String[]::new));
        args.addAll(remoteOptions());
        CliTest.assertRun(embedded, CliTest.run(args.toArray(String[]::new)));
        CustodyServer fromLocal = served(local);
        CustodyServer fromRemote = served(remote);
        try {
            String access = "access?authority=US%20government&service=LinkedIn&assumptions=true";
            assertEquals(get(fromLocal.url() + access, "application/json"), get(fromRemote.url() + access, "application/json"));
        } finally {
            fromLocal.stop();
            fromRemote.stop();
        }
    }

    @Test
    void aDumpFromTheRemoteStoreIsTheLocalDump() throws Exception {
        ByteArrayOutputStream fromLocal = new ByteArrayOutputStream();
        local.export(ExportFormat.NQ, ExportPart.ALL, fromLocal);
        Path fromRemote = temp.resolve("remote.nq");
        List<String> args = new ArrayList<>(List.of("export", "--format", "nq", "--out", fromRemote.toString()));
        args.addAll(remoteOptions());
        CliTest.assertRun(new CliTest.Run(0, "", ""), CliTest.run(args.toArray(String[]::new)));
        if (keepsLexicalForms()) {
            assertEquals(fromLocal.toString(StandardCharsets.UTF_8), Files.readString(fromRemote));
        }
        DatasetGraph expected = RDFParser.fromString(fromLocal.toString(StandardCharsets.UTF_8), Lang.NQUADS).toDatasetGraph();
        DatasetGraph actual = RDFParser.source(fromRemote).lang(Lang.NQUADS).toDatasetGraph();
        assertEquals(Iter.toList(expected.listGraphNodes()), Iter.toList(actual.listGraphNodes()));
        expected.listGraphNodes().forEachRemaining(g -> assertTrue(
                canonical(expected.getGraph(g)).isIsomorphicWith(canonical(actual.getGraph(g))), g + " differs"));
    }

    @Test
    void theServerRendersAnEntityPageFromTheRemoteStoreAsFromTheLocalGraph() throws Exception {
        CustodyServer fromLocal = served(local);
        CustodyServer fromRemote = served(remote);
        try {
            for (String type : List.of("text/turtle", "text/html")) {
                String fromLocalPage = get(fromLocal.url() + "id/service/icloud", type);
                String fromRemotePage = get(fromRemote.url() + "id/service/icloud", type);
                assertEquals(fromLocalPage, fromRemotePage, type);
            }
            String csv = "ask/key-custody?service=iCloud&format=csv";
            assertEquals(get(fromLocal.url() + csv, "text/csv"), get(fromRemote.url() + csv, "text/csv"));
        } finally {
            fromLocal.stop();
            fromRemote.stop();
        }
    }

    /** The status line and body of a GET. */
    static String get(String url, String accept) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", accept).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + "\n" + response.body();
    }
}

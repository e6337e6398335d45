package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.custodykg.CustodyGraph;
import org.custodykg.Layout;
import org.custodykg.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code custody} command run in-process, with exact output, messages and exit codes. */
class CliTest {
    private static final String ID = "https://w3id.org/custody-kg/id/";
    private static final String ICLOUD_TABLE = """
            | service        | serviceLabel | dataCategoryLabel  | usersIn         | usersInLabel | encryptionLabel                    | keyHolder          | keyHolderLabel | keysStoredIn        | keysStoredInLabel | fact                              |
            | -------------- | ------------ | ------------------ | --------------- | ------------ | ---------------------------------- | ------------------ | -------------- | ------------------- | ----------------- | --------------------------------- |
            | service:icloud | iCloud       | cloud account data | place:hong-kong | Hong Kong    | encryption with provider-held keys | organisation:apple | Apple          | place:united-states | United States     | fact:key-custody-icloud-hong-kong |
            """;

    @TempDir
    Path temp;

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // as Main.run builds it: with the command named alone, or with all of them
        int exit = Main.commandLine(args).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static void assertRun(Run expected, Run actual) {
        assertEquals(expected, new Run(actual.exit(), actual.out(), actual.err().replace(System.lineSeparator(), "\n")));
    }

    static Run failed(int exit, String err) {
        return new Run(exit, "", err);
    }

    @Test
    void aNamedCommandIsBuiltAloneAndAnythingElseWithEveryCommand() {
        List<String> every = List.of("help", "access", "explain", "ask", "list", "sparql", "describe", "import", "search",
                "validate", "serve", "export", "load", "publish", "generate", "bench");
        assertEquals(List.of("access"), List.copyOf(Main.commandLine("access", "--authority", "x").getSubcommands().keySet()));
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"help", "access"},
                new String[] {"acess"}, new String[] {"--debug", "access"})) {
            assertEquals(every, List.copyOf(Main.commandLine(args).getSubcommands().keySet()), String.join(" ", args));
        }
        // the command's help is the same either way
        StringWriter alone = new StringWriter();
        StringWriter among = new StringWriter();
        assertEquals(0, Main.commandLine("access", "--help").setOut(new PrintWriter(alone)).execute("access", "--help"));
        assertEquals(0, Main.commandLine().setOut(new PrintWriter(among)).execute("access", "--help"));
        assertEquals(among.toString(), alone.toString());
    }

    @Test
    void askKeyCustodyOfICloudPrintsTheTable() {
        assertRun(new Run(0, ICLOUD_TABLE, ""), run("ask", "key-custody", "--service", "iCloud"));
        assertRun(new Run(0, ICLOUD_TABLE, ""), run("ask", "key-custody", "--service=Apple iCloud"));
    }

    @Test
    void listShowsEveryQuestionAndItsParameters() {
        assertRun(new Run(0, """
                blocked-services - Which services, or all services of which firm, are blocked in a region, and which are not?
                    --region ckg:Place  The region, by its name or IRI (optional: all regions when absent)
                conflicts - Where do the sources disagree, and what does each say?
                    --entity rdfs:Resource  An entity the facts mention, by its name or IRI (optional: every disagreement when absent)
                corroboration - How many independent sources support each fact about an entity, and do they disagree on any of its values?
                    --entity rdfs:Resource  An entity the facts mention, by its name or IRI (optional: every fact when absent)
                describe - What is known about an entity?
                    --entity rdfs:Resource  The entity of any kind (organisation, service, place, law, person...), by its name or IRI (optional: the whole graph when absent)
                holdings - What does a company own, and where is it based?
                    --company ckg:Company  The company, by its name or IRI (optional: all companies when absent)
                key-custody - Who holds the keys to a service's data, and where are the keys stored?
                    --service ckg:Service  The service, by its name or IRI (optional: all services when absent)
                legal-channel - Through which legal channel must an authority request a company's data?
                    --authority ckg:GovernmentBody  The requesting authority, by its name or IRI, or a jurisdiction for all its authorities ("Hong Kong") (optional: all authorities when absent)
                    --company ckg:Organisation  The organisation that receives the request, by its name or IRI (optional: all organisations when absent)
                market-exits - Which firms left, or plan to leave, which market, and when?
                    --region ckg:Place  The region the firm leaves, by its name or IRI (optional: all regions when absent)
                operators - Who operates a service in a region, directly or through a local firm?
                    --service ckg:Service  The service, by its name or IRI (optional: all services when absent)
                    --region ckg:Place  The region where the service is operated, by its name or IRI (optional: all regions when absent)
                requests-over-time - How many data requests did a firm report from an authority, period by period, and how many independent sources give each figure?
                    --company ckg:Organisation  The firm that received the requests, by its name or IRI (optional: all firms when absent)
                    --authority ckg:GovernmentBody  The requesting authority, by its name or IRI, or a jurisdiction for all its authorities ("Hong Kong") (optional: all authorities when absent)
                requests-received - How many data requests does a firm say it received from an authority, and over which period?
                    --company ckg:Organisation  The firm that received the requests, by its name or IRI (optional: all firms when absent)
                    --authority ckg:GovernmentBody  The requesting authority, by its name or IRI, or a jurisdiction for all its authorities ("Hong Kong") (optional: all authorities when absent)
                sources - Which sources and quotations stand behind the facts about an entity?
                    --entity rdfs:Resource  The entity of any kind (organisation, service, place, law, person...), by its name or IRI (optional: all entities when absent)
                stances - Which firms took which stance, toward which authority's data requests or which market, and when?
                    --firm ckg:Organisation  The firm that takes the stance, by its name or IRI (optional: all firms when absent)
                    --authority ckg:GovernmentBody  The authority whose data requests the stance is about, by its name or IRI, or a jurisdiction for all its authorities ("Hong Kong") (optional: every stance, toward an authority or not, when absent)
                storage - Where does a service store which data, for users in which region, and who controls that place?
                    --service ckg:Service  The service, by its name or IRI (optional: all services when absent)
                transparency - What do a company's transparency statistics say about an authority's data requests, and for which period?
                    --company ckg:Organisation  The company whose transparency report gives the figure, by its name or IRI (optional: all companies when absent)
                    --authority ckg:GovernmentBody  The requesting authority, by its name or IRI, or a jurisdiction for all its authorities ("Hong Kong") (optional: all authorities when absent)
                """.replace("\n", System.lineSeparator()), ""), run("list"));
    }

    @Test
    void csvTsvAndJsonFormats() {
        String query = "SELECT ?fact ?where WHERE { ?fact a <https://w3id.org/custody-kg/ontology#KeyCustody> "
                + "OPTIONAL { ?fact <https://w3id.org/custody-kg/ontology#keysStoredIn> ?where } } ORDER BY ?fact";
        assertRun(new Run(0, "fact,where\r\n" + ID + "fact/key-custody-facetime-hong-kong,\r\n"
                + ID + "fact/key-custody-icloud-hong-kong," + ID + "place/united-states\r\n"
                + ID + "fact/key-custody-messages-hong-kong,\r\n", ""), run("sparql", query, "--format", "csv"));
        assertRun(new Run(0, "?fact\t?where\n<" + ID + "fact/key-custody-facetime-hong-kong>\t\n"
                + "<" + ID + "fact/key-custody-icloud-hong-kong>\t<" + ID + "place/united-states>\n"
                + "<" + ID + "fact/key-custody-messages-hong-kong>\t\n", ""), run("sparql", query, "--format", "tsv"));
        assertRun(new Run(0, """
                { "head": {
                    "vars": [ "fact" , "where" ]
                  } ,
                  "results": {
                    "bindings": [
                      {\s
                        "fact": { "type": "uri" , "value": "https://w3id.org/custody-kg/id/fact/key-custody-facetime-hong-kong" }
                      } ,
                      {\s
                        "fact": { "type": "uri" , "value": "https://w3id.org/custody-kg/id/fact/key-custody-icloud-hong-kong" } ,
                        "where": { "type": "uri" , "value": "https://w3id.org/custody-kg/id/place/united-states" }
                      } ,
                      {\s
                        "fact": { "type": "uri" , "value": "https://w3id.org/custody-kg/id/fact/key-custody-messages-hong-kong" }
                      }
                    ]
                  }
                }
                """, ""), run("sparql", query, "--format", "json"));
    }

    @Test
    void askQueriesPrintYesOrNo() {
        assertRun(new Run(0, "yes\n".replace("\n", System.lineSeparator()), ""),
                run("sparql", "ASK { <" + ID + "service/icloud> ?p ?o }"));
        assertRun(new Run(0, "no\n".replace("\n", System.lineSeparator()), ""),
                run("sparql", "ASK { <" + ID + "service/nothing> ?p ?o }"));
    }

    @Test
    void sparqlFromAFile() throws Exception {
        Path file = temp.resolve("keys.rq");
        Files.writeString(file, "PREFIX ckg: <https://w3id.org/custody-kg/ontology#>\n"
                + "SELECT ?fact WHERE { ?fact a ckg:KeyCustody ; ckg:keysStoredIn ?where }\n");
        assertRun(new Run(0, "| fact                              |\n| --------------------------------- |\n"
                + "| fact:key-custody-icloud-hong-kong |\n", ""), run("sparql", "-f", file.toString()));
    }

    @Test
    void graphsPrintAsTurtleOrJsonLd() {
        Run turtle = run("describe", "iCloud");
        assertEquals(0, turtle.exit());
        assertEquals(68, parse(turtle.out(), Lang.TURTLE).size());
        Run jsonld = run("describe", "service:icloud", "--format", "jsonld");
        assertEquals(0, jsonld.exit());
        assertEquals(68, parse(jsonld.out(), Lang.JSONLD).size());
        Run construct = run("ask", "describe", "--entity", "iCloud", "--format", "ttl");
        assertEquals(parse(turtle.out(), Lang.TURTLE).size(), parse(construct.out(), Lang.TURTLE).size());
    }

    @Test
    void validateTheEmbeddedGraph() {
        long triples;
        // validation reads the data as loaded, not the inferred graph
        try (CustodyGraph graph = CustodyGraph.open(Layout.embedded(), CustodyGraph.Options.trusted().withoutInferred())) {
            triples = graph.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").table().rows().get(0).integer("n");
        }
        assertRun(new Run(0, "OK: " + triples + " triples conform to the shapes" + System.lineSeparator(), ""), run("validate"));
    }

    @Test
    void validateListsEveryViolation() throws Exception {
        Path repo = TestData.repositoryWithShapes(temp);
        String expected = """
                custody validate: The data does not conform to the shapes (2 violations):
                fact:key-custody-facetime-hong-kong ckg:keysStoredIn: a key-custody fact must say where the keys are
                fact:key-custody-messages-hong-kong ckg:keysStoredIn: a key-custody fact must say where the keys are
                """;
        assertRun(failed(3, expected), run("validate", repo.toString()));
        assertRun(failed(3, expected.replace("custody validate:", "custody ask:")),
                run("ask", "key-custody", "--data", repo.toString()));
    }

    @Test
    void unknownQuestion() {
        assertRun(failed(2, "custody ask: Unknown question 'who-knows'. Known questions: blocked-services, conflicts, corroboration, describe, "
                + "holdings, key-custody, legal-channel, market-exits, operators, requests-over-time, requests-received, sources, stances, storage, transparency\n"),
                run("ask", "who-knows"));
    }

    @Test
    void unknownParameterListsTheValidOnes() {
        assertRun(failed(2, "custody ask: Unknown parameter 'region' for question 'key-custody'. Its parameters: service\n"),
                run("ask", "key-custody", "--region", "Hong Kong"));
        assertRun(failed(2, "custody ask: Unknown parameter 'firm' for question 'operators'. Its parameters: service, region\n"),
                run("ask", "operators", "--firm=Apple"));
        assertRun(failed(2, "custody ask: Unexpected argument 'iCloud': give the question's parameters as --NAME VALUE\n"),
                run("ask", "key-custody", "iCloud"));
        assertRun(failed(2, "custody ask: --service: expected a value after it\n"), run("ask", "key-custody", "--service"));
    }

    @Test
    void unknownEntity() {
        assertRun(failed(2, "custody ask: --service: no ckg:Service is called 'Nokia' (expected a name, an alternative "
                + "name or an IRI of an entity of class ckg:Service)\n"), run("ask", "key-custody", "--service", "Nokia"));
        assertRun(failed(2, "custody describe: entity: no rdfs:Resource is called 'Nokia' (expected a name, an "
                + "alternative name or an IRI of an entity of class rdfs:Resource)\n"), run("describe", "Nokia"));
    }

    @Test
    void ambiguousNamesListTheCandidates() {
        assertRun(failed(2, "custody describe: entity: the name 'Zoom' is ambiguous; it could mean: organisation:zoom (Zoom), "
                + "service:zoom (Zoom)\n"), run("describe", "Zoom"));
        assertRun(failed(2, "custody describe: entity: the name 'LinkedIn' is ambiguous; it could mean: "
                + "organisation:linkedin (LinkedIn), service:linkedin (LinkedIn)\n"), run("describe", "LinkedIn"));
    }

    @Test
    void hostileValueIsAPlainName() {
        assertRun(failed(2, "custody ask: --service: no ckg:Service is called '\") . } SELECT * WHERE { ?s ?p ?o } #' "
                + "(expected a name, an alternative name or an IRI of an entity of class ckg:Service)\n"),
                run("ask", "key-custody", "--service", "\") . } SELECT * WHERE { ?s ?p ?o } #"));
    }

    @Test
    void malformedQueryGivesLineAndColumn() throws Exception {
        assertRun(failed(3, "custody sparql: query:2:15: Encountered \" \"}\" \"} \"\" at line 2, column 15.\n"),
                run("sparql", "SELECT ?s\nWHERE { ?s ?p }"));
        Path file = temp.resolve("bad.rq");
        Files.writeString(file, "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o = )\n}\n");
        assertRun(failed(3, "custody sparql: " + file + ":3:15: Encountered \" \")\" \") \"\" at line 3, column 15.\n"),
                run("sparql", "-f", file.toString()));
    }

    @Test
    void missingFiles() {
        Path missing = temp.resolve("missing.rq");
        assertRun(failed(2, "custody sparql: -f: " + missing + ": no such file\n"), run("sparql", "-f", missing.toString()));
        assertRun(failed(2, "custody ask: --data: expected a readable folder of Turtle files, but " + temp.resolve("nowhere")
                + " is not a folder\n"), run("ask", "key-custody", "--data", temp.resolve("nowhere").toString()));
        assertRun(failed(2, "custody validate: DIR: expected a folder of Turtle files, but " + temp.resolve("nowhere")
                + " is not a folder\n"), run("validate", temp.resolve("nowhere").toString()));
    }

    @Test
    void queryFileThatCannotBeRead() throws Exception {
        // A folder is unreadable as a file for every user, root included (file permissions do not stop root).
        Path folder = Files.createDirectory(temp.resolve("queries.rq"));
        Run run = run("sparql", "-f", folder.toString());
        assertRun(failed(2, "custody sparql: -f: " + folder + ": cannot read the file (Is a directory)\n"), run);
    }

    @Test
    void syntaxErrorInADataFolder() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("data"));
        Files.writeString(dir.resolve("a-good.ttl"), TestData.GOOD);
        Files.writeString(dir.resolve("b-broken.ttl"), TestData.BROKEN);
        assertRun(failed(3, "custody ask: " + dir.resolve("b-broken.ttl")
                + ":5:1: Broken IRI (newline): https://w3id.org/custody-kg/id/organisation/x\n"),
                run("ask", "key-custody", "--data", dir.toString()));
    }

    @Test
    void storeOption() {
        Path store = temp.resolve("store");
        try (CustodyGraph graph = CustodyGraph.openDefault()) {
            TestData.copyNamedGraphs(graph.dataset(), store);
        }
        assertRun(new Run(0, ICLOUD_TABLE, ""), run("ask", "key-custody", "--service", "iCloud", "--store", store.toString()));
        Run both = run("ask", "key-custody", "--store", store.toString(), "--data", "data");
        assertEquals(2, both.exit());
        assertTrue(both.err().startsWith("custody ask: Error: --data=DIR, --store=DIR are mutually exclusive (specify only one)"), both.err());
    }

    @Test
    void formatMustFitTheAnswer() {
        assertRun(failed(2, "custody ask: --format: ttl does not fit a table (SELECT); expected json, xml, csv, tsv or text\n"),
                run("ask", "key-custody", "--service", "iCloud", "--format", "ttl"));
        assertRun(failed(2, "custody describe: --format: csv does not fit a graph (CONSTRUCT or DESCRIBE); expected ttl, nt, jsonld or rdf\n"),
                run("describe", "iCloud", "--format", "csv"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ask", "list", "sparql", "describe", "validate"})
    void everyCommandHasHelp(String command) {
        Run help = run(command, "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().startsWith("Usage: custody " + command + " "), help.out());
        assertEquals("", help.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("nonsense"), List.of("ask"), List.of("sparql"),
                List.of("list", "--bogus"), List.of("ask", "key-custody", "--format", "xlsx"))) {
            Run run = run(args.toArray(String[]::new));
            assertEquals(2, run.exit(), args.toString());
            assertEquals("", run.out(), args.toString());
        }
    }

    private static Model parse(String text, Lang lang) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(text, lang).parse(model);
        return model;
    }
}

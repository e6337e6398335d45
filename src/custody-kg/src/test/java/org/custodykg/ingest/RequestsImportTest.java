package org.custodykg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyException;
import org.custodykg.CustodyGraph;
import org.custodykg.DataException;
import org.custodykg.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Transparency tables written by the tests themselves, imported into a temporary data folder. */
class RequestsImportTest {
    private static final String SOURCE = "scmp-2020-07-07-microsoft-zoom-pause";
    private static final String HEADER = "Country,Period start,Period end,Counted,Count,Percent data provided\n";
    private static CustodyGraph graph;

    @TempDir
    Path temp;

    @BeforeAll
    static void open() {
        graph = CustodyGraph.openDefault();
    }

    @AfterAll
    static void close() {
        graph.close();
    }

    private Path table(String text) throws IOException {
        Path csv = temp.resolve("requests.csv");
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        return csv;
    }

    private Path data() {
        return temp.resolve("data");
    }

    private RequestsImport.Result importTable(Path csv, Optional<Path> mapping) {
        return RequestsImport.run(graph, csv, mapping, SOURCE, "Microsoft", data());
    }

    @Test
    void aNewFigureBecomesAFactAndAKnownOneAnAttestation() throws IOException {
        Path csv = table(HEADER
                + "Hong Kong,2019-07,2019-12,accounts,81,\n"
                + "\"United States\",2020-01,2020-06,requests,12,50\n");
        RequestsImport.Result result = importTable(csv, Optional.empty());
        Path file = data().resolve(SOURCE).resolve("requests-microsoft.ttl");
        assertEquals(new RequestsImport.Result(file, 1, 1), result);
        Model written = RDFDataMgr.loadModel(file.toString());
        assertEquals(List.of(
                "attestation/scmp-2020-07-07-microsoft-zoom-pause-hong-kong-microsoft-2019-07-2019-12 attests fact/requests-hong-kong-microsoft-2019-07-2019-12",
                "attestation/scmp-2020-07-07-microsoft-zoom-pause-hong-kong-microsoft-2019-07-2019-12 claimedValue 81",
                "attestation/scmp-2020-07-07-microsoft-zoom-pause-hong-kong-microsoft-2019-07-2019-12 evidence Hong Kong | 2019-07 | 2019-12 | accounts | 81 | ",
                "attestation/scmp-2020-07-07-microsoft-zoom-pause-hong-kong-microsoft-2019-07-2019-12 label Row 2 of the table: 81 for requests-hong-kong-microsoft-2019-07-2019-12",
                "fact/requests-us-microsoft-2020-01-2020-06 count 12",
                "fact/requests-us-microsoft-2020-01-2020-06 evidence United States | 2020-01 | 2020-06 | requests | 12 | 50",
                "fact/requests-us-microsoft-2020-01-2020-06 label US government requests to Microsoft, 2020-01 to 2020-06: 12 requests",
                "fact/requests-us-microsoft-2020-01-2020-06 percentDataProvided 50.0",
                "fact/requests-us-microsoft-2020-01-2020-06 requestingAuthority organisation/us-government"),
                written.listStatements().toList().stream()
                        .filter(s -> List.of("attests", "claimedValue", "evidence", "count", "label", "percentDataProvided",
                                "requestingAuthority").contains(s.getPredicate().getLocalName()))
                        .map(s -> s.getSubject().getURI().replace("https://w3id.org/custody-kg/id/", "") + " "
                                + s.getPredicate().getLocalName() + " " + (s.getObject().isLiteral()
                                ? s.getLiteral().getLexicalForm()
                                : s.getResource().getURI().replace("https://w3id.org/custody-kg/id/", "")))
                        .sorted().toList());
        assertEquals(7 + 11, written.size(), "the attestation's 7 triples and the new fact's 11");
    }

    @Test
    void aMappingNamesOtherHeaders() throws IOException {
        Path mapping = temp.resolve("mapping.json");
        Files.writeString(mapping, """
                {"@context": "http://www.w3.org/ns/csvw", "tableSchema": {"columns": [
                  {"titles": "Land", "propertyUrl": "ckg:requestingAuthority"},
                  {"titles": ["Von"], "propertyUrl": "ckg:periodStart", "datatype": "gYearMonth"},
                  {"titles": "Bis", "propertyUrl": "ckg:periodEnd", "datatype": "gYearMonth"},
                  {"titles": "Was", "propertyUrl": "ckg:countedThing"},
                  {"titles": "Anzahl", "propertyUrl": "ckg:count", "datatype": {"base": "integer", "minimum": 0}}]}}
                """);
        Path csv = table("Anzahl;Land;Von;Bis;Was\n".replace(';', ',') + "7,Hong Kong,2020-01,2020-06,devices\n");
        assertEquals(new RequestsImport.Result(data().resolve(SOURCE).resolve("requests-microsoft.ttl"), 1, 0),
                importTable(csv, Optional.of(mapping)));
    }

    static Stream<Arguments> wrongTables() {
        return Stream.of(
                Arguments.of("a missing column", "Country,Period start,Period end,Counted\nHong Kong,2020-01,2020-06,requests\n",
                        ":1: no column \"Count\" (mapped to ckg:count); the header has Country, Period start, Period end, Counted"),
                Arguments.of("a count that is not a number", HEADER + "Hong Kong,2020-01,2020-06,requests,ten,\n",
                        ":2:5: column \"Count\": \"ten\" is not a whole number"),
                Arguments.of("a count with a fraction", HEADER + "Hong Kong,2020-01,2020-06,requests,1.5,\n",
                        ":2:5: column \"Count\": \"1.5\" is not a whole number"),
                Arguments.of("a negative count", HEADER + "Hong Kong,2020-01,2020-06,requests,-3,\n",
                        ":2:5: column \"Count\": -3 is below 0"),
                Arguments.of("a percent over 100", HEADER + "Hong Kong,2020-01,2020-06,requests,4,120\n",
                        ":2:6: column \"Percent data provided\": 120 is over 100"),
                Arguments.of("an unknown country", HEADER + "Hong Kong,2020-01,2020-06,requests,4,\nAtlantis,2020-01,2020-06,requests,4,\n",
                        ":3:1: column \"Country\": unknown country \"Atlantis\""),
                Arguments.of("a place without a government", HEADER + "Silicon Valley,2020-01,2020-06,requests,4,\n",
                        ":2:1: column \"Country\": the graph knows no government of \"Silicon Valley\""),
                Arguments.of("an unknown counted thing", HEADER + "Hong Kong,2020-01,2020-06,emails,4,\n",
                        ":2:4: column \"Counted\": unknown counted thing \"emails\" (requests, accounts or devices)"),
                Arguments.of("a month that is not a month", HEADER + "Hong Kong,2020-13,2020-12,requests,4,\n",
                        ":2:2: column \"Period start\": \"2020-13\" is not a year and month (YYYY-MM)"),
                Arguments.of("a period that ends before it starts", HEADER + "Hong Kong,2020-07,2020-06,requests,4,\n",
                        ":2:3: column \"Period end\": the period ends (2020-06) before it starts (2020-07)"),
                Arguments.of("an empty required cell", HEADER + "Hong Kong,2020-01,2020-06,requests,,\n",
                        ":2:5: column \"Count\": empty, but the column is required"),
                Arguments.of("a row given twice", HEADER + "Hong Kong,2020-01,2020-06,requests,4,\nHong Kong,2020-01,2020-06,requests,5,\n",
                        ":3: the same country, period and counted thing as row 2"),
                Arguments.of("no rows", HEADER, ":2: the table has no rows"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTables")
    void aWrongRowIsOneLineNamingFileRowAndColumnAndNothingIsWritten(String what, String text, String message) throws IOException {
        Path csv = table(text);
        DataException e = assertThrows(DataException.class, () -> importTable(csv, Optional.empty()));
        assertEquals(csv + message, e.getMessage());
        assertEquals(ErrorCode.BAD_DATA, e.code());
        assertEquals(false, Files.exists(data()), "nothing is written");
    }

    @Test
    void anUnknownSourceOrCompanyOrAnExistingFileIsAnArgumentError() throws IOException {
        Path csv = table(HEADER + "Hong Kong,2020-01,2020-06,requests,4,\n");
        ArgumentException source = assertThrows(ArgumentException.class,
                () -> RequestsImport.run(graph, csv, Optional.empty(), "nowhere-2020", "Microsoft", data()));
        assertEquals(Optional.of("--source"), source.parameter());
        assertEquals("--source: no source document nowhere-2020 in the graph: describe it in data/sources.ttl first", source.getMessage());
        ArgumentException company = assertThrows(ArgumentException.class,
                () -> RequestsImport.run(graph, csv, Optional.empty(), SOURCE, "Nokia", data()));
        assertEquals(Optional.of("--company"), company.parameter());
        importTable(csv, Optional.empty());
        ArgumentException again = assertThrows(ArgumentException.class, () -> importTable(csv, Optional.empty()));
        assertEquals(Optional.of("--into"), again.parameter());
        assertEquals("--into: " + data().resolve(SOURCE).resolve("requests-microsoft.ttl") + " exists already: an import never overwrites a file",
                again.getMessage());
    }

    @Test
    void aBrokenMappingIsBadData() throws IOException {
        Path csv = table(HEADER + "Hong Kong,2020-01,2020-06,requests,4,\n");
        Path mapping = temp.resolve("mapping.json");
        Files.writeString(mapping, """
                {"tableSchema": {"columns": [{"titles": "Country", "propertyUrl": "ckg:region"}]}}
                """);
        CustodyException e = assertThrows(DataException.class, () -> importTable(csv, Optional.of(mapping)));
        assertEquals(mapping + ": column 1: propertyUrl ckg:region is none of ckg:requestingAuthority, ckg:periodStart,"
                + " ckg:periodEnd, ckg:countedThing, ckg:count, ckg:percentDataProvided", e.getMessage());
    }
}

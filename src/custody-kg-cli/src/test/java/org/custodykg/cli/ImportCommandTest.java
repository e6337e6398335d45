package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custody import requests}: the exit code and the one line each way a table can fail. */
class ImportCommandTest {
    private static final String SOURCE = "scmp-2020-07-07-microsoft-zoom-pause";

    @TempDir
    Path temp;

    private Path table(String rows) throws IOException {
        Path csv = temp.resolve("requests.csv");
        Files.writeString(csv, "Country,Period start,Period end,Counted,Count,Percent data provided\n" + rows);
        return csv;
    }

    @Test
    void aGoodTableIsWrittenAndSaysWhat() throws IOException {
        Path csv = table("Hong Kong,2020-01,2020-06,requests,4,25\n");
        Path into = temp.resolve("data");
        CliTest.assertRun(new CliTest.Run(0, "wrote " + into.resolve(SOURCE).resolve("requests-microsoft.ttl")
                        + ": 1 facts, 0 attestations of figures the graph holds\n", ""),
                CliTest.run("import", "requests", csv.toString(), "--source", SOURCE, "--company", "Microsoft", "--into", into.toString()));
    }

    @Test
    void aWrongRowExitsWith3NamingFileRowAndColumnAndWritesNothing() throws IOException {
        Path csv = table("Hong Kong,2020-01,2020-06,requests,4,101\n");
        Path into = temp.resolve("data");
        CliTest.assertRun(CliTest.failed(3, "custody import requests: " + csv + ":2:6: column \"Percent data provided\": 101 is over 100\n"),
                CliTest.run("import", "requests", csv.toString(), "--source", SOURCE, "--company", "Microsoft", "--into", into.toString()));
        assertEquals(false, Files.exists(into));
    }

    @Test
    void anUnknownSourceExitsWith2() throws IOException {
        Path csv = table("Hong Kong,2020-01,2020-06,requests,4,\n");
        CliTest.assertRun(CliTest.failed(2, "custody import requests: --source: no source document nowhere in the graph:"
                        + " describe it in data/sources.ttl first\n"),
                CliTest.run("import", "requests", csv.toString(), "--source", "nowhere", "--company", "Microsoft",
                        "--into", temp.resolve("data").toString()));
    }
}

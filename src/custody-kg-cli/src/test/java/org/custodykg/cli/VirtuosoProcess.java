package org.custodykg.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodykg.Endpoint;

/**
 * Virtuoso Open Source 7.2 from Debian ({@code apt-get install virtuoso-opensource}) as a private
 * loopback instance: Debian's virtuoso.ini copied into a fresh folder with every file and port its own,
 * and the anonymous SPARQL user allowed to write (through {@code isql-vt}) so that {@code custody publish}
 * can use the Graph Store Protocol at {@code /sparql-graph-crud}.
 */
final class VirtuosoProcess extends StoreProcess {
    private static final Path DEBIAN_INI = Path.of("/etc/virtuoso-opensource-7/virtuoso.ini");
    private static final Pattern SECTION = Pattern.compile("\\[(\\w+)]");
    private static final Pattern SETTING = Pattern.compile("(\\w+)\\s*=.*");

    private int sqlPort;
    private int httpPort;

    static VirtuosoProcess start() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/virtuoso-t"))) {
            throw new IllegalStateException("Virtuoso is not installed: apt-get install virtuoso-opensource (.ci/run does)");
        }
        VirtuosoProcess virtuoso = new VirtuosoProcess();
        Path folder = virtuoso.newFolder("virtuoso").toAbsolutePath();
        virtuoso.sqlPort = freePort();
        virtuoso.httpPort = freePort();
        Path ini = Files.write(folder.resolve("virtuoso.ini"), virtuoso.ini(folder));
        virtuoso.start("virtuoso", new ProcessBuilder("virtuoso-t", "-f", "-c", ini.toString()),
                URI.create(virtuoso.queryUrl() + "?query=ASK%7B%7D"), null);
        virtuoso.allowAnonymousWrites();
        return virtuoso;
    }

    /** Debian's settings, with this instance's files, loopback ports and no row cap below a dump's size. */
    private List<String> ini(Path folder) throws IOException {
        Map<String, String> own = Map.ofEntries(
                Map.entry("Database.DatabaseFile", folder.resolve("virtuoso.db").toString()),
                Map.entry("Database.ErrorLogFile", folder.resolve("virtuoso.log").toString()),
                Map.entry("Database.LockFile", folder.resolve("virtuoso.lck").toString()),
                Map.entry("Database.TransactionFile", folder.resolve("virtuoso.trx").toString()),
                Map.entry("Database.xa_persistent_file", folder.resolve("virtuoso.pxa").toString()),
                Map.entry("TempDatabase.DatabaseFile", folder.resolve("virtuoso-temp.db").toString()),
                Map.entry("TempDatabase.TransactionFile", folder.resolve("virtuoso-temp.trx").toString()),
                Map.entry("Parameters.ServerPort", "127.0.0.1:" + sqlPort),
                Map.entry("HTTPServer.ServerPort", "127.0.0.1:" + httpPort),
                Map.entry("SPARQL.ResultSetMaxRows", "100000000"));
        List<String> lines = new ArrayList<>();
        String section = "";
        for (String line : Files.readAllLines(DEBIAN_INI)) {
            Matcher header = SECTION.matcher(line);
            if (header.matches()) {
                section = header.group(1);
            }
            Matcher setting = SETTING.matcher(line);
            String key = setting.matches() ? section + "." + setting.group(1) : null;
            lines.add(key != null && own.containsKey(key) ? setting.group(1) + " = " + own.get(key) : line);
        }
        return lines;
    }

    /** Lets the anonymous SPARQL user update and use the Graph Store Protocol. */
    private void allowAnonymousWrites() throws Exception {
        Process isql = new ProcessBuilder("isql-vt", "127.0.0.1:" + sqlPort, "dba", "dba",
                "exec=grant SPARQL_UPDATE to \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);")
                .redirectErrorStream(true).redirectOutput(folder().resolve("isql.log").toFile()).start();
        if (!isql.waitFor(60, TimeUnit.SECONDS) || isql.exitValue() != 0) {
            throw new IllegalStateException("isql-vt could not grant write access: " + Files.readString(folder().resolve("isql.log")));
        }
    }

    String queryUrl() {
        return "http://127.0.0.1:" + httpPort + "/sparql";
    }

    String graphStoreUrl() {
        return "http://127.0.0.1:" + httpPort + "/sparql-graph-crud";
    }

    Endpoint endpoint() {
        return Endpoint.of(URI.create(queryUrl()));
    }
}

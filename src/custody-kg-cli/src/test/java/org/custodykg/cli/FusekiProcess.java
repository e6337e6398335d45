package org.custodykg.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custodykg.Credentials;
import org.custodykg.Endpoint;

/**
 * Apache Jena Fuseki 5.6 (the standalone {@code jena-fuseki-server} jar the build copies into target/) as a
 * separate process: a TDB2 store on disk, updates allowed, HTTP Basic authentication, strict SPARQL
 * (no ARQ extensions accepted) and a query timeout of its own.
 */
final class FusekiProcess extends StoreProcess {
    static final String USER = "custody";
    static final String PASSWORD = "remote-test-secret";
    /** Fuseki's own query timeout: it answers 503 "Query timed out" after this. */
    static final int SERVER_TIMEOUT_MS = 3000;

    private int port;
    private Path credentials;

    static FusekiProcess start() throws Exception {
        FusekiProcess fuseki = new FusekiProcess();
        Path folder = fuseki.newFolder("fuseki");
        Path store = Files.createDirectories(folder.resolve("tdb2"));
        Path passwords = Files.writeString(folder.resolve("passwd"), USER + ": " + PASSWORD + "\n");
        fuseki.credentials = Files.writeString(folder.resolve("credentials.properties"),
                "user=" + USER + "\npassword=" + PASSWORD + "\n");
        fuseki.port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder command = new ProcessBuilder(java, "-Xmx512m", "-jar", System.getProperty("custody.fuseki.jar"),
                "--loc=" + store, "--tdb2", "--update", "--localhost", "--port=" + fuseki.port, "--passwd=" + passwords,
                "--auth=basic", "--strict", "--timeout=" + SERVER_TIMEOUT_MS, "--ping", "/custody");
        fuseki.start("fuseki", command, URI.create("http://127.0.0.1:" + fuseki.port + "/$/ping"),
                Credentials.basic(USER, PASSWORD).authorization().orElseThrow());
        return fuseki;
    }

    /** The dataset's query endpoint. */
    String queryUrl() {
        return "http://127.0.0.1:" + port + "/custody/sparql";
    }

    /** The properties file holding the right user and password. */
    Path credentialsFile() {
        return credentials;
    }

    /** The query endpoint, signed in. */
    Endpoint endpoint() {
        return Endpoint.of(URI.create(queryUrl())).withCredentials(Credentials.basic(USER, PASSWORD));
    }
}

package org.custodykg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.custodykg.ArgumentException;
import org.custodykg.Credentials;
import org.custodykg.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an embedder describes a remote store: credentials from the environment or a file, and the endpoint's limits. */
class RemoteOptionsTest {
    @TempDir
    Path temp;

    @Test
    void basicAndBearerCredentialsBecomeTheirAuthorizationHeaders() {
        assertEquals(Optional.of("Basic Y3VzdG9keTpzZWNyZXQ="), Credentials.basic("custody", "secret").authorization());
        assertEquals(Optional.of("Bearer abc.def"), Credentials.bearer("abc.def").authorization());
        assertEquals(Optional.empty(), Credentials.none().authorization());
        assertEquals("Basic credentials", Credentials.basic("custody", "secret").toString());
    }

    @Test
    void theEnvironmentGivesATokenBeforeAUserAndPassword() {
        assertEquals(Optional.of("Bearer t0ken"), Credentials.fromEnvironment(Map.of(Credentials.TOKEN, "t0ken",
                Credentials.USER, "custody", Credentials.PASSWORD, "secret")).authorization());
        assertEquals(Optional.of("Basic Y3VzdG9keTpzZWNyZXQ="), Credentials.fromEnvironment(Map.of(Credentials.USER, "custody",
                Credentials.PASSWORD, "secret")).authorization());
        assertEquals(Optional.empty(), Credentials.fromEnvironment(Map.of()).authorization());
        ArgumentException half = assertThrows(ArgumentException.class,
                () -> Credentials.fromEnvironment(Map.of(Credentials.USER, "custody")));
        assertEquals("credentials: the environment gives a user but no password", half.getMessage());
    }

    @Test
    void aFileGivesATokenOrAUserAndPassword() throws Exception {
        Path token = Files.writeString(temp.resolve("token.properties"), "token=t0ken\n");
        assertEquals(Optional.of("Bearer t0ken"), Credentials.fromFile(token).authorization());
        Path pair = Files.writeString(temp.resolve("pair.properties"), "user=custody\npassword=secret\n");
        assertEquals(Optional.of("Basic Y3VzdG9keTpzZWNyZXQ="), Credentials.fromFile(pair).authorization());
        Path empty = Files.writeString(temp.resolve("empty.properties"), "# nothing\n");
        assertEquals("credentials: expected token=… or user=… and password=… in the file " + empty,
                assertThrows(ArgumentException.class, () -> Credentials.fromFile(empty)).getMessage());
        Path missing = temp.resolve("missing.properties");
        assertEquals("credentials: cannot read the file " + missing + " (" + missing + ")",
                assertThrows(ArgumentException.class, () -> Credentials.fromFile(missing)).getMessage());
    }

    @Test
    void anEndpointHasDefaultsAndRefusesWhatCannotWork() {
        Endpoint fuseki = Endpoint.of(URI.create("http://127.0.0.1:3030/custody/sparql"));
        assertEquals(URI.create("http://127.0.0.1:3030/custody/data"), fuseki.graphStoreOrDefault());
        assertEquals(URI.create("http://h/crud"), fuseki.withGraphStore(URI.create("http://h/crud")).graphStoreOrDefault());
        assertEquals(Duration.ofSeconds(30), fuseki.requestTimeout());
        assertEquals(8, fuseki.maxConnections());
        assertEquals("endpoint: expected an http or https URL, got 'ftp://h/sparql'",
                assertThrows(ArgumentException.class, () -> Endpoint.of(URI.create("ftp://h/sparql"))).getMessage());
        assertEquals("maxConnections: expected at least 1, got 0",
                assertThrows(ArgumentException.class, () -> fuseki.withMaxConnections(0)).getMessage());
        assertEquals("timeout: expected a positive duration, got PT0S",
                assertThrows(ArgumentException.class, () -> fuseki.withRequestTimeout(Duration.ZERO)).getMessage());
        assertEquals("--endpoint: expected an http or https URL, got 'not a url'",
                assertThrows(ArgumentException.class, () -> Endpoint.url("--endpoint", "not a url")).getMessage());
    }
}

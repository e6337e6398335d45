package org.custodykg.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.custodykg.Credentials;
import org.custodykg.Endpoint;
import picocli.CommandLine.Option;

/**
 * The options that name a remote SPARQL store. Credentials come from {@code --credentials FILE} or the
 * environment ({@value Credentials#USER} and {@value Credentials#PASSWORD}, or {@value Credentials#TOKEN}),
 * never from an argument: other users of the machine can read a process's arguments.
 */
final class RemoteTarget {
    @Option(names = "--endpoint", required = true, paramLabel = "URL",
            description = "A remote SPARQL 1.1 query endpoint holding the graphs 'custody publish' wrote.")
    String endpoint;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "A properties file with token=..., or user=... and password=..., for the remote store "
                    + "(default: the environment's " + Credentials.TOKEN + ", or " + Credentials.USER + " and "
                    + Credentials.PASSWORD + ").")
    Path credentials;

    @Option(names = "--endpoint-timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "Longest wait for one answer from the remote store: 30s, 500ms, 2m (default ${DEFAULT-VALUE}).")
    String timeout;

    /** The endpoint these options describe. */
    Endpoint toEndpoint() {
        Credentials signIn = credentials != null ? Credentials.fromFile(credentials) : Credentials.fromEnvironment(System.getenv());
        Duration wait = ServeCommand.parseDuration("endpoint-timeout", timeout);
        return Endpoint.of(Endpoint.url("endpoint", endpoint)).withCredentials(signIn).withRequestTimeout(wait);
    }
}

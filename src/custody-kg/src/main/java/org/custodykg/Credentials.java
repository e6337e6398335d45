package org.custodykg;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How to sign in to a remote store: none, HTTP Basic (user and password) or a bearer token. Read from
 * the environment or from a file, never from a command line's arguments, which other users of the
 * machine can see.
 */
public final class Credentials {
    /** The environment variables {@link #fromEnvironment} reads. */
    public static final String USER = "CUSTODY_REMOTE_USER";
    public static final String PASSWORD = "CUSTODY_REMOTE_PASSWORD";
    public static final String TOKEN = "CUSTODY_REMOTE_TOKEN";

    private final String authorization;

    private Credentials(String authorization) {
        this.authorization = authorization;
    }

    /** No credentials: requests go unsigned. */
    public static Credentials none() {
        return new Credentials(null);
    }

    /** HTTP Basic authentication. */
    public static Credentials basic(String user, String password) {
        String pair = user + ":" + password;
        return new Credentials("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** A bearer token (OAuth 2.0, RFC 6750). */
    public static Credentials bearer(String token) {
        return new Credentials("Bearer " + token);
    }

    /**
     * {@value #TOKEN} for a bearer token, else {@value #USER} and {@value #PASSWORD} for Basic, else none.
     *
     * @throws ArgumentException when only one of user and password is set
     */
    public static Credentials fromEnvironment(Map<String, String> environment) {
        return of(environment.get(USER), environment.get(PASSWORD), environment.get(TOKEN), "the environment");
    }

    /**
     * A properties file with {@code token=…}, or {@code user=…} and {@code password=…}; keep it readable by
     * its owner only.
     *
     * @throws ArgumentException when the file cannot be read or holds neither
     */
    public static Credentials fromFile(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new ArgumentException("credentials", "cannot read the file " + file + " (" + e.getMessage() + ")");
        }
        Credentials credentials = of(properties.getProperty("user"), properties.getProperty("password"),
                properties.getProperty("token"), "the file " + file);
        if (credentials.authorization == null) {
            throw new ArgumentException("credentials", "expected token=… or user=… and password=… in the file " + file);
        }
        return credentials;
    }

    private static Credentials of(String user, String password, String token, String where) {
        if (token != null && !token.isEmpty()) {
            return bearer(token);
        }
        if ((user == null) != (password == null)) {
            throw new ArgumentException("credentials", where + " gives a " + (user == null ? "password" : "user")
                    + " but no " + (user == null ? "user" : "password"));
        }
        return user == null ? none() : basic(user, password);
    }

    /** The value of the HTTP {@code Authorization} header, empty for none. */
    public Optional<String> authorization() {
        return Optional.ofNullable(authorization);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return authorization == null ? "no credentials" : authorization.substring(0, authorization.indexOf(' ')) + " credentials";
    }
}

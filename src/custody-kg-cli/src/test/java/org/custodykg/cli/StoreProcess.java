package org.custodykg.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A triple store the tests run as a separate process, in a fresh folder under target/, on a free loopback port. */
abstract class StoreProcess implements AutoCloseable {
    private Process process;
    private Path folder;

    /** The folder the store keeps its files and log in. */
    Path folder() {
        return folder;
    }

    /** Starts the command in a fresh folder, and waits (up to two minutes) until {@code ready} answers 200. */
    void start(String name, ProcessBuilder command, URI ready, String authorization) throws Exception {
        process = command.directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile()).start();
        Process started = process;
        // a store must not outlive the tests, even when they end early
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": "
                        + Files.readString(folder.resolve(name + ".log")));
            }
            try {
                HttpRequest.Builder ping = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5));
                if (authorization != null) {
                    ping.header("Authorization", authorization);
                }
                if (http.send(ping.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException(name + " did not answer at " + ready + " within two minutes");
    }

    /** A fresh folder for a store's files. */
    Path newFolder(String name) throws IOException {
        Path work = Path.of(System.getProperty("custody.test.work", "target/remote"));
        folder = Files.createDirectories(work).resolve(name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        return Files.createDirectories(folder);
    }

    /** A port nothing listens on (at the time of asking). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Kills the store's process at once (SIGKILL), as a crash would. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the store's process (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}

package org.custodykg.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.custodykg.CustodyGraph;
import org.custodykg.Layout;
import org.custodykg.TestData;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A graph served on a free loopback port for one test class, stopped after the class:
 * {@code @RegisterExtension static final ServedGraph SERVED = ServedGraph.ofDefault();}
 */
final class ServedGraph implements AfterAllCallback {
    private final CustodyGraph graph;
    private final CustodyServer server;
    private final Http http;
    /** The store's folder, deleted after the class; null for a graph in memory. */
    private final Path folder;

    private ServedGraph(CustodyGraph graph, UnaryOperator<CustodyServer.Builder> settings) {
        this(graph, settings, null);
    }

    private ServedGraph(CustodyGraph graph, UnaryOperator<CustodyServer.Builder> settings, Path folder) {
        this.graph = graph;
        this.folder = folder;
        this.server = settings.apply(CustodyServer.builder(graph).port(0)).build().start();
        this.http = new Http(server);
    }

    /** The embedded graph with the server's defaults. */
    static ServedGraph ofDefault() {
        return new ServedGraph(CustodyGraph.openDefault(), settings -> settings);
    }

    /**
     * The embedded graph's named graphs copied into a TDB2 store in a new folder (as {@code custody serve
     * --store} serves one), with the server's defaults; the folder is deleted after the class.
     */
    static ServedGraph onStore() {
        return onStore(settings -> settings);
    }

    /** As {@link #onStore()}, with settings applied to a builder already set to port 0. */
    static ServedGraph onStore(UnaryOperator<CustodyServer.Builder> settings) {
        try {
            Path folder = Files.createTempDirectory("custody-served-store");
            return new ServedGraph(tdb2Copy(folder.resolve("store")), settings, folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any graph, with settings applied to a builder already set to port 0. */
    static ServedGraph of(CustodyGraph graph, UnaryOperator<CustodyServer.Builder> settings) {
        return new ServedGraph(graph, settings);
    }

    /**
     * The embedded data copied into a new TDB2 store in that folder, then opened as {@code custody serve
     * --store DIR} opens it: the same graph on disk, for tests that must answer alike on both stores.
     */
    static CustodyGraph tdb2Copy(Path dir) {
        try (CustodyGraph source = CustodyGraph.open(Layout.embedded(), CustodyGraph.Options.trusted().withoutInferred())) {
            TestData.copyNamedGraphs(source.dataset(), dir);
        }
        return CustodyGraph.openStore(dir);
    }

    CustodyGraph graph() {
        return graph;
    }

    CustodyServer server() {
        return server;
    }

    Http http() {
        return http;
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.stop();
        graph.close();
        if (folder != null) {
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Override
    public String toString() {
        return folder == null ? "in memory" : "on a TDB2 store";
    }
}

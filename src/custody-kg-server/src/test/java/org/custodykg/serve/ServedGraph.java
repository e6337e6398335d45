package org.custodykg.serve;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.custodykg.CustodyGraph;
import org.custodykg.Layout;
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

    private ServedGraph(CustodyGraph graph, UnaryOperator<CustodyServer.Builder> settings) {
        this.graph = graph;
        this.server = settings.apply(CustodyServer.builder(graph).port(0)).build().start();
        this.http = new Http(server);
    }

    /** The embedded graph with the server's defaults. */
    static ServedGraph ofDefault() {
        return new ServedGraph(CustodyGraph.openDefault(), settings -> settings);
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
            Dataset store = TDB2Factory.connectDataset(dir.toString());
            Txn.executeRead(source.dataset(), () -> Txn.executeWrite(store, () -> source.dataset().asDatasetGraph().find()
                    .forEachRemaining(store.asDatasetGraph()::add)));
            store.close();
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
    public void afterAll(ExtensionContext context) {
        server.stop();
        graph.close();
    }
}

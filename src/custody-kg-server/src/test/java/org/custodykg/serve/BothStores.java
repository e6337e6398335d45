package org.custodykg.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.custodykg.CustodyGraph;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The embedded graph served twice for one test class, from memory and from a TDB2 store on disk, so a
 * browser test can check that both answer alike:
 * {@code @RegisterExtension static final BothStores STORES = new BothStores();}
 */
final class BothStores implements AfterAllCallback {
    enum Store { MEMORY, TDB2 }

    private final Map<Store, CustodyGraph> graphs = new EnumMap<>(Store.class);
    private final Map<Store, CustodyServer> servers = new EnumMap<>(Store.class);
    private final Path dir;

    BothStores() {
        try {
            dir = Files.createTempDirectory("custody-store-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        graphs.put(Store.MEMORY, CustodyGraph.openDefault());
        graphs.put(Store.TDB2, ServedGraph.tdb2Copy(dir));
        graphs.forEach((store, graph) -> servers.put(store, CustodyServer.builder(graph).port(0).build().start()));
    }

    /** The base URL of the server on that store, ending with "/". */
    String url(Store store) {
        return servers.get(store).url();
    }

    /** A client of the server on that store. */
    Http http(Store store) {
        return new Http(servers.get(store));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        servers.values().forEach(CustodyServer::stop);
        graphs.values().forEach(CustodyGraph::close);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}

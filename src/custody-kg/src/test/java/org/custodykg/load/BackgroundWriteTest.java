package org.custodykg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

/** The writer's copy of the quads: whole when {@link BackgroundWrite#copied} returns, which never waits forever. */
class BackgroundWriteTest {
    private static final Node GRAPH = NodeFactory.createURI("https://example.org/g");
    private final List<Quad> copies = new ArrayList<>();
    private final StreamRDF copy = new StreamRDFBase() {
        @Override
        public void quad(Quad quad) {
            copies.add(quad);
        }
    };

    @Test
    void theQuadsHandedBeforeCopiedAreCopiedAndTheLaterOnesOnlyWritten() {
        Dataset dataset = DatasetFactory.createTxnMem();
        BackgroundWrite write = start(dataset);
        for (int i = 0; i < 20_000; i++) {
            write.add(quad(i));
        }
        write.copied();
        assertEquals(20_000, copies.size());
        write.add(quad(20_000));
        write.commit();
        assertEquals(20_000, copies.size());
        assertEquals(20_001L, Txn.calculateRead(dataset, () -> dataset.asDatasetGraph().getGraph(GRAPH).size()).longValue());
    }

    @Test
    void copiedAfterTheEndOfTheDataOrAnAbortReturns() {
        BackgroundWrite ended = start(DatasetFactory.createTxnMem());
        ended.add(quad(1));
        ended.endOfData();
        assertTimeoutPreemptively(Duration.ofSeconds(10), ended::copied);
        ended.commit();
        BackgroundWrite aborted = start(DatasetFactory.createTxnMem());
        aborted.add(quad(2));
        aborted.abort();
        assertTimeoutPreemptively(Duration.ofSeconds(10), aborted::copied);
    }

    private BackgroundWrite start(Dataset dataset) {
        return new BackgroundWrite(dataset, (target, quads) -> null, UnaryOperator.identity(), target -> { }, copy);
    }

    private static Quad quad(int i) {
        return Quad.create(GRAPH, NodeFactory.createURI("https://example.org/s" + i), NodeFactory.createURI("https://example.org/p"),
                NodeFactory.createLiteralString("v" + i));
    }
}

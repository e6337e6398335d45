package org.custodykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.custodykg.Endpoint;

/**
 * The remote-store contract over Virtuoso Open Source, a second, independent engine. Every named
 * question's example answer is the embedded graph's: the questions are written around what Debian's
 * Virtuoso 7.2.5 evaluates wrongly (a class test {@code a/rdfs:subClassOf*} joined to other patterns, a
 * UNION inside a NOT EXISTS, an EXISTS as a value, which it types as an integer; docs/scale-out.md,
 * "Virtuoso"), and a parameter grouped by is sent without its constant GROUP BY key, which Virtuoso
 * would refuse as an alias defined twice.
 */
class RemoteVirtuosoTest extends RemoteStoreContract {
    private VirtuosoProcess virtuoso;

    @Override
    void startAndPublish() throws Exception {
        virtuoso = VirtuosoProcess.start();
        CliTest.Run published = CliTest.run("publish", "--endpoint", virtuoso.queryUrl(), "--graph-store", virtuoso.graphStoreUrl());
        assertEquals(new CliTest.Run(0, publishedLine(virtuoso.graphStoreUrl()), ""), published);
    }

    @Override
    Endpoint endpoint() {
        return virtuoso.endpoint();
    }

    @Override
    List<String> remoteOptions() {
        return List.of("--endpoint", virtuoso.queryUrl());
    }

    @Override
    boolean keepsLexicalForms() {
        return false;
    }

    /** Virtuoso 7.2 refuses one rule's query and dies on another's: it is asked lookups only. */
    @Override
    boolean takesWholeRules() {
        return false;
    }

    @Override
    void stop() throws Exception {
        if (virtuoso != null) {
            virtuoso.close();
        }
    }
}

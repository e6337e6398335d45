package org.custodykg.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.custodykg.CustodyGraph;
import org.custodykg.Endpoint;
import org.custodykg.ExportResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code custody publish --endpoint URL}: writes the graph to a remote store, one named graph at a time. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Validate the graph, then write each of its named graphs (ontology, sources, one per source "
            + "document, the inferred graph) to a remote store with the SPARQL 1.1 Graph Store Protocol.",
            "Each graph is replaced whole or left as it was: after a failure, run it again.",
            "Then 'custody ask ... --endpoint URL' (and every reading command) reads the remote store."})
final class PublishCommand implements Callable<Integer> {
    @ArgGroup(exclusive = false, multiplicity = "1")
    private RemoteTarget target;

    @Option(names = "--graph-store", paramLabel = "URL",
            description = "The store's Graph Store Protocol endpoint (default: the query endpoint's sibling 'data', as in Fuseki).")
    private String graphStore;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Local local;

    /** The graph to publish: the embedded one unless a folder or store is named. */
    static final class Local {
        @Option(names = "--data", paramLabel = "DIR", description = "Publish a folder of Turtle (validated against the shapes).")
        Path data;

        @Option(names = "--store", paramLabel = "DIR", description = "Publish a TDB2 store written by 'custody load'.")
        Path store;
    }

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Endpoint endpoint = target.toEndpoint();
        if (graphStore != null) {
            URI gsp = Endpoint.url("graph-store", graphStore);
            endpoint = endpoint.withGraphStore(gsp);
        }
        PrintStream progress = System.err;
        try (CustodyGraph graph = GraphSource.openLocal(local == null ? null : local.data, local == null ? null : local.store, true)) {
            ExportResult result = graph.publish(endpoint, progress);
            spec.commandLine().getOut().printf("Published %d triples in %d graphs to %s%n", result.statements(), result.graphs(),
                    endpoint.graphStoreOrDefault());
            spec.commandLine().getOut().flush();
        }
        return Main.OK;
    }
}

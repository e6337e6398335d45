package org.custodykg.remote;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.custodykg.ExportResult;
import org.custodykg.RemoteException;

/**
 * Writes a local dataset's named graphs to a remote store with the Graph Store Protocol: each graph in
 * one PUT, which replaces it whole or leaves it as it was, so running it again after a failure
 * finishes the job. Graphs the previous publication wrote and this one does not are removed; then
 * their union ({@link Publication#UNION}) and, last, the {@link Publication} are written, so readers
 * see the new version only once every graph is in.
 */
public final class Publisher {
    private Publisher() {}

    /**
     * @param progress where a line per graph is printed; null for none
     * @throws RemoteException naming the graph the store refused
     */
    public static ExportResult publish(DatasetGraph local, RemoteStore store, PrintStream progress) {
        List<Node> names = Txn.calculateRead(local, () -> {
            List<Node> all = new ArrayList<>(Iter.toList(local.listGraphNodes()));
            all.sort((a, b) -> a.getURI().compareTo(b.getURI()));
            return all;
        });
        List<Node> previous = Publication.graphs(store);
        long statements = 0;
        int done = 0;
        Graph union = GraphFactory.createDefaultGraph();
        for (Node name : names) {
            Graph graph = Txn.calculateRead(local, () -> {
                Graph copy = GraphFactory.createDefaultGraph();
                local.getGraph(name).find().forEachRemaining(copy::add);
                return copy;
            });
            store.put(name, graph);
            graph.find().forEachRemaining(union::add);
            statements += graph.size();
            done++;
            if (progress != null) {
                progress.printf("published %d/%d graphs, %d triples: %s%n", done, names.size(), graph.size(), name.getURI());
            }
        }
        for (Node stale : previous) {
            if (!names.contains(stale)) {
                store.delete(stale);
            }
        }
        store.put(Publication.UNION, union);
        store.put(Publication.GRAPH, Publication.describe(names, UUID.randomUUID().toString()));
        return new ExportResult(statements, names.size());
    }
}

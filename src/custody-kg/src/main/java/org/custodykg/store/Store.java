package org.custodykg.store;

import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;

/**
 * A persistent TDB2 store of the custody graph: each source's triples in a named graph of its own, the
 * ontology in its graph, and queries reading the union of them all as the default graph.
 */
public final class Store {
    private Store() {}

    /**
     * Connects to the TDB2 store in a folder (creating an empty one if the folder is empty or absent),
     * with the union default graph switched on so that a query sees every named graph.
     */
    public static Dataset connect(Path dir) {
        Dataset dataset = TDB2Factory.connectDataset(dir.toString());
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        return dataset;
    }
}

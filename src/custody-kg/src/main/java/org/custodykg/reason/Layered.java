package org.custodykg.reason;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * The data with the conclusions derived over it, read as one graph. A conclusion is added only when this
 * view lacks it, so the two graphs never hold the same triple and a lookup reads one after the other with no
 * check for repeats (Jena's {@code Union} keeps every triple the first graph gives in a set, at each lookup).
 */
final class Layered extends GraphBase {
    private final Graph data;
    private final Graph conclusions;

    /**
     * @param conclusions only ever given triples this view lacks
     */
    Layered(Graph data, Graph conclusions) {
        this.data = data;
        this.conclusions = conclusions;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        ExtendedIterator<Triple> found = data.find(pattern);
        return conclusions.isEmpty() ? found : found.andThen(conclusions.find(pattern));
    }

    @Override
    protected boolean graphBaseContains(Triple triple) {
        return triple.isConcrete() ? data.contains(triple) || conclusions.contains(triple) : super.graphBaseContains(triple);
    }
}

package org.custodykg.remote;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphBaseFind;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Transactional;
import org.apache.jena.sparql.core.TransactionalNull;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;

/**
 * The project's graphs in a remote store, seen as a read-only Jena dataset: a whole query given to it
 * is sent to the store as it is ({@link RemoteQueryEngine}); a lookup by pattern (what the linked-data
 * pages and the dump do) is sent as a one-pattern SELECT. Its named graphs are the project's graphs
 * the store holds (not the store's own), and its default graph is their union, as in a local dataset.
 * Every query sent names its dataset, so a store whose default graph holds other data (Virtuoso's holds
 * its system graphs) answers as a local dataset would: FROM the published union of the graphs
 * ({@link Publication#UNION}), or each graph when the store holds none, and FROM NAMED each graph.
 *
 * <p>A blank node of one answer cannot be named in the next query (SPARQL has no syntax for it), so a
 * lookup by a blank node finds nothing; a dump is read one named graph per query, so its blank nodes
 * stay whole.
 */
public final class RemoteDatasetGraph extends DatasetGraphBaseFind {
    static {
        QueryEngineRegistry.addFactory(new RemoteQueryEngine());
    }

    private static final Var G = Var.alloc("g");
    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");

    private final RemoteStore store;
    private final List<Node> graphs;
    /** The graph queries use as their default graph; null for the merge of {@link #graphs}. */
    private final Node union;
    private final Transactional transactions = TransactionalNull.create();
    private final PrefixMap prefixes = PrefixMapFactory.create(CustodyKg.prefixes());

    private RemoteDatasetGraph(RemoteStore store, List<Node> graphs, Node union) {
        this.store = store;
        this.graphs = List.copyOf(graphs);
        this.union = union;
    }

    /**
     * Connects and reads which of the project's graphs the store holds.
     *
     * @throws org.custodykg.RemoteException when the store cannot be reached or refuses
     * @throws DataException when it holds none of the project's graphs
     */
    public static RemoteDatasetGraph connect(RemoteStore store) {
        List<Node> graphs = Publication.graphs(store);
        if (graphs.isEmpty()) {
            throw new DataException("remote store " + store.endpoint().query() + ": it holds no custody-kg graphs (none named "
                    + CustodyKg.GRAPH_BASE + "…); write them with 'custody publish'");
        }
        // a publication writes the graphs' union; a store filled by other means has none
        Node union = Publication.version(store).isPresent() ? Publication.UNION : null;
        return new RemoteDatasetGraph(store, graphs, union);
    }

    /** The client this dataset sends its queries through. */
    public RemoteStore store() {
        return store;
    }

    /**
     * The version remembered answers are kept by: the last publication's, asked of the store each time
     * (one small query), or, for a store holding no publication, a new one every
     * {@link org.custodykg.Endpoint#answerTtl()}.
     */
    public LongSupplier dataVersion() {
        if (union != null) {
            return () -> Publication.version(store).orElse("").hashCode();
        }
        long ttl = Math.max(1, store.endpoint().answerTtl().toNanos());
        return () -> System.nanoTime() / ttl;
    }

    /**
     * The query as sent: a copy over the project's graphs (unless it names its own with FROM), without
     * the keys a bound parameter made constant ({@link #withoutConstantKeys}).
     */
    Query asSent(Query query) {
        Query sent = withoutConstantKeys(query.cloneQuery());
        if (!query.hasDatasetDescription()) {
            if (union != null) {
                sent.addGraphURI(union.getURI());
            }
            for (Node graph : graphs) {
                if (union == null) {
                    sent.addGraphURI(graph.getURI());
                }
                sent.addNamedGraphURI(graph.getURI());
            }
        }
        return sent;
    }

    /**
     * Drops, in place, the ORDER BY and GROUP BY keys a bound parameter made constant. SPARQL 1.1 cannot
     * order by a constant, and ordering by one changes nothing. A parameter grouped by becomes the key
     * {@code (<iri> AS ?company)} beside the projection {@code (<iri> AS ?company)}, which binds the
     * variable twice (Virtuoso refuses it: "Alias ?company is defined twice"); grouping by a constant
     * changes no group either, so the key goes while another key is left (without any key, the query
     * would have one implicit group, which differs where no row matches).
     */
    static Query withoutConstantKeys(Query query) {
        if (query.hasOrderBy()) {
            query.getOrderBy().removeIf(key -> key.getExpression().isConstant());
        }
        if (query.hasGroupBy()) {
            VarExprList keys = query.getGroupBy();
            for (Var key : List.copyOf(keys.getVars())) {
                if (keys.size() > 1 && keys.hasExpr(key) && keys.getExpr(key).isConstant()) {
                    keys.remove(key);
                }
            }
        }
        return query;
    }

    /** Runs a SELECT over the project's graphs, the rows copied out. */
    List<Binding> select(Query query) {
        return store.query(asSent(query), execution -> Iter.toList(execution.select()));
    }

    /** Runs an ASK over the project's graphs. */
    boolean ask(Query query) {
        return store.query(asSent(query), execution -> execution.ask());
    }

    /** A copy, in memory, of every graph: one query per graph, so each graph's blank nodes stay whole. */
    public DatasetGraph copy() {
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        for (Node graph : graphs) {
            findInSpecificNamedGraph(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(copy::add);
        }
        copy.prefixes().putAll(prefixes);
        return copy;
    }

    @Override
    protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) {
        return lookup(null, s, p, o);
    }

    @Override
    protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        return graphs.contains(g) ? lookup(g, s, p, o) : Collections.emptyIterator();
    }

    @Override
    protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) {
        return lookup(G, s, p, o);
    }

    /**
     * One pattern as a SELECT built in the syntax tree: {@code graph} null for the default graph (its
     * rows distinct, as a union's are), {@link #G} for any named graph, else that graph.
     */
    private Iterator<Quad> lookup(Node graph, Node s, Node p, Node o) {
        if (isBlank(s) || isBlank(p) || isBlank(o)) {
            return Collections.emptyIterator();
        }
        ElementPathBlock triple = new ElementPathBlock();
        triple.addTriple(Triple.create(term(s, S), term(p, P), term(o, O)));
        Element pattern = graph == null ? triple : new ElementNamedGraph(graph, triple);
        ElementGroup where = new ElementGroup();
        where.addElement(pattern);
        Query query = new Query();
        query.setQuerySelectType();
        query.setQueryResultStar(true);
        query.setDistinct(graph == null);
        query.setQueryPattern(where);
        List<Quad> quads = new ArrayList<>();
        for (Binding row : select(query)) {
            Node g = graph == null ? Quad.defaultGraphIRI : graph == G ? row.get(G) : graph;
            quads.add(Quad.create(g, value(s, S, row), value(p, P, row), value(o, O, row)));
        }
        return quads.iterator();
    }

    private static boolean isBlank(Node node) {
        return node != null && node.isBlank();
    }

    private static Node term(Node node, Var open) {
        return isWildcard(node) ? open : node;
    }

    private static Node value(Node node, Var open, Binding row) {
        return isWildcard(node) ? row.get(open) : node;
    }

    /** The query with the starting values bound in its syntax tree. */
    static Query bound(Query query, Binding start) {
        if (start == null || start.isEmpty()) {
            return query;
        }
        Map<Var, Node> values = new HashMap<>();
        start.forEach(values::put);
        return QueryTransformOps.transform(query, values);
    }

    @Override
    public Graph getDefaultGraph() {
        return GraphView.createDefaultGraph(this);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        return graphs.iterator();
    }

    @Override
    public PrefixMap prefixes() {
        return prefixes;
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        throw readOnly();
    }

    @Override
    public void removeGraph(Node graphName) {
        throw readOnly();
    }

    @Override
    public void add(Quad quad) {
        throw readOnly();
    }

    @Override
    public void delete(Quad quad) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a remote store is read here; write to it with 'custody publish'");
    }

    @Override
    public void begin(TxnType type) {
        transactions.begin(type);
    }

    @Override
    public void begin(ReadWrite readWrite) {
        transactions.begin(readWrite);
    }

    @Override
    public boolean promote(Promote mode) {
        return transactions.promote(mode);
    }

    @Override
    public void commit() {
        transactions.commit();
    }

    @Override
    public void abort() {
        transactions.abort();
    }

    @Override
    public void end() {
        transactions.end();
    }

    @Override
    public ReadWrite transactionMode() {
        return transactions.transactionMode();
    }

    @Override
    public TxnType transactionType() {
        return transactions.transactionType();
    }

    @Override
    public boolean isInTransaction() {
        return transactions.isInTransaction();
    }

    @Override
    public void close() {
        store.close();
    }
}

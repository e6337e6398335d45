package org.custodykg.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.custodykg.CustodyKg;

/**
 * What {@code custody publish} last wrote to a store, in a graph of its own beside the data's: each
 * named graph it wrote ({@code dct:hasPart}) and a version ({@code dct:identifier}) new with every
 * publication. Readers list the graphs from it, and key remembered answers by its version; a store
 * loaded by other means has none, and its graphs are found by name.
 */
final class Publication {
    /** The graph the publication is described in; never part of a dump. */
    static final Node GRAPH = NodeFactory.createURI(CustodyKg.GRAPH_BASE + "publication");
    /**
     * The union of the published graphs, each triple once, written beside them: the default graph of
     * every query. SPARQL defines the default graph of several FROM graphs as their merge, but engines
     * evaluate it graph by graph (Fuseki and Virtuoso alike), so a triple stated in two graphs (a fact
     * and its entailment) would match twice and double a question's rows. Never part of a dump.
     */
    static final Node UNION = NodeFactory.createURI(CustodyKg.GRAPH_BASE + "union");

    private static final Query PARTS = QueryFactory.create("""
            PREFIX dct: <http://purl.org/dc/terms/>
            SELECT ?part WHERE { GRAPH <%s> { <%s> dct:hasPart ?part } } ORDER BY ?part""".formatted(GRAPH.getURI(), GRAPH.getURI()));
    private static final Query VERSION = QueryFactory.create("""
            PREFIX dct: <http://purl.org/dc/terms/>
            SELECT ?version WHERE { GRAPH <%s> { <%s> dct:identifier ?version } }""".formatted(GRAPH.getURI(), GRAPH.getURI()));
    private static final Query NAMED = QueryFactory.create("""
            SELECT DISTINCT ?part WHERE { GRAPH ?part { ?s ?p ?o } FILTER(STRSTARTS(STR(?part), "%s")) } ORDER BY ?part"""
            .formatted(CustodyKg.GRAPH_BASE));

    private Publication() {}

    /** The project's named graphs the store holds: as last published, else every graph named under the base. */
    static List<Node> graphs(RemoteStore store) {
        List<Node> parts = column(store, PARTS, "part");
        if (parts.isEmpty()) {
            parts = column(store, NAMED, "part");
            parts.remove(GRAPH);
            parts.remove(UNION);
        }
        return parts;
    }

    /** The version of the last publication, empty when the store holds none. */
    static Optional<String> version(RemoteStore store) {
        return column(store, VERSION, "version").stream().map(Node::getLiteralLexicalForm).findFirst();
    }

    /** The description of a publication of these graphs, with this version. */
    static Graph describe(List<Node> parts, String version) {
        Graph graph = GraphFactory.createDefaultGraph();
        for (Node part : parts) {
            graph.add(Triple.create(GRAPH, DCTerms.hasPart.asNode(), part));
        }
        graph.add(Triple.create(GRAPH, DCTerms.identifier.asNode(), NodeFactory.createLiteralString(version)));
        return graph;
    }

    private static List<Node> column(RemoteStore store, Query query, String variable) {
        List<Binding> rows = store.query(query, execution -> Iter.toList(execution.select()));
        List<Node> values = new ArrayList<>();
        for (Binding row : rows) {
            values.add(row.get(Var.alloc(variable)));
        }
        return values;
    }
}

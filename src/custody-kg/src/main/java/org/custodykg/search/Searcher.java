package org.custodykg.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.custodykg.CustodyKg;
import org.custodykg.SearchHit;
import org.custodykg.SearchHit.Match;
import org.custodykg.query.Deadline;

/**
 * Finds entities by the words people type, over a {@link SearchIndex} built on first use, and ranks them:
 * an entity one of whose names is the query first, then one whose name starts with it, then one with a
 * word of a name matching, then one that only a description or quotation mentions; within each, by
 * Lucene's score, then by label and IRI, so the same data always gives the same order.
 */
public final class Searcher implements AutoCloseable {
    private final DatasetGraph data;
    private SearchIndex index;

    /** @param data the dataset to search (a TDB2 store keeps its index on disk, see {@link SearchIndex}) */
    public Searcher(DatasetGraph data) {
        this.data = data;
    }

    /**
     * The entities that match the query, best first.
     *
     * @param type only entities of this class or one below it; empty for every class
     * @param limit the most hits to give
     */
    public List<SearchHit> search(String query, Optional<Node> type, int limit) {
        String wanted = Folding.INSTANCE.key(query);
        Map<Node, Best> best = new HashMap<>();
        List<SearchIndex.Match> matches = index().find(query);
        for (int i = 0; i < matches.size(); i++) {
            if (i % 1024 == 0) {
                Deadline.check();
            }
            SearchIndex.Match m = matches.get(i);
            Best candidate = new Best(m.entity(), kind(m, wanted), m.text(), m.score());
            best.merge(m.entity(), candidate, (a, b) -> Best.ORDER.compare(a, b) <= 0 ? a : b);
        }
        List<Best> ordered = new ArrayList<>(best.values());
        ordered.sort(Best.ORDER);
        Deadline.check();
        return Txn.calculateRead(data, () -> {
            // Within the request's time, like every other door. The label only breaks ties of the order, so
            // it is read for the candidates tied where the hits are taken, not for every one of up to 10,000.
            Graph union = Deadline.guard(data.getUnionGraph());
            Set<Node> classes = type.map(t -> subClasses(union, t)).orElse(null);
            List<SearchHit> hits = new ArrayList<>();
            for (int start = 0; start < ordered.size() && hits.size() < limit; ) {
                int end = start + 1;
                while (end < ordered.size() && Best.ORDER.compare(ordered.get(start), ordered.get(end)) == 0) {
                    end++;
                }
                List<Best> tied = new ArrayList<>();
                for (Best b : ordered.subList(start, end)) {
                    tied.add(b.labelled(CustodyKg.label(union, b.entity())));
                }
                tied.sort(Comparator.comparing((Best b) -> b.label().toLowerCase(Locale.ROOT)).thenComparing(b -> b.entity().getURI()));
                for (Best b : tied) {
                    if (hits.size() < limit && (classes == null || union.find(b.entity(), RDF.type.asNode(), Node.ANY).toList()
                            .stream().anyMatch(t -> classes.contains(t.getObject())))) {
                        hits.add(new SearchHit(hits.size() + 1, b.entity().getURI(), b.label(), statedTypes(b.entity()), b.match(),
                                b.text(), b.score()));
                    }
                }
                start = end;
            }
            return hits;
        });
    }

    private static Match kind(SearchIndex.Match m, String wanted) {
        if (!m.name()) {
            return Match.TEXT;
        }
        String name = Folding.INSTANCE.key(m.text());
        return name.equals(wanted) ? Match.NAME : name.startsWith(wanted) ? Match.NAME_PREFIX : Match.NAME_WORD;
    }

    /** The entity's classes as the data states them (not the ontology's, not derived), as prefixed names. */
    private List<String> statedTypes(Node entity) {
        Set<String> types = new HashSet<>();
        data.find(Node.ANY, entity, RDF.type.asNode(), Node.ANY).forEachRemaining(quad -> {
            String graph = quad.getGraph().getURI();
            if (quad.getObject().isURI() && !CustodyKg.INFERRED_GRAPH.equals(graph) && !CustodyKg.ONTOLOGY_GRAPH.equals(graph)) {
                types.add(CustodyKg.shortForm(quad.getObject()));
            }
        });
        return types.stream().sorted().toList();
    }

    /** The class and every class below it. */
    private static Set<Node> subClasses(Graph union, Node type) {
        Set<Node> found = new HashSet<>(List.of(type));
        List<Node> open = new ArrayList<>(found);
        while (!open.isEmpty()) {
            Node next = open.remove(open.size() - 1);
            union.find(Node.ANY, RDFS.subClassOf.asNode(), next).forEachRemaining(t -> {
                if (found.add(t.getSubject())) {
                    open.add(t.getSubject());
                }
            });
        }
        return found;
    }

    /** Built on first use: opening a graph costs nothing for those who never search. */
    private synchronized SearchIndex index() {
        if (index == null) {
            index = SearchIndex.of(data);
        }
        return index;
    }

    /** An entity's best statement. */
    private record Best(Node entity, Match match, String text, float score, String label) {
        static final Comparator<Best> ORDER = Comparator.comparing(Best::match).thenComparing(Best::score, Comparator.reverseOrder())
                .thenComparing(Best::text);

        Best(Node entity, Match match, String text, float score) {
            this(entity, match, text, score, null);
        }

        Best labelled(String label) {
            return new Best(entity, match, text, score, label);
        }
    }

    /** Releases the index (its files, for a store). */
    @Override
    public synchronized void close() {
        if (index != null) {
            index.close();
        }
    }
}

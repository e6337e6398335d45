package org.custodykg.reason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;
import org.custodykg.RemoteException;

/**
 * Runs the per-question rules over a dataset that answers whole queries elsewhere (a remote SPARQL store),
 * sending each rule as one query instead of one lookup per triple pattern.
 *
 * <p>What a rule reads is in two places: the data, in the store, and the question's own conclusions so
 * far (routes, their obstacles), in the local scratch graph. Terms only the rules conclude and the store
 * holds none of ("derived-only": {@code ckg:AccessRoute}, {@code ckg:routeService}, …) say which is which.
 * A rule whose top-level triple patterns over derived-only terms can be matched locally is sent with
 * those matches as a VALUES block in their place, and the question's values bound in its syntax tree, so
 * the store evaluates the rest against all its data. A rule that reads a derived-only term anywhere else
 * (an OPTIONAL, an EXISTS, a UNION) cannot be split so: it is left to the local evaluation, which is
 * slower but the same.
 */
final class ShippedRules {
    private static final Pattern IRI = Pattern.compile("<([^<>\\s]+)>");
    private static final Node TYPE = RDF.type.asNode();

    private final DatasetGraph store;
    private final Set<Node> derivedOnly;
    /** The rules the store failed to evaluate as one query. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    private ShippedRules(DatasetGraph store, Set<Node> derivedOnly) {
        this.store = store;
        this.derivedOnly = derivedOnly;
    }

    /**
     * Finds the derived-only terms of the rules: the predicates and classes their conclusions use that no
     * triple in the store uses (two queries).
     */
    static ShippedRules over(DatasetGraph store, RuleSet rules) {
        Set<Node> predicates = new HashSet<>();
        Set<Node> classes = new HashSet<>();
        for (List<RuleSet.Rule> stratum : rules.perQuestion()) {
            for (RuleSet.Rule rule : stratum) {
                for (Triple head : rule.query().getConstructTemplate().getTriples()) {
                    if (head.getPredicate().equals(TYPE) && head.getObject().isURI()) {
                        classes.add(head.getObject());
                    } else if (head.getPredicate().isURI() && !head.getPredicate().equals(TYPE)) {
                        predicates.add(head.getPredicate());
                    }
                }
            }
        }
        Set<Node> derivedOnly = new HashSet<>(predicates);
        derivedOnly.addAll(classes);
        derivedOnly.removeAll(used(store, "SELECT DISTINCT ?term WHERE { ?s ?term ?o }", predicates));
        derivedOnly.removeAll(used(store, "SELECT DISTINCT ?term WHERE { ?s a ?term }", classes));
        return new ShippedRules(store, Set.copyOf(derivedOnly));
    }

    /**
     * The question's view of the data and its conclusions: a lookup in derived-only terms reads the
     * scratch graph alone; any other reads both.
     */
    Graph view(Graph base, Graph scratch) {
        Graph both = new Layered(base, scratch);
        return new GraphBase() {
            @Override
            protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
                return (onlyDerived(pattern) ? scratch : both).find(pattern);
            }
        };
    }

    /**
     * The graph, each subject's triples fetched whole the first time one of them is looked up and kept for
     * the life of this view (one question): a rule evaluated locally, and the reading of its routes, look
     * up the same few entities many times.
     */
    static Graph bySubject(Graph base) {
        Map<Node, Graph> subjects = new ConcurrentHashMap<>();
        return new GraphBase() {
            @Override
            protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
                Node subject = pattern.getSubject();
                if (!subject.isConcrete()) {
                    return base.find(pattern);
                }
                Graph whole = subjects.computeIfAbsent(subject, s -> {
                    Graph copy = GraphFactory.createDefaultGraph();
                    base.find(s, Node.ANY, Node.ANY).forEachRemaining(copy::add);
                    return copy;
                });
                return whole.find(pattern);
            }
        };
    }

    /** Whether a conclusion can only be held by the scratch graph, never by the store. */
    boolean onlyDerived(Triple triple) {
        return derivedOnly.contains(triple.getPredicate().equals(TYPE) ? triple.getObject() : triple.getPredicate());
    }

    /**
     * The rule's conclusions for the question, evaluated by the store; null when the rule reads a
     * derived-only term where it cannot be split off (evaluate it locally then).
     */
    Graph construct(RuleSet.Rule rule, Map<String, Node> bindings, Graph scratch) {
        if (refused.contains(rule.name())) {
            return null;
        }
        Map<Var, Node> values = new HashMap<>();
        bindings.forEach((name, value) -> values.put(Var.alloc(name), value));
        values.put(Var.alloc("rule"), rule.iri());
        Query bound = QueryTransformOps.transform(rule.query(), values);
        if (!(bound.getQueryPattern() instanceof ElementGroup where)) {
            return null;
        }
        BasicPattern local = new BasicPattern();
        ElementGroup sent = new ElementGroup();
        for (Element element : where.getElements()) {
            if (element instanceof ElementPathBlock block) {
                ElementPathBlock remaining = new ElementPathBlock();
                for (TriplePath path : block.getPattern().getList()) {
                    if (path.isTriple() && readsDerived(path.asTriple())) {
                        local.add(path.asTriple());
                    } else if (mentionsDerived(new ElementPathBlock(pathBlock(path)))) {
                        return null;
                    } else {
                        remaining.addTriplePath(path);
                    }
                }
                if (!remaining.isEmpty()) {
                    sent.addElement(remaining);
                }
            } else if (mentionsDerived(element)) {
                return null;
            } else {
                sent.addElement(element);
            }
        }
        if (!local.isEmpty()) {
            ElementData matches = matches(local, scratch);
            if (matches.getRows().isEmpty()) {
                return GraphFactory.createDefaultGraph();
            }
            List<Element> elements = new ArrayList<>(sent.getElements());
            sent = new ElementGroup();
            sent.addElement(matches);
            elements.forEach(sent::addElement);
        }
        Query shipped = bound.cloneQuery();
        shipped.setQueryPattern(sent);
        try (QueryExec exec = QueryExec.dataset(store).query(shipped).build()) {
            return exec.construct();
        } catch (RemoteException refusedOrDown) {
            // A store may fail to evaluate a valid query (Virtuoso 7.2 refuses channel-route's with SQ074):
            // the rule is then evaluated locally, which asks the store only lookups. A store that is down
            // fails those lookups with the same error.
            refused.add(rule.name());
            return null;
        }
    }

    private boolean readsDerived(Triple pattern) {
        Node key = pattern.getPredicate().equals(TYPE) ? pattern.getObject() : pattern.getPredicate();
        return derivedOnly.contains(key);
    }

    /** Whether the element names a derived-only term anywhere (the IRIs of its serialised form). */
    private boolean mentionsDerived(Element element) {
        Query probe = QueryFactory.create("ASK {}");
        probe.setPrefixMapping(PrefixMapping.Factory.create());
        ElementGroup group = new ElementGroup();
        group.addElement(element);
        probe.setQueryPattern(group);
        Matcher iris = IRI.matcher(probe.serialize());
        while (iris.find()) {
            if (derivedOnly.contains(NodeFactory.createURI(iris.group(1)))) {
                return true;
            }
        }
        return false;
    }

    private static org.apache.jena.sparql.core.PathBlock pathBlock(TriplePath path) {
        org.apache.jena.sparql.core.PathBlock block = new org.apache.jena.sparql.core.PathBlock();
        block.add(path);
        return block;
    }

    /** The local matches of the patterns over derived-only terms, as a VALUES block of their variables. */
    private static ElementData matches(BasicPattern patterns, Graph scratch) {
        ElementPathBlock block = new ElementPathBlock();
        patterns.forEach(block::addTriple);
        Query select = QueryFactory.create("SELECT * {}");
        ElementGroup group = new ElementGroup();
        group.addElement(block);
        select.setQueryPattern(group);
        select.setQueryResultStar(true);
        ElementData data = new ElementData();
        try (QueryExec exec = QueryExec.graph(scratch).query(select).build()) {
            RowSet rows = exec.select();
            rows.getResultVars().forEach(data::add);
            while (rows.hasNext()) {
                Binding row = rows.next();
                data.add(row);
            }
        }
        return data;
    }

    private static Set<Node> used(DatasetGraph store, String query, Set<Node> terms) {
        if (terms.isEmpty()) {
            return Set.of();
        }
        Query select = QueryFactory.create(query);
        ElementData candidates = new ElementData();
        Var term = Var.alloc("term");
        candidates.add(term);
        terms.forEach(node -> candidates.add(org.apache.jena.sparql.engine.binding.BindingFactory.binding(term, node)));
        ElementGroup where = new ElementGroup();
        where.addElement(candidates);
        ((ElementGroup) select.getQueryPattern()).getElements().forEach(where::addElement);
        select.setQueryPattern(where);
        Set<Node> found = new HashSet<>();
        try (QueryExec exec = QueryExec.dataset(store).query(select).build()) {
            exec.select().forEachRemaining(row -> found.add(row.get(term)));
        }
        return found;
    }
}

package org.custodykg.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * Moves the triple patterns that mention a bound parameter to the front of their basic graph pattern.
 *
 * <p>Why: the named questions are written type first ({@code ?fact a ckg:KeyCustody ; ckg:service ?service}).
 * Once {@code ?service} is bound, both patterns have two constants, ARQ's fixed reordering keeps the
 * written order, and the type pattern makes it visit every fact of that type. Starting from the bound
 * pattern visits only that entity's facts (measured: 124 ms → 18 ms for blocked-services on 1 M triples).
 * A basic graph pattern is a set, so the order never changes the answer.
 */
final class BoundFirst {
    private BoundFirst() {}

    static Query reorder(Query query, Set<String> bound) {
        if (bound.isEmpty()) {
            return query;
        }
        return QueryTransformOps.transform(query, new ElementTransformCopyBase() {
            @Override
            public Element transform(ElementPathBlock block) {
                List<TriplePath> first = new ArrayList<>();
                List<TriplePath> rest = new ArrayList<>();
                block.getPattern().forEach(path -> (mentions(path, bound) ? first : rest).add(path));
                if (first.isEmpty() || rest.isEmpty()) {
                    return block;
                }
                ElementPathBlock reordered = new ElementPathBlock();
                first.forEach(reordered::addTriplePath);
                rest.forEach(reordered::addTriplePath);
                return reordered;
            }
        });
    }

    private static boolean mentions(TriplePath path, Set<String> bound) {
        return isBound(path.getSubject(), bound) || isBound(path.getObject(), bound)
                || (path.isTriple() && isBound(path.getPredicate(), bound));
    }

    private static boolean isBound(Node node, Set<String> bound) {
        return node.isVariable() && bound.contains(node.getName());
    }
}

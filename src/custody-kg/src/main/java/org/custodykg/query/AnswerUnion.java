package org.custodykg.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.exec.RowSet;
import org.custodykg.Answer;
import org.custodykg.CustodyKg;
import org.custodykg.ResultTable;
import org.custodykg.Row;

/**
 * The answer to a question asked with a parameter that stands for several terms (a jurisdiction for all
 * its authorities): the union of its answers for each term, as the question would give it.
 *
 * <p>Why not one query with every term in a {@code VALUES} block: the questions are written for one
 * bound term or none, and a question may list some rows only when a parameter is left open (the
 * {@code stances} question's stances toward no authority). Asking once per term keeps each answer exactly
 * what that term gives; the rows are then put in the question's ORDER BY order, duplicates dropped for a
 * DISTINCT question, and its OFFSET and LIMIT applied to the whole.
 */
public final class AnswerUnion {
    private AnswerUnion() {}

    /**
     * The union of answers to the same query.
     *
     * @param query the question's query: its projection, ORDER BY, DISTINCT, OFFSET and LIMIT apply
     * @param parts the answers for each term, in order; at least one
     */
    public static Answer of(Query query, List<Answer> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return switch (parts.get(0).kind()) {
            case TABLE -> Answer.of(table(query, parts));
            case GRAPH -> Answer.of(graph(parts));
            case BOOLEAN -> Answer.of(parts.stream().anyMatch(Answer::bool));
        };
    }

    private static ResultTable table(Query query, List<Answer> parts) {
        List<Var> vars = parts.get(0).table().vars().stream().map(Var::alloc).toList();
        List<Binding> rows = new ArrayList<>();
        for (Answer part : parts) {
            for (Row row : part.table().rows()) {
                BindingBuilder binding = Binding.builder();
                vars.forEach(var -> row.node(var.getVarName()).ifPresent(value -> binding.add(var, value)));
                rows.add(binding.build());
            }
        }
        List<Binding> merged = query.isDistinct() || query.isReduced() ? new ArrayList<>(new LinkedHashSet<>(rows)) : rows;
        if (query.hasOrderBy()) {
            merged.sort(new BindingComparator(query.getOrderBy()));
        }
        int from = (int) Math.min(merged.size(), Math.max(0, query.getOffset()));
        int to = query.hasLimit() ? (int) Math.min(merged.size(), from + query.getLimit()) : merged.size();
        List<Binding> kept = merged.subList(from, to);
        return new ResultTable(RowSet.create(QueryIterPlainWrapper.create(kept.iterator()), vars));
    }

    private static Model graph(List<Answer> parts) {
        Model union = ModelFactory.createDefaultModel();
        union.setNsPrefixes(CustodyKg.prefixes());
        parts.forEach(part -> union.add(part.graph()));
        return union;
    }
}

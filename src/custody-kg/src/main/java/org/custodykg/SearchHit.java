package org.custodykg;

import java.util.List;
import java.util.Locale;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * One entity found by {@link CustodyGraph#search}: hits come best first, by how they matched, then by
 * score, then by label.
 *
 * @param rank the hit's place in the answer, from 1
 * @param iri the entity's IRI
 * @param label its English label (else one without a language tag, else any), or its short form when it has none
 * @param types its classes as stated in the data, as prefixed names, sorted
 * @param match how the best of its statements matched
 * @param matched the text of that statement (a name, a description, a quotation)
 * @param score Lucene's score of that statement (comparable only between hits of the same match kind)
 */
public record SearchHit(int rank, String iri, String label, List<String> types, Match match, String matched, float score) {
    /** How a hit matched, best first. */
    public enum Match {
        /** One of its names is the query (without regard to case, accents, spacing or punctuation). */
        NAME,
        /** One of its names starts with the query. */
        NAME_PREFIX,
        /** A word of one of its names is, or starts with, a word of the query. */
        NAME_WORD,
        /** A word of a description, quotation or title about it is, or starts with, a word of the query. */
        TEXT
    }

    /** The columns of {@link #table}. */
    private static final List<Var> COLUMNS = Var.varList(List.of("rank", "entity", "label", "types", "match", "matched", "score"));

    /**
     * The hits as a table, one row each in rank order (columns rank, entity, label, types, match, matched,
     * score), so they print and serialise as any other table does: text, CSV, TSV, SPARQL results JSON.
     */
    public static ResultTable table(List<SearchHit> hits) {
        List<Binding> rows = hits.stream().map(h -> Binding.builder()
                .add(COLUMNS.get(0), NodeFactory.createLiteralDT(Integer.toString(h.rank()), XSDDatatype.XSDinteger))
                .add(COLUMNS.get(1), NodeFactory.createURI(h.iri()))
                .add(COLUMNS.get(2), NodeFactory.createLiteralString(h.label()))
                .add(COLUMNS.get(3), NodeFactory.createLiteralString(String.join(" ", h.types())))
                .add(COLUMNS.get(4), NodeFactory.createLiteralString(h.match().name().toLowerCase(Locale.ROOT)))
                .add(COLUMNS.get(5), NodeFactory.createLiteralString(h.matched()))
                .add(COLUMNS.get(6), NodeFactory.createLiteralDT(Float.toString(h.score()), XSDDatatype.XSDfloat))
                .build()).toList();
        return new ResultTable(RowSetStream.create(COLUMNS, rows.iterator()));
    }

    /** The IRI as a prefixed name ({@code service:icloud}). */
    public String shortForm() {
        return entity().shortForm();
    }

    /** The entity, with its label. */
    public Entity entity() {
        return new Entity(iri, label);
    }
}

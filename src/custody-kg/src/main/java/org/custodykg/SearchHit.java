package org.custodykg;

import java.util.List;

/**
 * One entity found by {@link CustodyGraph#search}: hits come best first, by how they matched, then by
 * score, then by label.
 *
 * @param rank the hit's place in the answer, from 1
 * @param iri the entity's IRI
 * @param label its English label, or its short form when it has none
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

    /** The IRI as a prefixed name ({@code service:icloud}). */
    public String shortForm() {
        return entity().shortForm();
    }

    /** The entity, with its label. */
    public Entity entity() {
        return new Entity(iri, label);
    }
}

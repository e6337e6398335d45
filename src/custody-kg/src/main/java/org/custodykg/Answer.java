package org.custodykg;

import org.custodykg.ResultTable;

import org.apache.jena.rdf.model.Model;

/**
 * The answer to any query: a table (SELECT), a graph (CONSTRUCT, DESCRIBE) or a yes/no (ASK).
 * Exactly one of the three is present, as {@link #kind()} says.
 */
public final class Answer {
    /** Which of the three forms the answer takes. */
    public enum Kind {
        /** A table of rows: the answer to a SELECT. */
        TABLE,
        /** A graph: the answer to a CONSTRUCT or DESCRIBE. */
        GRAPH,
        /** Yes or no: the answer to an ASK. */
        BOOLEAN
    }

    private final Kind kind;
    private final ResultTable table;
    private final Model graph;
    private final boolean bool;

    private Answer(Kind kind, ResultTable table, Model graph, boolean bool) {
        this.kind = kind;
        this.table = table;
        this.graph = graph;
        this.bool = bool;
    }

    /** A table answer (SELECT). */
    public static Answer of(ResultTable table) {
        return new Answer(Kind.TABLE, table, null, false);
    }

    /** A graph answer (CONSTRUCT, DESCRIBE). */
    public static Answer of(Model graph) {
        return new Answer(Kind.GRAPH, null, graph, false);
    }

    /** A yes-or-no answer (ASK). */
    public static Answer of(boolean bool) {
        return new Answer(Kind.BOOLEAN, null, null, bool);
    }

    /** Which form the answer takes. */
    public Kind kind() {
        return kind;
    }

    /** The table of a SELECT. @throws IllegalStateException for another kind of answer */
    public ResultTable table() {
        require(Kind.TABLE);
        return table;
    }

    /** The graph of a CONSTRUCT or DESCRIBE. @throws IllegalStateException for another kind */
    public Model graph() {
        require(Kind.GRAPH);
        return graph;
    }

    /** The answer of an ASK. @throws IllegalStateException for another kind */
    public boolean bool() {
        require(Kind.BOOLEAN);
        return bool;
    }

    private void require(Kind expected) {
        if (kind != expected) {
            throw new IllegalStateException("This answer is a " + kind + ", not a " + expected);
        }
    }
}

package org.custodykg;

import java.util.Locale;
import org.apache.jena.graph.Node;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyKg;

/** Which named graphs a dump holds: the ontology, the data (every other graph) or all of them. */
public enum ExportPart {
    /** The ontology graph only. */
    ONTOLOGY,
    /** Every named graph but the ontology's: sources, one per source document, inferred. */
    DATA,
    /** Every named graph. */
    ALL;

    /** Whether the named graph belongs to this part. */
    public boolean includes(Node graphName) {
        boolean ontology = graphName.isURI() && graphName.getURI().equals(CustodyKg.ONTOLOGY_GRAPH);
        return switch (this) {
            case ONTOLOGY -> ontology;
            case DATA -> !ontology;
            case ALL -> true;
        };
    }

    /**
     * The part a command-line name means: {@code ontology}, {@code data} or {@code all} (any case).
     *
     * @throws ArgumentException naming the option and the accepted names
     */
    public static ExportPart parse(String name) {
        for (ExportPart part : values()) {
            if (part.name().equalsIgnoreCase(name)) {
                return part;
            }
        }
        throw new ArgumentException("part", "expected one of ontology|data|all, but got '" + name + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

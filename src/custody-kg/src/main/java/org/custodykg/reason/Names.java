package org.custodykg.reason;

import java.util.List;
import org.apache.jena.graph.Node;

/** How the reasoner finds the entities a question names, and labels what it reads back. */
public interface Names {
    /**
     * The one entity of the class the text names.
     *
     * @param parameter the parameter's name, for the message
     * @throws org.custodykg.ArgumentException when nothing or several entities match
     */
    Node resolve(String parameter, String text, String classIri);

    /**
     * Every entity the text means: itself, or for an authority given as a jurisdiction (or as "its
     * authorities"), each authority of that jurisdiction or of a place within it.
     *
     * @throws org.custodykg.ArgumentException when nothing matches, or the text is ambiguous
     */
    List<Node> resolveAll(String parameter, String text, String classIri);

    /** The entity's label, or its short form when it has none. */
    String label(Node entity);

    /** Labels of entities of the class with names close to the text, closest first (see a near miss). */
    List<String> nearMisses(String text, String classIri);
}

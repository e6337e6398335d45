package org.custodykg.load;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.system.Txn;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;

/** Checks a loaded dataset against the SHACL shapes of its layout. */
public final class Validator {
    private Validator() {}

    /**
     * Validates the dataset's default graph (the union of ontology and data, so that the shapes see
     * the subclass axioms) against the shapes.
     *
     * @throws DataException listing every violation, one per line
     */
    public static void validate(Dataset dataset, Graph shapesGraph) {
        fail(violations(dataset, shapesGraph));
    }

    /** Every violation of the shapes, described in one line each; empty when the data conforms. */
    public static List<String> violations(Dataset dataset, Graph shapesGraph) {
        if (shapesGraph.isEmpty()) {
            return List.of();
        }
        return Txn.calculateRead(dataset, () -> violations(dataset.asDatasetGraph().getDefaultGraph(), shapesGraph));
    }

    /**
     * Validates one graph that holds data and ontology together, such as a store's union graph, inside
     * the caller's transaction.
     *
     * @throws DataException listing every violation, one per line
     */
    public static void validate(Graph data, Graph shapesGraph) {
        fail(violations(data, shapesGraph));
    }

    private static void fail(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new DataException("The data does not conform to the shapes (" + problems.size() + " violations):", problems);
        }
    }

    /** Every violation of the shapes by one graph (read in the caller's transaction); empty when it conforms. */
    public static List<String> violations(Graph data, Graph shapesGraph) {
        if (shapesGraph.isEmpty()) {
            return List.of();
        }
        ValidationReport report = ShaclValidator.get().validate(Shapes.parse(shapesGraph), data);
        return report.getEntries().stream().map(Validator::describe).sorted().toList();
    }

    private static String describe(ReportEntry entry) {
        String path = entry.resultPath() == null ? "" : " " + entry.resultPath().toString(new Prologue(CustodyKg.prefixes()));
        return CustodyKg.shortForm(entry.focusNode()) + path + ": " + entry.message();
    }
}

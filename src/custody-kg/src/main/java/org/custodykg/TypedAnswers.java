package org.custodykg;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.custodykg.Row;

/** Maps the rows of the central named questions to the typed records; the queries stay in queries/. */
final class TypedAnswers {
    private final Function<Node, String> labels;

    /** @param labels the label of an entity whose row has no label column for it */
    TypedAnswers(Function<Node, String> labels) {
        this.labels = labels;
    }

    List<KeyCustody> keyCustody(List<Row> rows) {
        return map(rows, row -> new KeyCustody(entity(row, "service"), row.text("dataCategoryLabel"),
                optionalEntity(row, "usersIn"), row.text("encryptionLabel"), optionalEntity(row, "keyHolder"),
                optionalEntity(row, "keysStoredIn"), entity(row, "fact")));
    }

    List<Storage> storage(List<Row> rows) {
        return map(rows, row -> new Storage(entity(row, "service"), row.text("dataCategoryLabel"),
                optionalEntity(row, "usersIn"), entity(row, "storedIn"), optionalEntity(row, "controller"),
                optionalEntity(row, "jurisdiction"), entity(row, "fact")));
    }

    List<Stance> stances(List<Row> rows) {
        return map(rows, row -> new Stance(entity(row, "firm"), row.text("stanceTypeLabel"), optionalEntity(row, "authority"),
                optionalEntity(row, "region"), optionalEntity(row, "service"),
                row.date("announcedNoEarlierThan"), row.date("announcedNoLaterThan"), row.text("timeAsStated"),
                row.bool("provisional").orElse(false), row.bool("planned").orElse(false), entity(row, "fact")));
    }

    private static <T> List<T> map(List<Row> rows, Function<Row, T> mapping) {
        return rows.stream().map(mapping).toList();
    }

    /** The entity in the column, labelled from the column's {@code Label} twin, else from the graph. */
    private Entity entity(Row row, String var) {
        return optionalEntity(row, var).orElseThrow(() -> new DataException("The answer has no " + var + " in row " + row));
    }

    private Optional<Entity> optionalEntity(Row row, String var) {
        if (!row.has(var)) {
            return Optional.empty();
        }
        String label = row.text(var + "Label").orElseGet(() -> labels.apply(row.node(var).orElseThrow()));
        return Optional.of(new Entity(row.iri(var), label));
    }
}

package org.custodykg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.custodykg.ArgumentException;
import org.custodykg.Layout;
import org.custodykg.load.Loader;
import org.custodykg.load.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code custody validate [DIR]}: checks a graph against the SHACL shapes, listing every violation. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a folder of Turtle (default: the embedded graph) against the SHACL shapes.",
            "Prints every violation and exits with 3 when the data does not conform."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "A repository-shaped folder (ontology/, data/) or a folder of data files.")
    private Path dir;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (dir != null && !Files.isDirectory(dir)) {
            throw new ArgumentException("DIR", "expected a folder of Turtle files, but " + dir + " is not a folder");
        }
        Layout layout = dir == null ? Layout.embedded() : Layout.of(dir);
        Dataset dataset = Loader.load(layout);
        Validator.validate(dataset, Loader.shapes(layout));
        long triples = Txn.calculateRead(dataset, () -> dataset.asDatasetGraph().getDefaultGraph().size());
        spec.commandLine().getOut().println("OK: " + triples + " triples conform to the shapes");
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}

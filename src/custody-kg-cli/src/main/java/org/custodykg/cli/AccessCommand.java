package org.custodykg.cli;

import java.io.PrintWriter;
import org.custodykg.AccessAnswer;
import org.custodykg.present.RouteDiagram;
import org.custodykg.present.RoutePicture;
import org.custodykg.present.RouteTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code custody access}: the routes from an authority to a service's data, as a table or a diagram. */
@Command(name = "access", mixinStandardHelpOptions = true,
        description = "Can the authority obtain the service's data, and through which door?")
public final class AccessCommand extends AccessOptions {
    /** How the routes are printed. */
    enum Format { table, dot, mermaid, svg }

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table (default), dot, mermaid, or svg (a picture of the routes, drawn without any other program).")
    Format format;

    @Override
    void print(AccessAnswer answer, PrintWriter out) {
        switch (format) {
            case dot -> out.print(RouteDiagram.dot(answer.routes()));
            case mermaid -> out.print(RouteDiagram.mermaid(answer.routes()));
            case svg -> out.print(RoutePicture.svg(answer));
            default -> out.print(RouteTable.of(answer));
        }
    }
}

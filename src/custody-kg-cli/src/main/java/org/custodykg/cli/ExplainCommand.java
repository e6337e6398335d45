package org.custodykg.cli;

import java.io.PrintWriter;
import org.custodykg.AccessAnswer;
import org.custodykg.present.RouteTree;
import picocli.CommandLine.Command;

/** {@code custody explain}: each route as an indented tree of what it rests on, with sources and quotations. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Why: the chain of facts behind each route, with its grade, the source and the words quoted.")
public final class ExplainCommand extends AccessOptions {
    @Override
    void print(AccessAnswer answer, PrintWriter out) {
        out.print(RouteTree.of(answer));
    }
}

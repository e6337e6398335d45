package org.custodykg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.jena.graph.NodeFactory;
import org.custodykg.CustodyGraph;
import org.custodykg.CustodyKg;
import org.custodykg.Parameter;
import org.custodykg.Question;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code custody list}: the named questions, each with its parameters. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the named questions and their parameters.")
final class ListCommand implements Callable<Integer> {
    @Mixin
    private GraphSource source;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CustodyGraph graph = source.open()) {
            for (Question question : graph.questions()) {
                out.println(question.name() + " - " + question.question());
                for (Parameter parameter : question.parameters()) {
                    out.println("    --" + parameter.name() + " " + CustodyKg.shortForm(NodeFactory.createURI(parameter.type()))
                            + "  " + parameter.description());
                }
            }
        }
        out.flush();
        source.report(spec.commandLine().getErr());
        return Main.OK;
    }
}

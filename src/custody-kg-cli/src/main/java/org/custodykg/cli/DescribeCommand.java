package org.custodykg.cli;

import org.custodykg.AnswerFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code custody describe NAME}: everything known about one entity, as a graph (the describe question). */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = {"Show what is known about an entity of any kind, as a graph.",
            "Its triples, the triples pointing at it, and the facts and statements about it with their evidence and source."})
final class DescribeCommand implements Callable<Integer> {
    @Mixin
    private GraphSource source;

    @Parameters(index = "0", paramLabel = "NAME", description = "The entity's name, alternative name, IRI or prefixed name.")
    private String name;

    @Option(names = "--format", paramLabel = "FORMAT", description = "ttl (default), nt, jsonld or rdf (RDF/XML).")
    private AnswerFormat format;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return source.answer(spec, format, graph -> graph.ask("describe", Map.of("entity", name)));
    }
}

package org.custodykg.cli;

import org.custodykg.AnswerFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodykg.ArgumentException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;

/** {@code custody ask NAME [--PARAM VALUE...]}: runs a named question. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        customSynopsis = "custody ask [-hV] [--format=FORMAT] [--data=DIR | --store=DIR] NAME [--PARAM VALUE]...",
        description = {"Run a named question; its parameters are given as --NAME VALUE.",
            "Example: custody ask key-custody --service iCloud", "'custody list' shows the questions and their parameters."})
final class AskCommand implements Callable<Integer> {
    @Mixin
    private GraphSource source;

    @Parameters(index = "0", paramLabel = "NAME", description = "The question's name (see 'custody list').")
    private String name;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), csv, tsv, json or xml for a table; ttl (default), nt, jsonld or rdf for a graph.")
    private AnswerFormat format;

    // The question's own parameters are known only once the question is read, so they arrive unmatched.
    @Unmatched
    private List<String> parameterArgs = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> parameters = parameters(parameterArgs);
        return source.answer(spec, format, graph -> graph.ask(name, parameters));
    }

    /** Reads {@code --name value} and {@code --name=value} pairs; names are checked by the question itself. */
    static Map<String, String> parameters(List<String> args) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new ArgumentException(null, "Unexpected argument '" + arg + "': give the question's parameters as --NAME VALUE");
            }
            int equals = arg.indexOf('=');
            String parameter = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new ArgumentException("--" + parameter, "expected a value after it");
            }
            if (parameters.put(parameter, value) != null) {
                throw new ArgumentException("--" + parameter, "given more than once");
            }
        }
        return parameters;
    }
}

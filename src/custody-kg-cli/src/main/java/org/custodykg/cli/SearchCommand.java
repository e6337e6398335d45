package org.custodykg.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.custodykg.AnswerFormat;
import org.custodykg.Answer;
import org.custodykg.CustodyGraph;
import org.custodykg.SearchHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code custody search TEXT}: the entities whose names, descriptions or quotations match the words, best first. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Find entities by the words of their names, descriptions and quotations, best first.",
            "A word matches a whole word or the start of one, in any case and without accents: 'iclou' finds iCloud."})
final class SearchCommand implements Callable<Integer> {
    @Mixin
    private GraphSource source;

    @Parameters(index = "0", paramLabel = "TEXT", description = "The words to look for.")
    private String text;

    @Option(names = "--type", paramLabel = "CLASS", description = "Only entities of this class or one below it, by name or IRI"
            + " (service, organisation, place, law, ckg:Service...).")
    private String type;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "The most hits, 1 to "
            + CustodyGraph.MAX_SEARCH_HITS + " (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), csv, tsv or json.")
    private AnswerFormat format;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return source.answer(spec, format,
                graph -> Answer.of(SearchHit.table(graph.search(text, Optional.ofNullable(type), limit))));
    }
}

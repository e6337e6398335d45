package org.custodykg.cli;

import org.custodykg.AnswerFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.custodykg.ArgumentException;
import org.custodykg.DataException;
import org.custodykg.query.QueryRunner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code custody sparql 'QUERY'} or {@code custody sparql -f FILE}: runs any SPARQL query. */
@Command(name = "sparql", mixinStandardHelpOptions = true,
        description = "Run a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) given as text or in a file.")
final class SparqlCommand implements Callable<Integer> {
    @Mixin
    private GraphSource source;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private QueryText query;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (default), csv, tsv, json or xml for SELECT and ASK; ttl (default), nt, jsonld or rdf for a graph.")
    private AnswerFormat format;

    @Spec
    private CommandSpec spec;

    /** The query, given exactly one way. */
    static final class QueryText {
        @Parameters(paramLabel = "QUERY", description = "The query text.")
        String text;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the query from a file.")
        Path file;
    }

    @Override
    public Integer call() {
        String origin = query.file == null ? "query" : query.file.toString();
        String text = query.file == null ? query.text : read(query.file);
        // Parse before loading, so a malformed query fails fast.
        var parsed = QueryRunner.parse(origin, text);
        return source.answer(spec, format, graph -> graph.sparql(parsed));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ArgumentException("-f", file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ArgumentException("-f", file + ": the file cannot be read (permission denied)");
        } catch (CharacterCodingException e) {
            throw new DataException(file + ": the query file is not UTF-8 text");
        } catch (IOException e) {
            throw new ArgumentException("-f", file + ": cannot read the file (" + e.getMessage() + ")");
        }
    }
}

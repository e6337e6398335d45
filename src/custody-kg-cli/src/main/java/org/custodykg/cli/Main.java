package org.custodykg.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.custodykg.AnswerFormat;
import org.custodykg.ArgumentException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code custody} command: a thin shell over {@link org.custodykg.CustodyGraph}. */
@Command(name = "custody", mixinStandardHelpOptions = true, version = "custody-kg 0.1.0", scope = ScopeType.INHERIT,
        description = "Ask the custody knowledge graph who can get at people's data, and through which door.")
public final class Main {
    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            CommandLine.HelpCommand.class,
            AccessCommand.class,
            ExplainCommand.class,
            AskCommand.class,
            ListCommand.class,
            SparqlCommand.class,
            DescribeCommand.class,
            ImportCommand.class,
            SearchCommand.class,
            ValidateCommand.class,
            ServeCommand.class,
            ExportCommand.class,
            LoadCommand.class,
            PublishCommand.class,
            GenerateCommand.class,
            BenchCommand.class);

    /** Exit code: the command answered. */
    public static final int OK = 0;
    /** Exit code: the command line was wrong (unknown option, question, parameter or name). */
    public static final int USAGE = 2;
    /** Exit code: bad data or query text, or a store that cannot be used. */
    public static final int BAD_INPUT = 3;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "On failure, also print the stack trace.")
    private boolean debug;

    /** When this class was loaded: the end of the JVM's own start-up, for {@code --timings}. */
    static final long STARTED = System.nanoTime();

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line in-process, on stdout and stderr, and returns its exit code. */
    public static int run(String... args) {
        return commandLine(args)
                .setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true))
                .execute(args);
    }

    /**
     * The command line with its exit codes (see {@link Failures}): a bad argument exits with 2, bad data
     * or query text or an unusable store with 3, a defect with 1; the message on stderr. Set its out and
     * err to capture the output.
     */
    public static CommandLine commandLine() {
        return commandLine(COMMANDS);
    }

    /**
     * The command line for these arguments: when the first names a command, with that command alone
     * (picocli builds the model of every command it is given, by reflection, over classes the class-data
     * archive cannot hold: about a tenth of a second of a cold question for the fifteen others); else,
     * for the help, the version, or a mistyped command, with all of them.
     */
    static CommandLine commandLine(String... args) {
        for (Class<?> command : COMMANDS) {
            if (args.length > 0 && command != CommandLine.HelpCommand.class && name(command).equals(args[0])) {
                return commandLine(List.of(command));
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(List<Class<?>> commands) {
        Main main = new Main();
        CommandLine line = new CommandLine(main);
        commands.forEach(line::addSubcommand);
        return line.registerConverter(AnswerFormat.class, Main::answerFormat)
                .setParameterExceptionHandler((failure, args) -> Failures.usage(failure))
                .setExecutionExceptionHandler((failure, commandLine, parseResult) -> Failures.report(failure, commandLine, main.debug));
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** A format name as picocli expects a converter to refuse one: the message alone, picocli adds the option. */
    private static AnswerFormat answerFormat(String name) {
        try {
            return AnswerFormat.named(name);
        } catch (ArgumentException unknown) {
            throw new CommandLine.TypeConversionException(unknown.getMessage().replaceFirst("^format: ", ""));
        }
    }
}

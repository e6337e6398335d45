package org.custodykg.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code custody} command: a thin shell over {@link org.custodykg.CustodyGraph}. */
@Command(name = "custody", mixinStandardHelpOptions = true, version = "custody-kg 0.1.0",
        description = "Ask the custody knowledge graph who can get at people's data, and through which door.",
        subcommands = {
            CommandLine.HelpCommand.class,
            AccessCommand.class,
            ExplainCommand.class,
        })
public final class Main {
    /** Exit code: the command answered. */
    public static final int OK = 0;
    /** Exit code: the command line was wrong (unknown option, question, parameter or name). */
    public static final int USAGE = 2;
    /** Exit code: bad data or query text. */
    public static final int BAD_INPUT = 3;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line in-process and returns its exit code (for tests and embedders). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}

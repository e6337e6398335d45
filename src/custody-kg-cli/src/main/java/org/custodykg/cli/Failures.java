package org.custodykg.cli;

import java.io.PrintWriter;
import org.custodykg.CustodyException;
import org.custodykg.DataException;
import org.custodykg.ErrorCode;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line's one error path: every failure becomes one line on stderr (a data error may add one
 * line per problem found) and the exit code the README documents; a stack trace only with {@code --debug}.
 */
final class Failures {
    /** Exit code: a defect in custody-kg itself (the message asks for {@code --debug}). */
    static final int INTERNAL = 1;
    /** The longest a line of an error may be before its middle is cut out. */
    static final int MAX_LINE = 400;

    /** The one table from error code to exit code; the compiler holds it to every code there is. */
    private static int exitCode(ErrorCode code) {
        return switch (code) {
            case BAD_ARGUMENT, NOT_FOUND -> Main.USAGE;
            case BAD_DATA, BAD_QUERY, STORE_UNAVAILABLE, TIMEOUT, TOO_LARGE, REMOTE_FAILURE -> Main.BAD_INPUT;
            case INTERNAL -> INTERNAL;
        };
    }

    private Failures() {}

    /** Prints the failure for the command that met it and returns the exit code. */
    static int report(Exception failure, CommandLine command, boolean debug) {
        PrintWriter err = command.getErr();
        String prefix = command.getCommandSpec().qualifiedName() + ": ";
        if (failure instanceof CustodyException known) {
            String[] lines = withFlag(known, command).split("\\R", -1);
            err.println(prefix + printable(lines[0]));
            for (int i = 1; i < lines.length; i++) {
                err.println(printable(lines[i]));
            }
        } else {
            err.println(prefix + "internal error: " + printable(failure.getClass().getSimpleName() + ": "
                    + failure.getMessage()) + (debug ? "" : " (run again with --debug for the trace, and report it)"));
        }
        if (debug) {
            failure.printStackTrace(err);
        }
        err.flush();
        return failure instanceof CustodyException known ? exitCode(known.code()) : INTERNAL;
    }

    /** A command line picocli could not parse: one line and where the usage is, never the whole usage text. */
    static int usage(CommandLine.ParameterException failure) {
        CommandLine command = failure.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        PrintWriter err = command.getErr();
        err.println(name + ": " + printable(failure.getMessage()) + " (see '" + name + " --help')");
        err.flush();
        return Main.USAGE;
    }

    /**
     * The library names parameters ({@code store: …}); on the command line the user typed a flag, so a
     * parameter that is one of this command's options is shown as that flag ({@code --store: …}).
     */
    private static String withFlag(CustodyException failure, CommandLine command) {
        String message = failure.getMessage();
        if (failure instanceof DataException || failure.parameter().isEmpty()) {
            return message;
        }
        String parameter = failure.parameter().get();
        if (parameter.startsWith("-")) {
            return message;
        }
        OptionSpec option = command.getCommandSpec().findOption(parameter);
        if (option != null) {
            return option.longestName() + message.substring(parameter.length());
        }
        // a named question's parameters are typed as --NAME VALUE without being declared options
        boolean typedAsFlag = command.getUnmatchedArguments().stream()
                .anyMatch(arg -> arg.equals("--" + parameter) || arg.startsWith("--" + parameter + "="));
        return typedAsFlag ? "--" + message : message;
    }

    /** One printable line: control characters escaped, an over-long line cut in the middle. */
    static String printable(String line) {
        StringBuilder out = new StringBuilder(Math.min(line.length(), MAX_LINE + 16));
        line.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        if (out.length() <= MAX_LINE) {
            return out.toString();
        }
        int head = (MAX_LINE - 1) / 2;
        int tail = MAX_LINE - 1 - head;
        return out.substring(0, head) + "…" + out.substring(out.length() - tail);
    }
}

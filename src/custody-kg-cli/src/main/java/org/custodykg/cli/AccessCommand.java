package org.custodykg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custodykg.ArgumentException;
import org.custodykg.AccessAnswer;
import org.custodykg.present.RouteDiagram;
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
            description = "table (default), dot, mermaid, or svg (needs Graphviz's dot).")
    Format format;

    @Override
    void print(AccessAnswer answer, PrintWriter out) {
        switch (format) {
            case dot -> out.print(RouteDiagram.dot(answer.routes()));
            case mermaid -> out.print(RouteDiagram.mermaid(answer.routes()));
            case svg -> out.print(svg(RouteDiagram.dot(answer.routes())));
            default -> out.print(RouteTable.of(answer));
        }
    }

    /** Draws DOT text as SVG with Graphviz. @throws ArgumentException when dot is missing or fails */
    private static String svg(String dotText) {
        Path dot = graphvizDot();
        if (dot == null) {
            throw new ArgumentException("format", "svg needs Graphviz's 'dot' program is not on the PATH; install it"
                    + " (Debian: apt-get install graphviz) or use --format dot");
        }
        try {
            Process process = new ProcessBuilder(dot.toString(), "-Tsvg").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(dotText.getBytes(StandardCharsets.UTF_8));
            }
            String svg = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new ArgumentException("format", "svg: " + dot + " failed with exit code " + process.exitValue());
            }
            return svg;
        } catch (IOException e) {
            throw new ArgumentException("format", "svg: cannot run " + dot + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArgumentException("format", "svg: interrupted while " + dot + " was drawing");
        }
    }

    private static Path graphvizDot() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "dot");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}

package org.custodykg.cli;

import org.custodykg.Entity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.custodykg.ArgumentException;
import org.custodykg.reason.AccessDiagram;
import org.custodykg.AccessRoute;
import org.custodykg.Evidence;
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
    void print(List<AccessRoute> routes, PrintWriter out) {
        switch (format) {
            case dot -> out.print(AccessDiagram.dot(routes));
            case mermaid -> out.print(AccessDiagram.mermaid(routes));
            case svg -> out.print(svg(AccessDiagram.dot(routes)));
            default -> out.print(table(routes));
        }
    }

    static String table(List<AccessRoute> routes) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"authority", "route", "status", "data", "users in", "data held by", "keys held by",
            "instrument", "reviewed by", "obstacles"});
        for (AccessRoute r : routes) {
            rows.add(new String[] {r.authority().label(), r.kind().label(), r.status().label(),
                r.dataCategory().map(Entity::label).orElse("any"), r.usersIn().label(), labels(r.dataCustodians()),
                labels(r.keyHolders()), labels(r.instruments()), labels(r.reviewingAuthorities()),
                r.obstacles().stream().map(Evidence::fact).map(Entity::label).collect(Collectors.joining("; "))});
        }
        int[] widths = new int[rows.get(0).length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < widths.length; i++) {
                cells.add(String.format("%-" + widths[i] + "s", rows.get(r)[i]));
            }
            out.append(String.join(" | ", cells).stripTrailing()).append('\n');
            if (r == 0) {
                cells.replaceAll(c -> "-".repeat(c.length()));
                out.append(String.join("-+-", cells)).append('\n');
            }
        }
        return out.append(routes.size()).append(routes.size() == 1 ? " route\n" : " routes\n").toString();
    }

    static String labels(List<Entity> terms) {
        return terms.stream().map(Entity::label).collect(Collectors.joining(", "));
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

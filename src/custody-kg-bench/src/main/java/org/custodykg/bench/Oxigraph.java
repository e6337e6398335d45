package org.custodykg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.custodykg.Question;

/**
 * Runs the Oxigraph script ({@code src/custody-kg-bench/src/bench/node/oxigraph-bench.js}) under node on the same file and
 * the same bound questions, and reads its timings back. Parameters are bound as a VALUES block put
 * first in the query's syntax tree and the query is then printed, so Oxigraph runs the same SPARQL with
 * the same values.
 */
final class Oxigraph {
    private Oxigraph() {}

    /** One question's figures from Oxigraph. */
    record Timing(String name, int rows, double coldMs, double warmMs) {}

    /** What the script measured: its engine version, load time and per-question timings. */
    record Result(String engine, long triples, double loadMs, List<Timing> timings) {}

    static Result run(Path script, Path nodeModules, Path data, Path ontology, List<Question> questions,
            Map<String, Map<String, Node>> parameters, int runs, Path work, long timeoutMinutes)
            throws IOException, InterruptedException {
        JsonArray list = new JsonArray();
        for (Question question : questions) {
            Query query = question.query().cloneQuery();
            Map<String, Node> bound = parameters.getOrDefault(question.name(), Map.of());
            if (!bound.isEmpty()) {
                query.setQueryPattern(valuesFirst(query.getQueryPattern(), bound));
            }
            JsonObject entry = new JsonObject();
            entry.put("name", question.name());
            entry.put("sparql", query.toString());
            list.add(entry);
        }
        Path queries = work.resolve("oxigraph-queries.json");
        Files.writeString(queries, list.toString(), StandardCharsets.UTF_8);
        Path output = work.resolve("oxigraph-result.json");
        ProcessBuilder builder = new ProcessBuilder("node", "--max-old-space-size=8192", script.toString(), data.toString(),
                ontology.toString(), queries.toString(), Integer.toString(runs))
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("NODE_PATH", nodeModules.toAbsolutePath().toString());
        Process process = builder.start();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("Oxigraph run exceeded " + timeoutMinutes + " minutes");
        }
        if (process.exitValue() != 0) {
            throw new IOException("Oxigraph run failed with exit code " + process.exitValue());
        }
        JsonObject result = JSON.parse(Files.readString(output, StandardCharsets.UTF_8));
        List<Timing> timings = result.get("results").getAsArray().stream().map(JsonValue::getAsObject)
                .map(o -> new Timing(o.getString("name"), o.get("rows").getAsNumber().value().intValue(),
                        number(o, "coldMs"), number(o, "warmMs")))
                .toList();
        return new Result(result.getString("engine") + " (node " + result.getString("node") + ")",
                result.get("triples").getAsNumber().value().longValue(), number(result, "loadMs"), timings);
    }

    /**
     * The pattern with a one-row VALUES block in front, so that an engine evaluating left to right starts
     * from the bound values (a trailing VALUES block is joined only after the whole pattern is evaluated).
     */
    private static Element valuesFirst(Element pattern, Map<String, Node> bound) {
        BindingBuilder row = BindingFactory.builder();
        bound.forEach((name, value) -> row.add(Var.alloc(name), value));
        ElementData values = new ElementData(bound.keySet().stream().map(Var::alloc).toList(), List.of(row.build()));
        ElementGroup group = new ElementGroup();
        group.addElement(values);
        if (pattern instanceof ElementGroup existing) {
            existing.getElements().forEach(group::addElement);
        } else {
            group.addElement(pattern);
        }
        return group;
    }

    private static double number(JsonObject object, String key) {
        return object.get(key).getAsNumber().value().doubleValue();
    }
}

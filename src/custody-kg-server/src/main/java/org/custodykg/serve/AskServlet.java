package org.custodykg.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.QueryCancelledException;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyException;
import org.custodykg.CustodyGraph;
import org.custodykg.Answer;
import org.custodykg.AnswerFormat;
import org.custodykg.Parameter;
import org.custodykg.Question;

/**
 * The named questions over HTTP. {@code GET /ask} lists them as JSON (for the query page);
 * {@code GET /ask/{name}?param=value} answers one, through {@link CustodyGraph#ask}, so names resolve
 * exactly as on the command line. Unknown question: 404; bad or ambiguous value: 400 with the message.
 * Every answer carries an {@code ETag} (a digest of its body) and {@code Cache-Control: no-cache}: a
 * client that sends the tag back in {@code If-None-Match} gets 304 and no body while the data is unchanged.
 */
final class AskServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String FORMAT = "format";

    private final transient CustodyGraph graph;
    private final transient AnswerBodies bodies;

    /** @param bodies where the bodies written are kept */
    AskServlet(CustodyGraph graph, AnswerBodies bodies) {
        this.graph = graph;
        this.bodies = bodies;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            byte[] body = JSON.toString(catalogue()).getBytes(StandardCharsets.UTF_8);
            Responses.bytes(response, 200, "application/json;charset=utf-8", body);
            return;
        }
        String name = path.substring(1);
        Question question;
        try {
            question = graph.question(name);
        } catch (ArgumentException e) {
            ErrorResponses.send(request, response, HttpServletResponse.SC_NOT_FOUND, e);
            return;
        }
        try {
            Answer answer = graph.ask(question.name(), parameters(request));
            AnswerFormat format = AnswerNegotiation.choose(request, answer.kind());
            AnswerBodies.Body body = bodies.of(answer, format);
            response.setHeader("Vary", "Accept");
            response.setHeader("ETag", body.etag());
            response.setHeader("Cache-Control", "no-cache");
            if (AnswerBodies.matches(Collections.list(request.getHeaders("If-None-Match")), body.etag())) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            Responses.bytes(response, 200, format.mediaType() + ";charset=utf-8", body.bytes());
        } catch (RuntimeException e) {
            ErrorResponses.send(request, response, e);
        }
    }

    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((key, given) -> {
            if (FORMAT.equals(key)) {
                return;
            }
            if (given.length != 1) {
                throw new ArgumentException(key, "expected one value, got " + given.length);
            }
            values.put(key, given[0]);
        });
        return values;
    }

    private JsonArray catalogue() {
        JsonArray list = new JsonArray();
        for (Question question : graph.questions()) {
            JsonObject entry = new JsonObject();
            entry.put("name", question.name());
            entry.put("question", question.question());
            entry.put("description", question.description());
            JsonArray parameters = new JsonArray();
            for (Parameter parameter : question.parameters()) {
                JsonObject p = new JsonObject();
                p.put("name", parameter.name());
                p.put("type", parameter.type());
                p.put("description", parameter.description());
                parameters.add(p);
            }
            entry.put("parameters", parameters);
            JsonObject example = new JsonObject();
            question.example().forEach(example::put);
            entry.put("example", example);
            entry.put("sparql", question.query().serialize());
            list.add(entry);
        }
        return list;
    }
}

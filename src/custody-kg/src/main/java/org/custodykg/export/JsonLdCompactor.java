package org.custodykg.export;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.serialization.QuadsToJsonld;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.nquads.NQuadsReader;
import com.apicatalog.rdf.nquads.NQuadsReaderException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.custodykg.DataException;

/**
 * JSON-LD 1.1 compacted with the project's own {@code @context}. Jena's JSON-LD writer ignores a custom
 * context, so the sorted N-Triples lines go through Titanium instead: RDF to expanded JSON-LD (ordered),
 * then compaction against the context document passed as an object. The document loader refuses every
 * URL, so nothing is fetched from the network.
 */
final class JsonLdCompactor {
    /** Where the context lives on the classpath (the {@code ontology/} folder is packed into the jar). */
    static final String CONTEXT_RESOURCE = "custody-kg/ontology/context.jsonld";

    private static final DocumentLoader NO_NETWORK = (url, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "custody-kg fetches no documents: " + url);
    };

    private JsonLdCompactor() {}

    static String contextText() {
        try (InputStream in = JsonLdCompactor.class.getClassLoader().getResourceAsStream(CONTEXT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The JSON-LD context is missing from the classpath (" + CONTEXT_RESOURCE + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same object with {@code @context} as its first key, where a person reading the file looks. */
    private static JsonObject contextFirst(JsonObject compacted) {
        JsonObjectBuilder ordered = Json.createObjectBuilder();
        if (compacted.containsKey("@context")) {
            ordered.add("@context", compacted.get("@context"));
        }
        compacted.forEach((key, value) -> {
            if (!key.equals("@context")) {
                ordered.add(key, value);
            }
        });
        return ordered.build();
    }

    static void write(List<String> sortedLines, OutputStream out) throws IOException {
        JsonObject compacted;
        try {
            QuadsToJsonld toJsonLd = JsonLd.fromRdf().ordered(true);
            new NQuadsReader(new StringReader(String.join("\n", sortedLines) + "\n")).provide(toJsonLd);
            JsonArray expanded = toJsonLd.toJsonLd();
            compacted = JsonLd.compact(JsonDocument.of(expanded), JsonDocument.of(new StringReader(contextText())))
                    .ordered(true)
                    .loader(NO_NETWORK)
                    .get();
        } catch (JsonLdError | NQuadsReaderException | RdfConsumerException e) {
            throw new DataException("JSON-LD compaction failed: " + e.getMessage(), e);
        }
        StringWriter text = new StringWriter();
        try (JsonWriter json = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
            json.writeObject(contextFirst(compacted));
        }
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(text.toString().strip());
        writer.write('\n');
        writer.flush();
    }
}

package org.custodykg.serve;

import jakarta.servlet.http.HttpServletRequest;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.WebContent;
import org.custodykg.ArgumentException;
import org.custodykg.Answer;

/** Chooses the media type of an answer ({@code ?format=} first, then {@code Accept}) and writes it. */
final class AnswerFormat {
    private static final String TABLE_JSON = WebContent.contentTypeResultsJSON;
    private static final String TABLE_XML = WebContent.contentTypeResultsXML;
    private static final AcceptList TABLE_OFFER = AcceptList.create(
            TABLE_JSON, TABLE_XML, WebContent.contentTypeTextCSV, WebContent.contentTypeTextTSV);
    private static final AcceptList GRAPH_OFFER = AcceptList.create(
            WebContent.contentTypeTurtle, WebContent.contentTypeNTriples,
            WebContent.contentTypeJSONLD, WebContent.contentTypeRDFXML);
    private static final Map<String, String> TABLE_FORMATS = Map.of(
            "json", TABLE_JSON, "xml", TABLE_XML,
            "csv", WebContent.contentTypeTextCSV, "tsv", WebContent.contentTypeTextTSV);
    private static final Map<String, String> GRAPH_FORMATS = Map.of(
            "ttl", WebContent.contentTypeTurtle, "nt", WebContent.contentTypeNTriples,
            "jsonld", WebContent.contentTypeJSONLD, "json", WebContent.contentTypeJSONLD,
            "rdf", WebContent.contentTypeRDFXML, "xml", WebContent.contentTypeRDFXML);

    private AnswerFormat() {}

    /**
     * The media type to answer with.
     *
     * @throws ArgumentException naming {@code format} and the values allowed for this kind of answer
     */
    static String choose(HttpServletRequest request, Answer.Kind kind) {
        boolean graph = kind == Answer.Kind.GRAPH;
        String format = request.getParameter("format");
        if (format != null) {
            Map<String, String> known = graph ? GRAPH_FORMATS : TABLE_FORMATS;
            String type = known.get(format.toLowerCase(Locale.ROOT));
            if (type == null) {
                throw new ArgumentException("format", "expected one of "
                        + (graph ? "ttl, nt, jsonld, rdf" : "json, xml, csv, tsv") + " for this answer, got '" + format + "'");
            }
            return type;
        }
        AcceptList offer = graph ? GRAPH_OFFER : TABLE_OFFER;
        MediaType chosen = ConNeg.chooseContentType(request, offer, offer.entries().get(0));
        return chosen.getContentTypeStr();
    }

    /** Writes the answer in the chosen media type. */
    static void write(Answer answer, String mediaType, OutputStream out) {
        switch (answer.kind()) {
            case GRAPH -> {
                Lang lang = RDFLanguages.contentTypeToLang(mediaType);
                RDFDataMgr.write(out, answer.graph(), lang);
            }
            case TABLE -> {
                switch (mediaType) {
                    case TABLE_XML -> ResultSetFormatter.outputAsXML(out, answer.table().resultSet());
                    case WebContent.contentTypeTextCSV -> answer.table().writeCsv(out);
                    case WebContent.contentTypeTextTSV -> answer.table().writeTsv(out);
                    default -> answer.table().writeJson(out);
                }
            }
            case BOOLEAN -> {
                switch (mediaType) {
                    case TABLE_XML -> ResultSetFormatter.outputAsXML(out, answer.bool());
                    case WebContent.contentTypeTextCSV -> ResultSetFormatter.outputAsCSV(out, answer.bool());
                    case WebContent.contentTypeTextTSV -> ResultSetFormatter.outputAsTSV(out, answer.bool());
                    default -> ResultSetFormatter.outputAsJSON(out, answer.bool());
                }
            }
        }
    }
}

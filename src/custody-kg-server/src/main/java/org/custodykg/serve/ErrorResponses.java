package org.custodykg.serve;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.query.QueryCancelledException;
import org.custodykg.ArgumentException;
import org.custodykg.CustodyException;
import org.custodykg.ErrorCode;

/**
 * The server's one error path: the one table from error code to HTTP status, and one error body, as
 * JSON ({@code {"error": message, "code": …, "status": …, "parameter": …, "candidates": […]}}, the default), HTML for a
 * browser, or plain text when asked for. Never a stack trace.
 */
final class ErrorResponses {
    private static final MediaType JSON = MediaType.create("application/json");
    private static final MediaType HTML = MediaType.create("text/html");
    private static final MediaType TEXT = MediaType.create("text/plain");
    private static final AcceptList OFFER = AcceptList.create(JSON.getContentTypeStr(), HTML.getContentTypeStr(),
            TEXT.getContentTypeStr());
    private static final List<String> REPRESENTATION_HEADERS = List.of("Content-Location", "Link", "ETag", "Last-Modified",
            CustodyServer.TRUNCATED_HEADER, CustodyServer.MAX_ROWS_HEADER);

    /** The one table from error code to HTTP status; the compiler holds it to every code there is. */
    private static int status(ErrorCode code) {
        return switch (code) {
            case BAD_ARGUMENT, BAD_QUERY -> HttpServletResponse.SC_BAD_REQUEST;
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            // bad data in the served graph is the server's fault, not the client's
            case BAD_DATA, INTERNAL -> HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
            case STORE_UNAVAILABLE, TIMEOUT -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            case TOO_LARGE -> HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            case REMOTE_FAILURE -> HttpServletResponse.SC_BAD_GATEWAY;
        };
    }

    private ErrorResponses() {}

    /** The failure as a custody-kg error: a timeout or an unexpected exception get their codes here. */
    static CustodyException of(RuntimeException failure) {
        if (failure instanceof CustodyException known) {
            return known;
        }
        if (failure instanceof QueryCancelledException) {
            return new CustodyException(ErrorCode.TIMEOUT, "the question took longer than the server allows");
        }
        return new CustodyException(ErrorCode.INTERNAL, null, "internal error (" + failure.getClass().getSimpleName()
                + "); the server's log has the details", failure);
    }

    /** Sends the failure with the status its code maps to. */
    static void send(HttpServletRequest request, HttpServletResponse response, RuntimeException failure) throws IOException {
        CustodyException error = of(failure);
        send(request, response, status(error.code()), error);
    }

    /**
     * Sends the failure in place of an answer begun but not committed: what was written goes, and so do
     * the headers of the representation that is not sent; the server's own (security, CORS) stay.
     */
    static void instead(HttpServletRequest request, HttpServletResponse response, RuntimeException failure) throws IOException {
        response.resetBuffer();
        REPRESENTATION_HEADERS.forEach(header -> response.setHeader(header, null));
        send(request, response, failure);
    }

    /** Sends the failure with a status the request's path decides (a question missing from /ask/NAME is a 404). */
    static void send(HttpServletRequest request, HttpServletResponse response, int status, CustodyException error)
            throws IOException {
        MediaType chosen = ConNeg.chooseContentType(request, OFFER, JSON);
        String type = chosen.getContentTypeStr();
        String message = error.getMessage();
        String body;
        if (type.equals(HTML.getContentTypeStr())) {
            body = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status
                    + " " + error.code().id() + "</title><link rel=\"stylesheet\" href=\"/web/style.css\"></head>"
                    + "<body><main><h1>" + status + " " + Html.escape(error.code().id()) + "</h1><p class=\"error\">"
                    + Html.escape(message) + "</p><p><a href=\"/\">custody-kg</a></p></main></body></html>\n";
        } else if (type.equals(TEXT.getContentTypeStr())) {
            body = message + "\n";
        } else {
            JsonObject json = new JsonObject();
            json.put("error", message);
            json.put("code", error.code().id());
            json.put("status", status);
            error.parameter().ifPresent(p -> json.put("parameter", p));
            if (error instanceof ArgumentException argument && !argument.candidates().isEmpty()) {
                // what an ambiguous or unknown name could mean, for a client to offer without parsing the message
                JsonArray candidates = new JsonArray();
                argument.candidates().forEach(candidates::add);
                json.put("candidates", candidates);
            }
            body = json.toString();
        }
        response.setHeader("Vary", "Accept");
        Responses.bytes(response, status, type + ";charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }
}

package org.custodykg.serve;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;
import org.custodykg.Answer;
import org.custodykg.AnswerFormat;
import org.custodykg.ArgumentException;

/**
 * Chooses the format of an answer over HTTP: {@code ?format=} first (the names the command line takes),
 * then {@code Accept}, among the formats that fit the kind of answer; JSON results or Turtle by default.
 */
final class AnswerNegotiation {
    private AnswerNegotiation() {}

    /** @throws ArgumentException naming {@code format} when the name is unknown or does not fit the answer */
    static AnswerFormat choose(HttpServletRequest request, Answer.Kind kind) {
        String format = request.getParameter("format");
        if (format != null) {
            return AnswerFormat.named(format).forKind(kind);
        }
        List<AnswerFormat> fitting = AnswerFormat.fitting(kind);
        AcceptList offer = AcceptList.create(fitting.stream().map(AnswerFormat::mediaType).toArray(String[]::new));
        MediaType chosen = ConNeg.chooseContentType(request, offer, offer.entries().get(0));
        return AnswerFormat.ofMediaType(chosen.getContentTypeStr(), kind).orElse(fitting.get(0));
    }
}

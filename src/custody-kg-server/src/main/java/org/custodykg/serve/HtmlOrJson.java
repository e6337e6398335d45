package org.custodykg.serve;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;

/** For pages offered to people and programs alike: HTML unless the request asks for JSON (by Accept, or {@code format=json}). */
final class HtmlOrJson {
    private static final MediaType HTML = MediaType.create("text/html");
    private static final AcceptList OFFER = AcceptList.create("text/html", "application/json");

    private HtmlOrJson() {}

    static boolean wantsJson(HttpServletRequest request) {
        if ("json".equals(request.getParameter("format"))) {
            return true;
        }
        return "application/json".equals(ConNeg.chooseContentType(request, OFFER, HTML).getContentTypeStr());
    }
}

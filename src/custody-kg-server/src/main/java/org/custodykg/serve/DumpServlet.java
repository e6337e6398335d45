package org.custodykg.serve;

import org.custodykg.ErrorCode;
import org.custodykg.CustodyException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.custodykg.CustodyGraph;
import org.custodykg.ExportFormat;
import org.custodykg.ExportPart;

/** Serves the whole graph as a dump, {@code /dumps/custody-kg.EXT} for every export format. */
final class DumpServlet extends HttpServlet {
    static final String FILE_STEM = "custody-kg.";

    private final transient CustodyGraph graph;

    DumpServlet(CustodyGraph graph) {
        this.graph = graph;
    }

    /** The path of a format's dump, under the servlet's mount point {@code /dumps}. */
    static String path(ExportFormat format) {
        return "/dumps/" + FILE_STEM + format.extension();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        for (ExportFormat format : ExportFormat.values()) {
            if (name.equals(FILE_STEM + format.extension())) {
                resp.setContentType(format.mediaType() + ";charset=utf-8");
                OutputStream out = resp.getOutputStream();
                try {
                    graph.export(format, ExportPart.ALL, out);
                } catch (RuntimeException failure) {
                    if (resp.isCommitted()) {
                        // Part of the dump is on its way under a 200: leave the stream open, so the failure
                        // reaches the container, which cuts the connection before the answer's end. A
                        // client then sees a broken transfer, never a complete dump that is not whole.
                        throw failure;
                    }
                    resp.reset();
                    ErrorResponses.send(req, resp, failure);
                    return;
                }
                out.close();
                return;
            }
        }
        ErrorResponses.send(req, resp, new CustodyException(ErrorCode.NOT_FOUND, "the dumps are custody-kg.{"
                + String.join(",", java.util.Arrays.stream(ExportFormat.values()).map(ExportFormat::extension).toList()) + "}"));
    }
}

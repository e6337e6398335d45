package org.custodykg.serve;

import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.custodykg.CustodyKg;

/**
 * Writes HTML for people. Every piece of text from the data goes through {@link #text}, so no label or
 * quotation can inject markup. IRIs under the public base link to this server's own pages, so the
 * links work wherever the server runs; other IRIs link out.
 */
final class Html {
    /** The schemes a page links to; any other IRI is shown as text. */
    private static final Pattern LINKABLE = Pattern.compile("(?i)(https?|mailto):");

    private final StringBuilder out = new StringBuilder(8192);
    private final LocalLinks links;
    private final Graph labels;

    Html(LocalLinks links, Graph labels) {
        this.links = links;
        this.labels = labels;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Appends markup written by this code (never data). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends text, escaped. */
    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** The start of a page: title, the alternate formats as {@code <link>}s, a small style sheet. */
    Html head(String title, String alternatesBase) {
        return head(title, alternatesBase, "");
    }

    /** The start of a page whose search box shows the words searched for. */
    Html head(String title, String alternatesBase, String searched) {
        raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").text(title)
                .raw(" — custody-kg</title>\n");
        if (alternatesBase != null) {
            for (Representation r : Representation.values()) {
                raw("<link rel=\"alternate\" type=\"").raw(r.mediaType()).raw("\" href=\"")
                        .text(alternatesBase + "." + r.suffix()).raw("\">\n");
            }
        }
        // a style sheet of its own, not inline: the Content-Security-Policy allows only this server's files
        raw("<link rel=\"stylesheet\" href=\"").text(links.contextPath() + "/web/page.css").raw("\"></head>\n<body>\n");
        String root = links.contextPath();
        return raw("<nav><a href=\"").text(root + "/").raw("\">custody-kg: query</a> · <a href=\"").text(root + "/ontology")
                .raw("\">ontology</a> · <a href=\"").text(root + VoidServlet.HTML_PATH).raw("\">about the dataset</a></nav>\n")
                .searchBox(searched);
    }

    /** A link: the href and the text both escaped. */
    Html link(String href, String text) {
        return raw("<a href=\"").text(href).raw("\">").text(text).raw("</a>");
    }

    /** An IRI with its label: a link to this server's page, or out for http(s) and mailto; other schemes as text. */
    Html entity(String iri, String label) {
        Optional<String> local = links.localPath(iri);
        if (local.isEmpty() && !LINKABLE.matcher(iri).lookingAt()) {
            // javascript:, data: and the like are shown, never followed
            return raw("<code>").text(iri).raw("</code>");
        }
        return link(local.orElse(iri), label);
    }

    /** The search box every page has at its top ({@code /search}), and a link to browse. */
    private Html searchBox(String value) {
        return raw("<form class=\"search\" role=\"search\" action=\"").text(links.contextPath() + "/search")
                .raw("\"><input type=\"search\" name=\"q\" id=\"search-box\" aria-label=\"Search the graph\" value=\"")
                .text(value).raw("\"> <button type=\"submit\" id=\"search-button\">Search</button> <a href=\"")
                .text(links.contextPath() + "/id/").raw("\">Browse</a></form>\n");
    }

    /** A term as people read it: a link with its label for an IRI, the lexical form for a literal. */
    Html term(Node node) {
        if (node.isURI()) {
            return entity(node.getURI(), label(node));
        }
        if (node.isLiteral()) {
            return text(node.getLiteralLexicalForm());
        }
        return raw("<em>(anonymous)</em>");
    }

    /** The node's English or plain label, or its prefixed name, or its IRI. */
    String label(Node node) {
        String label = CustodyKg.label(labels, node);
        // no label and no prefix: the IRI itself, without the angle brackets of SPARQL and Turtle
        return node.isURI() && label.equals("<" + node.getURI() + ">") ? node.getURI() : label;
    }

    Html end() {
        return raw("</body></html>\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}

package org.custodykg.present;

/**
 * Writes SVG markup. Every piece of text from the graph goes through {@link #text}, so no label can add
 * markup; styling is by presentation attributes only (no {@code <style>} and no {@code style=}), which a
 * page's Content-Security-Policy of {@code style-src 'self'} allows when the picture is inlined.
 */
final class Svg {
    static final int CHAR_WIDTH = 7;
    static final int LINE_HEIGHT = 15;
    private final StringBuilder out = new StringBuilder(8192);

    /** Appends markup written by this code (never data). */
    Svg raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends text, escaped for XML; characters XML 1.0 cannot hold become U+FFFD. */
    Svg text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean surrogatePair = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    if (surrogatePair) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c)
                            || c == '\uFFFE' || c == '\uFFFF') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return this;
    }

    /** A rectangle; {@code dash} is empty for a solid border. */
    Svg rect(int x, int y, int width, int height, int radius, String fill, String stroke, int strokeWidth, String dash) {
        raw("<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + width + "\" height=\"" + height + "\"");
        if (radius > 0) {
            raw(" rx=\"" + radius + "\"");
        }
        raw(" fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"" + strokeWidth + "\"");
        if (!dash.isEmpty()) {
            raw(" stroke-dasharray=\"" + dash + "\"");
        }
        return raw("/>\n");
    }

    /** One line of text with its baseline at y; {@code attributes} are written by this code. */
    Svg line(int x, int y, String cssClass, String attributes, String text) {
        raw("<text class=\"" + cssClass + "\" x=\"" + x + "\" y=\"" + y + "\"" + attributes + ">");
        return text(text).raw("</text>\n");
    }

    /** An arrow from (x1, y1) to (x2, y2) with a filled head. */
    Svg arrow(int x1, int y1, int x2, int y2) {
        double angle = Math.atan2(y2 - y1, x2 - x1);
        long ax = Math.round(x2 - 9 * Math.cos(angle - 0.4));
        long ay = Math.round(y2 - 9 * Math.sin(angle - 0.4));
        long bx = Math.round(x2 - 9 * Math.cos(angle + 0.4));
        long by = Math.round(y2 - 9 * Math.sin(angle + 0.4));
        return raw("<g class=\"arrow\"><line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2
                + "\" stroke=\"#555555\" stroke-width=\"1.5\"/><polygon points=\"" + x2 + "," + y2 + " " + ax + "," + ay
                + " " + bx + "," + by + "\" fill=\"#555555\"/></g>\n");
    }

    /** The width text of this many characters takes, estimated (no font metrics: the same on every machine). */
    static int width(int characters) {
        return characters * CHAR_WIDTH;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}

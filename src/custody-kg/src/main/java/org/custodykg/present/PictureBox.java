package org.custodykg.present;

import java.util.ArrayList;
import java.util.List;

/**
 * One box of an access picture: what it stands for (its role, which gives its class, caption and colours)
 * and its label, wrapped; sized to its text.
 */
record PictureBox(Role role, List<String> lines) {
    static final int PADDING = 8;
    private static final int WRAP = 32;

    /** What a box stands for: its class in the SVG, the caption above its label, its colours and corners. */
    enum Role {
        AUTHORITY("authority", "", "#e8eef7", "#34495e", 0),
        DOOR("door", "", "#ffffff", "#444444", 0),
        INSTRUMENT("instrument", "under", "#f5f5f5", "#666666", 0),
        REVIEWER("reviewer", "reviewed by", "#f3e8fd", "#6f42c1", 12),
        RELAY("relay", "routed via", "#e3effb", "#0b5cad", 12),
        THROUGH("through", "reached through", "#f5f5f5", "#666666", 0),
        OBSTACLE("obstacle", "blocked by", "#fde7e7", "#b3261e", 0),
        POSSIBLE_OBSTACLE("possible-obstacle", "may be blocked by (announcement window open)", "#fff8e1", "#9a7400", 0),
        PRESUMPTION("presumption", "presumes (no source states it)", "#fffbe6", "#8a6d00", 0),
        CUSTODIAN("custodian", "data held by", "#ffffff", "#444444", 4),
        KEY_HOLDER("key-holder", "keys held by", "#ffffff", "#444444", 4),
        DATA("data", "the data", "#fdf6e3", "#7a5c00", 4),
        NO_ROUTE("no-route-reason", "", "#f1f1f1", "#6b6b6b", 0);

        final String cssClass;
        final String caption;
        final String fill;
        final String stroke;
        final int radius;

        Role(String cssClass, String caption, String fill, String stroke, int radius) {
            this.cssClass = cssClass;
            this.caption = caption;
            this.fill = fill;
            this.stroke = stroke;
            this.radius = radius;
        }
    }

    /** A box whose label, then each further line, is wrapped to lines of about 32 characters. */
    static PictureBox of(Role role, String label, String... further) {
        List<String> lines = new ArrayList<>(wrap(label, WRAP));
        for (String line : further) {
            lines.addAll(wrap(line, WRAP));
        }
        return new PictureBox(role, lines);
    }

    int width() {
        int longest = role.caption.length();
        for (String line : lines) {
            longest = Math.max(longest, line.length());
        }
        return Svg.width(longest) + 2 * PADDING;
    }

    int height() {
        return (lines.size() + (role.caption.isEmpty() ? 0 : 1)) * Svg.LINE_HEIGHT + PADDING;
    }

    /** Draws the box with its top left corner at (x, y); the door box takes the route's status and grade. */
    void draw(Svg svg, int x, int y, String stroke, String dash) {
        svg.raw("<g class=\"box " + role.cssClass + "\">\n");
        svg.rect(x, y, width(), height(), role.radius, role.fill, stroke, role == Role.DOOR ? 2 : 1, dash);
        int baseline = y + PADDING / 2 + Svg.LINE_HEIGHT - 3;
        if (!role.caption.isEmpty()) {
            svg.line(x + PADDING, baseline, "role", " font-size=\"10\" font-style=\"italic\" fill=\"#555555\"", role.caption);
            baseline += Svg.LINE_HEIGHT;
        }
        for (String line : lines) {
            svg.line(x + PADDING, baseline, "label", "", line);
            baseline += Svg.LINE_HEIGHT;
        }
        svg.raw("</g>\n");
    }

    void draw(Svg svg, int x, int y) {
        draw(svg, x, y, role.stroke, "");
    }

    /** The text cut at spaces into lines of at most {@code max} characters; a longer word is cut at {@code max}. */
    static List<String> wrap(String text, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            while (word.length() > max) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, max));
                word = word.substring(max);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}

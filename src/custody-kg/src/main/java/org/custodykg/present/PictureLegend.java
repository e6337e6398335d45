package org.custodykg.present;

import java.util.List;
import org.custodykg.present.PictureBox.Role;

/** The key under an access picture: the colour of each status, the border of each grade, the distinct boxes. */
final class PictureLegend {
    private static final int SWATCH = 24;
    private static final int ROW = 22;
    private static final int ITEM_GAP = 18;
    private static final int TITLE = 60;
    private static final List<String[]> STATUSES = List.of(new String[] {"open", "open: the data can be obtained"},
            new String[] {"blocked", "blocked: an obstacle is in force"}, new String[] {"closed", "closed: no route"});
    private static final List<String[]> GRADES = List.of(new String[] {"stated", "stated by a source"},
            new String[] {"derived", "derived from stated facts"}, new String[] {"assumed", "assumed: rests on a presumption"});
    private static final List<Role> ROLES = List.of(Role.REVIEWER, Role.RELAY, Role.OBSTACLE);

    private PictureLegend() {}

    static int height() {
        return 3 * ROW;
    }

    static int width() {
        return Math.max(rowWidth(STATUSES.stream().map(s -> s[1]).toList()),
                Math.max(rowWidth(GRADES.stream().map(g -> g[1]).toList()), rowWidth(ROLES.stream().map(r -> r.caption).toList())));
    }

    private static int rowWidth(List<String> labels) {
        return TITLE + labels.stream().mapToInt(PictureLegend::itemWidth).sum();
    }

    private static int itemWidth(String label) {
        return SWATCH + 6 + Svg.width(label.length()) + ITEM_GAP;
    }

    /** Draws the legend with its top left corner at (x, y). */
    static void draw(Svg svg, int x, int y) {
        svg.raw("<g class=\"legend\">\n");
        svg.line(x, y + 15, "legend-title", " font-weight=\"bold\"", "status");
        int itemX = x + TITLE;
        for (String[] status : STATUSES) {
            itemX = item(svg, itemX, y, "status " + status[0], RouteLook.fill(status[0]), RouteLook.stroke(status[0]), "", 0, status[1]);
        }
        svg.line(x, y + ROW + 15, "legend-title", " font-weight=\"bold\"", "grade");
        itemX = x + TITLE;
        for (String[] grade : GRADES) {
            itemX = item(svg, itemX, y + ROW, "grade " + grade[0], "#ffffff", "#444444", RouteLook.dash(grade[0]), 0, grade[1]);
        }
        svg.line(x, y + 2 * ROW + 15, "legend-title", " font-weight=\"bold\"", "boxes");
        itemX = x + TITLE;
        for (Role role : ROLES) {
            itemX = item(svg, itemX, y + 2 * ROW, "box " + role.cssClass, role.fill, role.stroke, "", role.radius / 2, role.caption);
        }
        svg.raw("</g>\n");
    }

    private static int item(Svg svg, int x, int y, String cssClass, String fill, String stroke, String dash, int radius, String label) {
        svg.raw("<g class=\"legend-item " + cssClass + "\">\n");
        svg.rect(x, y + 3, SWATCH, 14, radius, fill, stroke, 2, dash);
        svg.line(x + SWATCH + 6, y + 15, "label", "", label);
        svg.raw("</g>\n");
        return x + itemWidth(label);
    }
}

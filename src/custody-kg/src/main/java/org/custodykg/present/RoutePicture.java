package org.custodykg.present;

import java.util.ArrayList;
import java.util.List;
import org.custodykg.AccessAnswer;

/**
 * An access answer as one SVG picture, drawn here without any external program: a heading with the
 * question, the answer's notes (the date, why there is no route), one lane per route read left to right
 * (authority, door, holders, data; coloured by status, bordered by grade), and a legend. An answer
 * without routes draws one lane that says why. Columns line up across lanes; boxes are sized to their
 * labels with a fixed character width, so the same answer gives the same bytes on every machine.
 */
public final class RoutePicture {
    /** The media type of {@link #svg}. */
    public static final String MEDIA_TYPE = "image/svg+xml";
    private static final int MARGIN = 16;
    private static final int NOTE_WRAP = 110;
    private static final int LANE_GAP = 12;

    private RoutePicture() {}

    /**
     * The picture as a standalone SVG document (no XML declaration, so the same text can be inlined in an
     * HTML page); every label is escaped.
     */
    public static String svg(AccessAnswer answer) {
        List<RouteLane> lanes = new ArrayList<>();
        for (int i = 0; i < answer.routes().size(); i++) {
            lanes.add(RouteLane.of(i + 1, answer.routes().get(i)));
        }
        if (lanes.isEmpty()) {
            lanes.add(RouteLane.none(answer.authority(), answer.service(), answer.noRoute().orElse("no route")));
        }
        int[] columnX = new int[RouteLane.COLUMNS];
        int x = MARGIN + RouteLane.PADDING;
        for (int c = 0; c < RouteLane.COLUMNS; c++) {
            columnX[c] = x;
            final int column = c;
            x += lanes.stream().mapToInt(l -> l.columnWidth(column)).max().orElse(0) + RouteLane.COLUMN_GAP;
        }
        int laneWidth = x - RouteLane.COLUMN_GAP + RouteLane.PADDING - MARGIN;
        for (RouteLane lane : lanes) {
            laneWidth = Math.max(laneWidth, lane.headingWidth());
        }
        int count = answer.routes().size();
        String heading = answer.authority().label() + " → " + answer.service().label() + ": "
                + count + (count == 1 ? " route" : " routes");
        List<String> notes = new ArrayList<>();
        for (String note : answer.notes()) {
            // without routes, the lane says why; with routes, why none lets the data through is a note
            if (count > 0 || !answer.noRoute().map(note::equals).orElse(false)) {
                notes.addAll(PictureBox.wrap(note, NOTE_WRAP));
            }
        }
        int width = Math.max(Math.max(laneWidth, PictureLegend.width()), Svg.width(heading.length() + 2));
        for (String note : notes) {
            width = Math.max(width, Svg.width(note.length()));
        }

        Svg body = new Svg();
        int y = MARGIN + 16;
        body.line(MARGIN, y, "heading", " font-size=\"15\" font-weight=\"bold\"", heading);
        for (String note : notes) {
            y += Svg.LINE_HEIGHT + 1;
            body.line(MARGIN, y, "note", " fill=\"#333333\"", note);
        }
        y += 14;
        for (RouteLane lane : lanes) {
            lane.draw(body, MARGIN, y, laneWidth, columnX);
            y += lane.height() + LANE_GAP;
        }
        PictureLegend.draw(body, MARGIN, y + 4);
        int totalWidth = width + 2 * MARGIN;
        int totalHeight = y + 4 + PictureLegend.height() + MARGIN;

        Svg svg = new Svg();
        svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"access-picture\" role=\"img\" width=\"" + totalWidth
                + "\" height=\"" + totalHeight + "\" viewBox=\"0 0 " + totalWidth + " " + totalHeight
                + "\" font-family=\"sans-serif\" font-size=\"12\">\n<title>");
        svg.text("Access paths from " + answer.authority().label() + " to " + answer.service().label() + "'s data, "
                + answer.dateNote()).raw("</title>\n");
        svg.rect(0, 0, totalWidth, totalHeight, 0, "#ffffff", "none", 0, "");
        return svg.raw(body.toString()).raw("</svg>\n").toString();
    }
}

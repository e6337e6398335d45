package org.custodykg.present;

import java.util.ArrayList;
import java.util.List;
import org.custodykg.AccessRoute;
import org.custodykg.Entity;
import org.custodykg.present.PictureBox.Role;

/**
 * One route as a lane read left to right, in four columns: the authority; the door (kind, status,
 * grade) with the instrument, reviewer, relaying government, carrier route, obstacles and presumptions;
 * who holds the data and the keys, and where; the service's data. Arrows join the columns.
 */
final class RouteLane {
    static final int COLUMNS = 4;
    static final int HEADING = 24;
    static final int PADDING = 12;
    static final int COLUMN_GAP = 44;
    static final int BOX_GAP = 8;
    private final List<List<PictureBox>> columns = new ArrayList<>();
    private final String heading;
    private final String cssClass;
    private final String status;
    private final String grade;

    private RouteLane(String heading, String cssClass, String status, String grade) {
        this.heading = heading;
        this.cssClass = cssClass;
        this.status = status;
        this.grade = grade;
        for (int i = 0; i < COLUMNS; i++) {
            columns.add(new ArrayList<>());
        }
    }

    /** The lane of one route, headed by its number. */
    static RouteLane of(int number, AccessRoute r) {
        String status = RouteLook.cssClass(r.status());
        String grade = RouteLook.cssClass(r.grade());
        RouteLane lane = new RouteLane(number + ". " + r.kind().label() + ": " + r.status().label() + ", " + r.grade().label(),
                "route " + status + " " + grade, status, grade);
        lane.add(0, PictureBox.of(Role.AUTHORITY, r.authority().label()));
        lane.add(1, PictureBox.of(Role.DOOR, r.kind().label(), r.status().label() + " · " + r.grade().label()));
        r.instruments().forEach(t -> lane.add(1, PictureBox.of(Role.INSTRUMENT, t.label())));
        r.reviewingAuthorities().forEach(t -> lane.add(1, PictureBox.of(Role.REVIEWER, t.label())));
        r.relayingAuthorities().forEach(t -> lane.add(1, PictureBox.of(Role.RELAY, t.label())));
        r.reachedThrough().ifPresent(t -> lane.add(1, PictureBox.of(Role.THROUGH, t.label())));
        r.obstacles().forEach(e -> lane.add(1, PictureBox.of(Role.OBSTACLE, e.fact().label())));
        r.possibleObstacles().forEach(e -> lane.add(1, PictureBox.of(Role.POSSIBLE_OBSTACLE, e.fact().label())));
        r.presumptions().forEach(t -> lane.add(1, PictureBox.of(Role.PRESUMPTION, t.label())));
        r.dataCustodians().forEach(t -> lane.add(2, holder(Role.CUSTODIAN, t, r.dataLocations())));
        r.keyHolders().forEach(t -> lane.add(2, holder(Role.KEY_HOLDER, t, r.keyLocations())));
        lane.add(3, data(r.service(), r.dataCategory().map(Entity::label).orElse("any data"), r.usersIn().label()));
        return lane;
    }

    /** The lane of an answer without routes: the authority, why there is none, the service's data. */
    static RouteLane none(Entity authority, Entity service, String why) {
        RouteLane lane = new RouteLane("why there is no route", "no-route", "closed", "none");
        lane.add(0, PictureBox.of(Role.AUTHORITY, authority.label()));
        lane.add(1, PictureBox.of(Role.NO_ROUTE, why));
        lane.add(3, PictureBox.of(Role.DATA, service.label()));
        return lane;
    }

    private static PictureBox holder(Role role, Entity holder, List<Entity> places) {
        return places.isEmpty() ? PictureBox.of(role, holder.label())
                : PictureBox.of(role, holder.label(), "in " + RouteTable.labels(places));
    }

    private static PictureBox data(Entity service, String category, String usersIn) {
        return PictureBox.of(Role.DATA, service.label(), category, "of users in " + usersIn);
    }

    private void add(int column, PictureBox box) {
        columns.get(column).add(box);
    }

    /** The widest box of a column. */
    int columnWidth(int column) {
        return columns.get(column).stream().mapToInt(PictureBox::width).max().orElse(0);
    }

    int height() {
        int tallest = 0;
        for (List<PictureBox> column : columns) {
            int stack = column.stream().mapToInt(b -> b.height() + BOX_GAP).sum() - BOX_GAP;
            tallest = Math.max(tallest, stack);
        }
        return HEADING + tallest + PADDING;
    }

    int headingWidth() {
        return Svg.width(heading.length()) + 2 * PADDING;
    }

    /**
     * Draws the lane at (x, y), {@code width} wide, with the columns starting at {@code columnX}: an arrow from
     * the authority to the door, from the door to each holder, from each holder to the data (from the door
     * straight to the data when no holder is named).
     */
    void draw(Svg svg, int x, int y, int width, int[] columnX) {
        svg.raw("<g class=\"" + cssClass + "\">\n");
        svg.rect(x, y, width, height(), 6, RouteLook.fill(status), RouteLook.stroke(status), 2, RouteLook.dash(grade));
        svg.line(x + PADDING, y + 17, "lane-heading", " font-weight=\"bold\"", heading);
        int top = y + HEADING;
        List<int[]> previous = List.of();
        for (int c = 0; c < COLUMNS; c++) {
            int boxY = top;
            List<int[]> ends = new ArrayList<>();
            for (PictureBox box : columns.get(c)) {
                boolean door = box.role() == Role.DOOR || box.role() == Role.NO_ROUTE;
                if (door) {
                    box.draw(svg, columnX[c], boxY, RouteLook.stroke(status), RouteLook.dash(grade));
                } else {
                    box.draw(svg, columnX[c], boxY);
                }
                // in the door's column only the door takes arrows: the boxes under it say what the door is
                if (c != 1 || door) {
                    ends.add(new int[] {columnX[c], columnX[c] + box.width(), boxY + box.height() / 2});
                }
                boxY += box.height() + BOX_GAP;
            }
            if (ends.isEmpty()) {
                continue;
            }
            // no route: nothing leads to the data
            boolean shut = c == COLUMNS - 1 && cssClass.equals("no-route");
            for (int[] from : shut ? List.<int[]>of() : previous) {
                for (int[] to : ends) {
                    svg.arrow(from[1], from[2], to[0] - 2, to[2]);
                }
            }
            previous = ends;
        }
        svg.raw("</g>\n");
    }
}

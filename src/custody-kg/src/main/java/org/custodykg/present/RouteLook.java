package org.custodykg.present;

import java.util.Map;
import org.custodykg.Entity;

/**
 * How a route's status and grade look: the status gives the colours (green open, amber blocked, grey
 * closed), the grade the border (solid stated, dashed derived, dotted assumed); both name a class.
 */
final class RouteLook {
    private static final Map<String, String> CLASSES = Map.of("RouteOpen", "open", "RouteBlocked", "blocked",
            "RouteClosed", "closed", "Stated", "stated", "Derived", "derived", "Assumed", "assumed");

    private RouteLook() {}

    /**
     * A status's or grade's class: {@code open}, {@code blocked}, {@code closed}; {@code stated},
     * {@code derived}, {@code assumed}; {@code unknown} for a term this code does not know.
     */
    static String cssClass(Entity statusOrGrade) {
        String iri = statusOrGrade.iri();
        return CLASSES.getOrDefault(iri.substring(iri.lastIndexOf('#') + 1), "unknown");
    }

    static String stroke(String statusClass) {
        return switch (statusClass) {
            case "open" -> "#1a7f37";
            case "blocked" -> "#b35c00";
            default -> "#6b6b6b";
        };
    }

    static String fill(String statusClass) {
        return switch (statusClass) {
            case "open" -> "#e9f6ec";
            case "blocked" -> "#fff2e0";
            default -> "#f1f1f1";
        };
    }

    /** The border's dash pattern: empty (solid) for stated, and for a lane without a route. */
    static String dash(String gradeClass) {
        return switch (gradeClass) {
            case "derived" -> "7 4";
            case "assumed" -> "2 3";
            default -> "";
        };
    }
}

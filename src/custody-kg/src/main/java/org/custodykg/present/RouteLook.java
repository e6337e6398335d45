package org.custodykg.present;

import org.custodykg.Entity;

/**
 * How a route's status and grade look: the status gives the colours (green open, amber blocked, grey
 * closed), the grade the border (solid stated, dashed derived, dotted assumed); both name a class.
 */
final class RouteLook {
    private RouteLook() {}

    /** {@code open}, {@code blocked}, {@code closed}, or {@code unknown} for a status this code does not know. */
    static String statusClass(Entity status) {
        return switch (local(status)) {
            case "RouteOpen" -> "open";
            case "RouteBlocked" -> "blocked";
            case "RouteClosed" -> "closed";
            default -> "unknown";
        };
    }

    /** {@code stated}, {@code derived}, {@code assumed}, or {@code unknown}. */
    static String gradeClass(Entity grade) {
        return switch (local(grade)) {
            case "Stated" -> "stated";
            case "Derived" -> "derived";
            case "Assumed" -> "assumed";
            default -> "unknown";
        };
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

    private static String local(Entity term) {
        String iri = term.iri();
        return iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
    }
}

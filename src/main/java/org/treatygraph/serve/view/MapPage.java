package org.treatygraph.serve.view;

import java.util.List;

/**
 * What the map page (/map) shows for a day: the day (in the address, the slider and the form), the
 * territories with coordinates and their state on that day (also drawn by assets/map.js from the same
 * data at /map.json), the territories without coordinates with the reason, and the tile URL a deployment
 * configured (empty: none; the base map is then Natural Earth from the build).
 */
public record MapPage(String date, String dateWords, String from, String to, long day, long days, String json, String tiles,
        List<Place> places, List<Unplaced> unplaced) {
    /** A located territory: its id and page, label, state for the style sheet and in words, what holds of it on the day, and the change that concerns it then. */
    public record Place(String id, String href, String label, String state, String stateWords, List<Relation> relations, List<Change> changes) {}

    /**
     * The last territorial change of the territory begun by the day, "from" a polity "to" another (the
     * records give polities no coordinates, so the map says it rather than drawing an arrow): "assignment"
     * when an instrument provides for it, "control" when it was a capture, occupation or withdrawal; its date in words.
     */
    public record Change(Link change, String kind, String when, List<Link> from, List<Link> to, Link instrument) {}

    /** "held by" a polity, certain or possible, and the act or interval that says so. */
    public record Relation(String words, Link polity, String certainty, Link act) {}

    /** A territory the map cannot place: its page, label and the reason its record gives (or null). */
    public record Unplaced(String href, String label, String reason) {}
}

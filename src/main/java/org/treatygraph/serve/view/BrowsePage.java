package org.treatygraph.serve.view;

import java.util.List;

/**
 * What the faceted browse of instruments shows (/browse): the instruments matching the chosen facet
 * values, the facets with a count for each value, and the chosen values, each with the link that drops it.
 */
public record BrowsePage(int total, List<Row> rows, List<Facet> facets, List<Chosen> chosen) {
    /** An instrument: the link to its page, its label, kind, date and parties in words. */
    public record Row(String href, String label, String kind, String date, String parties) {}

    /**
     * A facet: its query parameter and heading, the link that clears it (null when nothing in it is chosen),
     * its values (the first shown at once, the rest folded), and a note on what it leaves out (or null).
     */
    public record Facet(String param, String heading, String clearHref, List<Value> shown, List<Value> folded, String note) {}

    /** A value with the number of the listed instruments that have it; href adds it, or for a chosen one drops it. */
    public record Value(String label, int count, boolean chosen, String href) {}

    /** A chosen value, with the link that drops it. */
    public record Chosen(String heading, String label, String removeHref) {}
}

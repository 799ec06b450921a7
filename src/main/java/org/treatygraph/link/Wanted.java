package org.treatygraph.link;

import java.util.List;
import java.util.Set;

/**
 * What we know of the entity to link: its names (our label first), the Wikidata classes of its classes, the
 * years of its facts, which of an item's dates those years are compared with, and the Wikidata items of the
 * linked entities the graph ties it to (a treaty's parties and place, a person's polities, a place's polity).
 */
public record Wanted(List<String> names, Set<String> classes, Set<Integer> years, Dates dates, Set<String> related) {
    public Wanted(List<String> names, Set<String> classes, Set<Integer> years, Dates dates) {
        this(names, classes, years, dates, Set.of());
    }

    /** Which of the item's dates our years are compared with. */
    public enum Dates {
        /** signing: P585 (point in time) or P571 (inception) in one of our years */
        POINT("P585", "P571"),
        /** a person's life, P569 to P570 */
        LIFE("P569", "P570"),
        /** a polity's existence, P571 to P576 */
        EXISTENCE("P571", "P576"),
        NONE(null, null);

        final String from, to;

        Dates(String from, String to) {
            this.from = from;
            this.to = to;
        }
    }
}

package org.treatygraph.serve.view;

import java.util.List;

/**
 * A territory's history as a horizontal strip (on its page): a bar for each interval of the `history`
 * query (history.TerritoryHistory): who held it, who was assigned it by an instrument, who claimed it,
 * what it lay within, and its captures and occupations; each bar certain where the sources say so and
 * soft where a bound is only known to lie in a range or not known at all.
 */
public record HistoryStrip(TimeAxis axis, List<Bar> bars, String mapHref) {
    /**
     * One interval: its relation ("held", "assigned", "claimed", "within", "occupation"), the polity with its
     * page, its bounds in words, the act that began it (or null), the sources, and its drawing: the soft
     * start, the certain middle and the soft end, as x and width in pixels (a width of 0: none).
     */
    public record Bar(String relation, String polity, String polityHref, String from, String to, Link began, String sources,
            double softStartX, double softStartWidth, double x, double width, double softEndX, double softEndWidth, boolean open) {}
}

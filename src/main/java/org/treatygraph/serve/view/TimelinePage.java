package org.treatygraph.serve.view;

import java.util.List;

/**
 * What the timeline (/timeline) shows: the instruments and events of 1917–1925 a row each, with every date
 * the sources give for them drawn at its precision (a day a tick, a month or a year a span, bounds with no
 * date between them a span with soft edges), contested dates as marks side by side each with its sources;
 * those outside the years or undated listed below; the browse page's facets and the chosen values.
 */
public record TimelinePage(int total, TimeAxis axis, List<Row> rows, List<Row> outside, List<Row> undated, String note,
        List<BrowsePage.Facet> facets, List<BrowsePage.Chosen> chosen, String browseHref) {
    /** An instrument or event: its page, label, kind in words, its dates in words, its marks; contested when its signing dates differ. */
    public record Row(String href, String label, String kind, List<When> dates, List<Mark> marks, boolean contested) {}

    /** A date in words: what it dates ("signing", "start date"), the date, and the sources that give it. */
    public record When(String what, String words, String sources) {}

    /**
     * A mark on the track: its kind for the style sheet ("signing day", "event month", "other soft"), where
     * it starts and how wide it is, its words for a tooltip, its date as given (an ISO value or the bounds),
     * its sources' codes, and where that label goes (its x, and "start" to run right of it or "end" to end there).
     */
    public record Mark(String css, double x, double width, String title, String date, String sources, double labelX, String labelAnchor) {}
}

package org.treatygraph.serve.view;

import java.util.List;

/**
 * What the search page (/search?q=…) shows: the query as typed (empty before one is given), and its hits,
 * best first.
 */
public record SearchPage(String query, List<Hit> hits) {
    /**
     * A hit: the link to its page, its label, its kind in words, its date in words (or null), and the
     * alternative name that matched when its label did not (or null).
     */
    public record Hit(String href, String label, String kind, String date, String matchedName) {}
}

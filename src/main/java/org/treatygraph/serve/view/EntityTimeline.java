package org.treatygraph.serve.view;

import java.util.List;

/**
 * The timeline on a polity's or a territory's page: the instruments and events that concern it, drawn as on
 * /timeline (the same rows), those dated only outside 1917–1925 and the undated listed below, and the full
 * timeline with the browse facet that chooses the entity's instruments (party= or territory=), when it is one.
 */
public record EntityTimeline(TimeAxis axis, List<TimelinePage.Row> rows, List<TimelinePage.Row> outside, List<TimelinePage.Row> undated,
        String facetHref) {}

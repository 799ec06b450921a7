package org.treatygraph.serve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.treatygraph.core.DatesInWords;
import org.treatygraph.history.TerritoryHistory;
import org.treatygraph.serve.view.HistoryStrip;
import org.treatygraph.serve.view.Link;

/**
 * A territory's history as a strip on its page (history-strip.jte): the rows of its whole history
 * (history.TerritoryHistory, as the `history` command prints them), each drawn on the timeline's axis,
 * certain where both bounds are past, soft over the range a bound is known to lie in, and fading out where a
 * bound is not known; an interval still holding when the sources end runs to the axis's end.
 */
final class HistoryStrips {
    /** How far an unknown bound fades: half a year. */
    private static final int FADE_DAYS = 182;

    private HistoryStrips() {}

    /** The strip of a territory, or null when its history has no row. */
    static HistoryStrip of(Site site, DatasetGraph store, String territory) {
        Dataset ds = DatasetFactory.wrap(store);
        return Txn.calculateRead(ds, () -> {
            Labels labels = new Labels(site, store);
            List<HistoryStrip.Bar> bars = new ArrayList<>();
            for (TerritoryHistory.Row r : TerritoryHistory.of(ds, territory, null)) bars.add(bar(r, labels));
            return bars.isEmpty() ? null : new HistoryStrip(Timeline.axis(), bars, "/map");
        });
    }

    static HistoryStrip.Bar bar(TerritoryHistory.Row r, Labels labels) {
        TerritoryHistory.Bound s = r.start(), e = r.end();
        LocalDate se = s.earliest() != null ? s.earliest() : s.latest(), sl = s.latest() != null ? s.latest() : s.earliest();
        LocalDate ee = e.earliest() != null ? e.earliest() : e.latest(), el = e.latest() != null ? e.latest() : e.earliest();
        double ssx = 0, ssw = 0, x = 0, w = 0, sex = 0, sew = 0;
        if (se == null && ee == null) {   // nothing known of either bound: a faint span across the axis
            ssw = Timeline.WIDTH;
        } else {
            // The soft start runs over the days the start may fall on, the soft end over the end's; between them it surely held.
            double startFrom, certainFrom, certainTo, endTo;
            if (se == null) {   // an unknown start fades in over the half-year before the end
                certainFrom = Timeline.x(ee);
                startFrom = Timeline.x(ee.minusDays(FADE_DAYS));
            } else {
                startFrom = Timeline.x(se);
                certainFrom = se.equals(sl) ? startFrom : Timeline.end(sl);
            }
            if (e.endOfSources()) {
                certainTo = endTo = Timeline.WIDTH;
            } else if (ee == null) {   // an unknown end fades out over the half-year after the start
                certainTo = certainFrom;
                endTo = Timeline.x(sl.plusDays(FADE_DAYS));
            } else {
                certainTo = ee.equals(el) ? Timeline.end(ee) : Timeline.x(ee);
                endTo = Timeline.end(el);
            }
            if (se != null && ee != null && !e.endOfSources() && sl.isAfter(ee)) {   // the ranges overlap: one soft span over both
                ssx = startFrom;
                ssw = endTo - startFrom;
            } else if (se != null && se.equals(sl) && ee != null && ee.equals(el) && se.equals(ee)) {   // one day: a tick
                x = Timeline.round((startFrom + certainTo) / 2 - 1);
                w = 2;
            } else {
                ssx = startFrom;
                ssw = certainFrom - startFrom;
                x = certainFrom;
                w = Math.max(0, certainTo - certainFrom);
                sex = certainTo;
                sew = endTo - certainTo;
            }
        }
        Link polity = labels.link(NodeFactory.createURI(r.polity()));
        Link began = s.act() == null ? null : labels.link(NodeFactory.createURI(s.act()));
        StringJoiner sources = new StringJoiner(", ");
        for (TerritoryHistory.Evidence ev : r.evidence()) sources.add(ev.source() == null ? ev.basis().toLowerCase(java.util.Locale.ROOT) : ev.source() + ":" + ev.line());
        return new HistoryStrip.Bar(r.relation(), r.polityLabel() != null ? r.polityLabel() : polity.text(), polity.href(),
                words(s, false), words(e, true), began, sources.toString(),
                Timeline.round(ssx), Timeline.round(Math.max(0, ssw)), Timeline.round(x), Timeline.round(w), Timeline.round(sex), Timeline.round(Math.max(0, sew)),
                e.endOfSources());
    }

    /** A bound in words: a day, a month, a range, "the sources' end", or "unknown". */
    static String words(TerritoryHistory.Bound b, boolean end) {
        if (b.endOfSources()) return "the end of the sources";
        if (b.earliest() == null && b.latest() == null) return "unknown";
        if (b.earliest() == null) return "not after " + DatesInWords.day(b.latest());
        if (b.latest() == null) return "not before " + DatesInWords.day(b.earliest());
        return DatesInWords.span(b.earliest(), b.latest());
    }
}

package org.treatygraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.treatygraph.serve.InstrumentTable.Facet;
import org.treatygraph.serve.InstrumentTable.Instrument;
import org.treatygraph.serve.InstrumentTable.Span;
import org.treatygraph.serve.view.TimelinePage;

/**
 * /timeline: every instrument and event of 1917–1925 on one axis, a row each, drawn on the server
 * (timeline.jte, SVG placed in pixels by {@link Timeline}), filtered by the browse page's facets, whose
 * state is the query string as there (the same parameters, read by {@link BrowseServlet#chosen}). Events
 * (negotiations, recognitions, territorial changes) have a year and a month but none of the other facets.
 */
final class TimelineServlet extends HttpServlet {
    private final BrowseServlet browse;
    TimelineServlet(BrowseServlet browse) {
        this.browse = browse;
    }

    private Site site() {
        return browse.site();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<Facet, Set<String>> chosen = BrowseServlet.chosen(req, resp, Set.of());
        if (chosen == null) return;
        Timeline timeline = site().timeline();
        InstrumentTable table = browse.table();
        List<Instrument> matching = BrowseServlet.matching(table, chosen);
        Set<String> instruments = matching.stream().map(Instrument::iri).collect(Collectors.toSet());
        boolean datesOnly = EnumSet.of(Facet.YEAR, Facet.MONTH).containsAll(chosen.keySet());
        List<Timeline.Item> shown = new ArrayList<>();
        for (Timeline.Item item : timeline.items)
            if (item.instrument() ? instruments.contains(item.iri()) : datesOnly && datesMatch(item, chosen)) shown.add(item);
        Rows rows = Rows.of(site(), shown);
        String note = datesOnly ? null
                : "Negotiations, recognitions and territorial changes have a year and a month but none of the other facets: with these choices only instruments are shown.";
        BrowseServlet.Facets facets = BrowseServlet.facets(table, chosen, matching, "/timeline");
        TimelinePage page = new TimelinePage(timeline.items.size(), Timeline.axis(), rows.drawn(), rows.outside(), rows.undated(), note, facets.facets(), facets.chosen(),
                BrowseServlet.href("/browse", chosen, m -> m));
        Replies.html(resp, 200, Templates.render("timeline.jte", Map.of("page", page)));
    }

    /** An event lies in every chosen year and month (by any of its dates that lies within one). */
    private static boolean datesMatch(Timeline.Item item, Map<Facet, Set<String>> chosen) {
        Set<String> years = item.marks().stream().map(m -> m.span().year()).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Set<String> months = item.marks().stream().map(m -> m.span().month()).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        return years.containsAll(chosen.getOrDefault(Facet.YEAR, Set.of())) && months.containsAll(chosen.getOrDefault(Facet.MONTH, Set.of()));
    }

    /** Items as a timeline shows them (here and on an entity's page): drawn on the axis, dated only outside 1917–1925, or not dated. */
    record Rows(List<TimelinePage.Row> drawn, List<TimelinePage.Row> outside, List<TimelinePage.Row> undated) {
        static Rows of(Site site, List<Timeline.Item> items) {
            List<TimelinePage.Row> drawn = new ArrayList<>(), outside = new ArrayList<>(), undated = new ArrayList<>();
            for (Timeline.Item item : items) {
                if (item.marks().isEmpty()) undated.add(row(site, item, false));
                else if (!item.within()) outside.add(row(site, item, false));
                else drawn.add(row(site, item, true));
            }
            return new Rows(drawn, outside, undated);
        }
    }

    private static TimelinePage.Row row(Site site, Timeline.Item item, boolean draw) {
        List<TimelinePage.When> dates = new ArrayList<>();
        List<TimelinePage.Mark> marks = new ArrayList<>();
        boolean contested = item.contested();
        for (Timeline.Mark m : item.marks()) {
            String sources = String.join(", ", m.sources());
            dates.add(new TimelinePage.When(m.what(), m.span().words(), sources));
            if (!draw || m.span().latest().isBefore(Timeline.FROM) || m.span().earliest().isAfter(Timeline.TO)) continue;
            marks.add(mark(item, m, contested, sources));
        }
        // Marks side by side: the sources of each labelled mark but the last are written to its left, the last's to
        // its right (the last labelled, not the last drawn: a later unlabelled ratification must not push both left).
        int lastLabelled = -1;
        for (int i = 0; i < marks.size(); i++) if (!marks.get(i).sources().isEmpty()) lastLabelled = i;
        for (int i = 0; i < lastLabelled; i++) {
            TimelinePage.Mark m = marks.get(i);
            if (!m.sources().isEmpty() && m.x() > 30)
                marks.set(i, new TimelinePage.Mark(m.css(), m.x(), m.width(), m.title(), m.date(), m.sources(), Timeline.round(m.x() - 3), "end"));
        }
        return new TimelinePage.Row(site.local(item.iri()), item.label(), item.kind(), dates, marks, contested);
    }

    /** A date on the track: a day a tick; a month or a year a span of it; bounds with no date between them a soft span. */
    static TimelinePage.Mark mark(Timeline.Item item, Timeline.Mark m, boolean withSources, String sources) {
        Span s = m.span();
        String role = m.signing() ? "signing" : item.instrument() ? "other" : "event";
        boolean day = s.earliest().equals(s.latest());
        String shape = day ? "tick" : switch (s.precision()) {
            case "month" -> "month";
            case "year" -> "year";
            default -> "soft";
        };
        double x, width;
        if (day) {
            x = Timeline.round((Timeline.x(s.earliest()) + Timeline.end(s.earliest())) / 2 - 1);
            width = 2;
        } else {
            x = Timeline.x(s.earliest());
            width = Math.max(2, Timeline.round(Timeline.end(s.latest()) - x));
        }
        String date = switch (s.precision()) {
            case "day" -> s.earliest().toString();
            case "month" -> java.time.YearMonth.from(s.earliest()).toString();
            case "year" -> String.valueOf(s.earliest().getYear());
            default -> day ? s.earliest().toString() : s.earliest() + ".." + s.latest();
        };
        String title = m.what() + ": " + s.words() + (sources.isEmpty() ? "" : " (" + sources + ")");
        double labelX = Math.min(Timeline.WIDTH - 22, Timeline.round(x + width + 3));
        return new TimelinePage.Mark(role + " " + shape, x, width, title, date, withSources ? sources : "", labelX, "start");
    }
}

package org.treatygraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.treatygraph.serve.InstrumentTable.Facet;
import org.treatygraph.serve.InstrumentTable.Instrument;
import org.treatygraph.serve.view.BrowsePage;

/**
 * /browse: the instruments, filtered by facets (kind, year and month, party, signatory, territory, source,
 * status) whose state is the query string (?year=1921&party=polity/persia), so a filtered view is a link.
 * Every chosen value must hold (AND, within a facet too: party=a&party=b lists what both are party to), so
 * the count beside a value is the number of rows its link lists. Rendered on the server (browse.jte): plain
 * links, no script.
 */
final class BrowseServlet extends HttpServlet {
    /** Values a facet shows before the rest are folded away. */
    private static final int SHOWN = 8;
    private final Site site;
    BrowseServlet(Site site) {
        this.site = site;
    }

    Site site() {
        return site;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<Facet, Set<String>> chosen = chosen(req, resp, Set.of());
        if (chosen == null) return;
        Replies.html(resp, 200, Templates.render("browse.jte", Map.of("page", page(table(), chosen))));
    }

    /**
     * The facet values a query string chooses (the one reading of the facets' parameters: /browse and
     * /timeline), or null after a 400 that says which parameter or value is wrong. {@code others} are the
     * page's own parameters, left to it.
     */
    static Map<Facet, Set<String>> chosen(HttpServletRequest req, HttpServletResponse resp, Set<String> others) throws IOException {
        Map<Facet, Set<String>> chosen = new EnumMap<>(Facet.class);
        for (String name : req.getParameterMap().keySet()) {
            if (others.contains(name)) continue;
            Facet f = Facet.byParam(name);
            if (f == null) {
                resp.sendError(400, Refusals.ascii("there is no facet \"" + Refusals.oneLine(name, 40) + "\" to browse by; the facets are "
                        + Arrays.stream(Facet.values()).map(x -> x.param).collect(Collectors.joining(", "))
                        + (others.isEmpty() ? "" : ", and the page takes " + String.join(", ", new TreeSet<>(others)))));
                return null;
            }
            for (String v : req.getParameterValues(name)) {
                if (!f.syntax.accepts(v)) {
                    resp.sendError(400, Refusals.ascii(name + "=\"" + Refusals.oneLine(v, 80) + "\" is not " + f.syntax.described));
                    return null;
                }
                chosen.computeIfAbsent(f, k -> new TreeSet<>()).add(v);
            }
        }
        return chosen;
    }

    /** The instruments of the server's current store (shared with /timeline). */
    InstrumentTable table() {
        return site.instruments();
    }

    private BrowsePage page(InstrumentTable table, Map<Facet, Set<String>> chosen) {
        List<Instrument> rows = matching(table, chosen);
        Facets f = facets(table, chosen, rows, "/browse");
        List<BrowsePage.Row> shown = rows.stream().map(r -> new BrowsePage.Row(site.local(r.iri()), r.label(), r.kind(),
                r.date() == null ? "" : r.date().words(), r.parties())).toList();
        return new BrowsePage(table.rows.size(), shown, f.facets(), f.chosen());
    }

    /** The instruments that have every chosen value. */
    static List<Instrument> matching(InstrumentTable table, Map<Facet, Set<String>> chosen) {
        return table.rows.stream()
                .filter(r -> chosen.entrySet().stream().allMatch(e -> r.values(e.getKey()).containsAll(e.getValue()))).toList();
    }

    /** The facets with their counts over {@code rows} and the chosen values, their links to the page at {@code path}. */
    record Facets(List<BrowsePage.Facet> facets, List<BrowsePage.Chosen> chosen) {}

    static Facets facets(InstrumentTable table, Map<Facet, Set<String>> chosen, List<Instrument> rows, String path) {
        List<BrowsePage.Facet> facets = new ArrayList<>();
        List<BrowsePage.Chosen> chips = new ArrayList<>();
        for (Facet f : Facet.values()) {
            // Months are offered within a chosen year.
            if (f == Facet.MONTH && !chosen.containsKey(Facet.YEAR) && !chosen.containsKey(Facet.MONTH)) continue;
            Map<String, String> labels = table.labels.getOrDefault(f, Map.of());
            Map<String, Integer> counts = new HashMap<>();
            for (Instrument r : rows) r.values(f).forEach(v -> counts.merge(v, 1, Integer::sum));
            Set<String> mine = chosen.getOrDefault(f, Set.of());
            mine.forEach(v -> counts.putIfAbsent(v, 0));   // an unknown id still shows, to be dropped
            Comparator<String> order = f == Facet.YEAR || f == Facet.MONTH ? Comparator.naturalOrder()
                    : Comparator.comparing((String v) -> -counts.get(v)).thenComparing(v -> labels.getOrDefault(v, v), String.CASE_INSENSITIVE_ORDER);
            List<BrowsePage.Value> values = counts.keySet().stream()
                    .sorted(Comparator.comparing((String v) -> !mine.contains(v)).thenComparing(order))
                    .map(v -> new BrowsePage.Value(labels.getOrDefault(v, v), counts.get(v), mine.contains(v),
                            href(path, chosen, mine.contains(v) ? drop(f, v) : add(f, v))))
                    .toList();
            mine.forEach(v -> chips.add(new BrowsePage.Chosen(f.heading.toLowerCase(java.util.Locale.ROOT), labels.getOrDefault(v, v), href(path, chosen, drop(f, v)))));
            int fold = values.size() > SHOWN + 2 ? Math.max(SHOWN, mine.size()) : values.size();
            String note = null;
            if (f == Facet.YEAR) {
                long spans = rows.stream().filter(r -> r.values(Facet.YEAR).isEmpty()).count();
                if (spans > 0) note = spans + (spans == 1 ? " is" : " are") + " dated only to a span of years, and in no year here.";
            }
            facets.add(new BrowsePage.Facet(f.param, f.heading, mine.isEmpty() ? null : href(path, chosen, clear(f)),
                    values.subList(0, fold), values.subList(fold, values.size()), note));
        }
        return new Facets(facets, chips);
    }

    static UnaryOperator<Map<Facet, Set<String>>> add(Facet f, String v) {
        return m -> {
            m.computeIfAbsent(f, k -> new TreeSet<>()).add(v);
            return m;
        };
    }

    private static UnaryOperator<Map<Facet, Set<String>>> drop(Facet f, String v) {
        return m -> {
            m.get(f).remove(v);
            if (m.get(f).isEmpty()) m.remove(f);
            if (f == Facet.YEAR) m.remove(Facet.MONTH);   // a month lies within its year
            return m;
        };
    }

    private static UnaryOperator<Map<Facet, Set<String>>> clear(Facet f) {
        return m -> {
            m.remove(f);
            if (f == Facet.YEAR) m.remove(Facet.MONTH);
            return m;
        };
    }

    /**
     * The link to the page with the chosen values changed, parameters in the facets' order and values
     * sorted, so one view has one address. The values passed the checks of their syntax (ids, names,
     * digits and hyphens), so they need no escaping in a query string.
     */
    static String href(String path, Map<Facet, Set<String>> chosen, UnaryOperator<Map<Facet, Set<String>>> change) {
        Map<Facet, Set<String>> copy = new EnumMap<>(Facet.class);
        chosen.forEach((f, vs) -> copy.put(f, new TreeSet<>(vs)));
        String query = change.apply(copy).entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> e.getKey().param + "=" + v))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }
}

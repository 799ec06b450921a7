package org.treatygraph.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.sparql.core.DatasetGraph;
import org.treatygraph.core.DatesInWords;
import org.treatygraph.serve.view.Link;
import org.treatygraph.serve.view.MapPage;

/**
 * /map and /map.json: the territories with coordinates and their state on a day (?date=1921-11-01, within
 * 1917–1925; 1 January 1921 when none is given): held, assigned, held and assigned, claimed, within,
 * contested, with the polities and the change, control or instrument that says so, from each territory's
 * history on that day ({@link Places#on}); and the territories without coordinates, with the reason.
 * The page draws it with Leaflet (assets/map.js) over Natural Earth's countries from the build, with no
 * tile server unless the configuration names one (tg:mapTiles), and lists the same beside the map, so it
 * reads without script too.
 */
final class MapServlet extends HttpServlet {
    static final LocalDate DEFAULT = LocalDate.of(1921, 1, 1);
    private static final Pattern TILES = Pattern.compile("https?://[^\\s\"'<>]+\\{z\\}[^\\s\"'<>]*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Site site;
    private final String tiles;
    private volatile Loaded loaded;

    /** The places of a store, and the states already computed for it, by day (at most a year of days kept). */
    private record Loaded(DatasetGraph store, List<Places.Place> places, Map<String, List<Places.Change>> changes, Map<LocalDate, Map<String, Places.State>> states) {}

    /** @param tiles the tg:mapTiles settings of the configuration: none, or one tile URL template with {z}, {x} and {y} */
    MapServlet(Site site, Set<String> tiles) {
        this.site = site;
        if (tiles.size() > 1) throw new IllegalArgumentException("tg:mapTiles: expected at most one tile URL, found " + tiles.size());
        String t = tiles.isEmpty() ? "" : tiles.iterator().next();
        if (!t.isEmpty() && !(TILES.matcher(t).matches() && t.contains("{x}") && t.contains("{y}")))
            throw new IllegalArgumentException("tg:mapTiles: \"" + t + "\" is not a tile URL template such as https://tiles.example.org/{z}/{x}/{y}.png");
        this.tiles = t;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        for (String name : req.getParameterMap().keySet()) {
            if (!name.equals("date")) {
                resp.sendError(400, Refusals.ascii("the map takes only date=YYYY-MM-DD, not \"" + Refusals.oneLine(name, 40) + "\""));
                return;
            }
        }
        String[] given = req.getParameterValues("date");
        if (given != null && given.length > 1) {
            resp.sendError(400, "give one date, not " + given.length);
            return;
        }
        LocalDate day = DEFAULT;
        if (given != null) {
            try {
                day = given[0].matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? LocalDate.parse(given[0]) : null;
            } catch (DateTimeParseException e) {
                day = null;
            }
            if (day == null) {
                resp.sendError(400, Refusals.ascii("date=\"" + Refusals.oneLine(given[0], 40) + "\" is not a day such as 1921-11-01"));
                return;
            }
            if (day.isBefore(Timeline.FROM) || day.isAfter(Timeline.TO)) {
                resp.sendError(400, "date=" + day + " is outside the years the map shows, " + Timeline.FROM + " to " + Timeline.TO);
                return;
            }
        }
        Loaded l = loaded();
        Map<String, Places.State> states = states(l, day);
        boolean json = req.getRequestURI().endsWith(".json");
        if (json) {
            Replies.send(resp, 200, "application/json; charset=utf-8", JSON.writeValueAsString(json(l, day, states)).getBytes(StandardCharsets.UTF_8));
        } else {
            if (!tiles.isEmpty()) allowTiles(resp);
            Replies.html(resp, 200, Templates.render("map.jte", Map.of("page", page(l, day, states))));
        }
    }

    private Loaded loaded() {
        DatasetGraph store = site.dataset();
        Loaded l = loaded;
        if (l == null || l.store() != store) {
            Map<LocalDate, Map<String, Places.State>> cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<LocalDate, Map<String, Places.State>> e) {
                    return size() > 366;
                }
            });
            loaded = l = new Loaded(store, Places.load(store), Places.changes(site, store), cache);
        }
        return l;
    }

    private Map<String, Places.State> states(Loaded l, LocalDate day) {
        Map<String, Places.State> known = l.states().get(day);
        if (known != null) return known;
        Map<String, Places.State> states = new LinkedHashMap<>();
        for (Places.Place p : l.places()) if (p.located()) states.put(p.iri(), Places.on(site, l.store(), p.iri(), day));
        l.states().put(day, states);
        return states;
    }

    private Map<String, Object> json(Loaded l, LocalDate day, Map<String, Places.State> states) {
        List<Map<String, Object>> located = new ArrayList<>(), unlocated = new ArrayList<>();
        for (Places.Place p : l.places()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", org.treatygraph.ontology.IriScheme.id(p.iri()));
            o.put("label", p.label());
            o.put("href", site.local(p.iri()));
            if (p.located()) {
                Places.State s = states.get(p.iri());
                o.put("lat", p.lat());
                o.put("long", p.lon());
                o.put("state", s.state());
                o.put("stateWords", Places.words(s.state()));
                o.put("relations", s.relations());
                o.put("changes", changes(l, p, day));
                located.add(o);
            } else {
                o.put("reason", p.reason());
                unlocated.add(o);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", day.toString());
        out.put("territories", located);
        out.put("withoutCoordinates", unlocated);
        return out;
    }

    private MapPage page(Loaded l, LocalDate day, Map<String, Places.State> states) {
        List<MapPage.Place> places = new ArrayList<>();
        List<MapPage.Unplaced> unplaced = new ArrayList<>();
        for (Places.Place p : l.places()) {
            if (!p.located()) {
                unplaced.add(new MapPage.Unplaced(site.local(p.iri()), p.label(), p.reason()));
                continue;
            }
            Places.State s = states.get(p.iri());
            List<MapPage.Relation> relations = s.relations().stream().map(r -> new MapPage.Relation(relationWords(r.relation()),
                    new Link(r.polityHref(), r.polityLabel()), r.certainty(), new Link(r.actHref(), r.actLabel()))).toList();
            places.add(new MapPage.Place(org.treatygraph.ontology.IriScheme.id(p.iri()), site.local(p.iri()), p.label(), s.state(), Places.words(s.state()), relations,
                    changes(l, p, day)));
        }
        long days = Timeline.TO.toEpochDay() - Timeline.FROM.toEpochDay();
        return new MapPage(day.toString(), DatesInWords.day(day), Timeline.FROM.toString(), Timeline.TO.toString(),
                day.toEpochDay() - Timeline.FROM.toEpochDay(), days, "/map.json?date=" + day, tiles, places, unplaced);
    }

    /** The change that concerns the territory on the day, as the list and the popup say it ("from X to Y"). */
    private static List<MapPage.Change> changes(Loaded l, Places.Place p, LocalDate day) {
        return Places.latest(l.changes().getOrDefault(p.iri(), List.of()), day).stream()
                .map(c -> new MapPage.Change(c.change(), c.kind(), DatesInWords.span(c.earliest(), c.latest()), c.from(), c.to(), c.instrument())).toList();
    }

    static String relationWords(String relation) {
        return switch (relation) {
            case "held" -> "held by";
            case "assigned" -> "assigned to";
            case "claimed" -> "claimed by";
            case "within" -> "within";
            default -> relation + ":";
        };
    }

    /** The tile server's origin allowed for images on this page only (every other page keeps img-src 'self'). */
    private void allowTiles(HttpServletResponse resp) {
        String policy = resp.getHeader("Content-Security-Policy");
        int host = tiles.indexOf("://") + 3, slash = tiles.indexOf('/', host);
        String origin = tiles.substring(0, slash < 0 ? tiles.length() : slash).replace("{s}", "*");
        if (policy != null) resp.setHeader("Content-Security-Policy", policy.replaceFirst("img-src ([^;]*)", "img-src $1 " + origin));
    }
}

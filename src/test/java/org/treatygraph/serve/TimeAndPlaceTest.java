package org.treatygraph.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The timeline (/timeline), a territory's history strip and the map's data (/map, /map.json) over real
 * HTTP, on the bundled data: what the server draws and answers, before any script runs.
 */
class TimeAndPlaceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String KARS_TREATY = "/id/agreement/treaty-of-kars-1921";

    static Element row(Document page, String href) {
        Element link = page.selectFirst(".tl-rows .tl-label > a[href=" + href + "]");
        assertNotNull(link, "a row for " + href);
        return link.closest("li.tl-row");
    }

    @Test
    void theTreatyOfKarsIsOnTheTimelineOn13October1921AndInSeptember1921After002() throws Exception {
        Document page = SiteServer.page("/timeline");
        Element kars = row(page, KARS_TREATY);
        assertTrue(kars.hasClass("tl-contested"), "its signing dates differ: " + kars);
        List<String> marks = new ArrayList<>();
        for (Element m : kars.select("rect.tl-mark.signing")) marks.add(m.attr("data-date") + " " + m.attr("data-sources") + " " + m.classNames());
        assertEquals(2, marks.size(), marks.toString());
        // A day is a tick, with both sources that give it; 002's month is a span of September.
        Element day = kars.selectFirst("rect.tl-mark.signing[data-date=1921-10-13]");
        Element month = kars.selectFirst("rect.tl-mark.signing[data-date=1921-09]");
        assertNotNull(day, marks.toString());
        assertNotNull(month, marks.toString());
        assertEquals("000, 001", day.attr("data-sources"));
        assertEquals("002", month.attr("data-sources"));
        assertTrue(day.hasClass("tick") && month.hasClass("month"), marks.toString());
        assertEquals("2.0", day.attr("width"));
        double monthWidth = Double.parseDouble(month.attr("width"));
        assertTrue(monthWidth > 7 && monthWidth < 10, "a month is about 9 px: " + monthWidth);
        double dayX = Double.parseDouble(day.attr("x")), monthX = Double.parseDouble(month.attr("x"));
        assertTrue(monthX + monthWidth < dayX, "September lies before 13 October on the axis");
        // Each mark is labelled by its sources on the track, and the dates are in words beside it.
        assertEquals(List.of("000, 001", "002"), kars.select("text.tl-mark-src").eachText().stream().sorted().toList());
        String words = kars.selectFirst(".tl-dates").text();
        assertTrue(words.contains("signing 13 October 1921 (000, 001)") && words.contains("signing September 1921 (002)"), words);
        // The track is a link to the treaty's page too.
        assertEquals(KARS_TREATY, kars.selectFirst("a.tl-track-link").attr("href"));
    }

    @Test
    void theTimelineDrawsDatesAtTheirPrecisionAndListsTheRest() throws Exception {
        Document page = SiteServer.page("/timeline");
        Set<String> shapes = new TreeSet<>();
        for (Element m : page.select("rect.tl-mark")) {
            shapes.addAll(m.classNames());
            double x = Double.parseDouble(m.attr("x")), w = Double.parseDouble(m.attr("width"));
            assertTrue(x >= 0 && x + w <= Timeline.WIDTH + 0.5, "on the axis: " + m);
        }
        assertTrue(shapes.containsAll(Set.of("tick", "month", "year", "soft", "signing", "event", "other")), shapes.toString());
        // Events beside the instruments: the Turkish capture of Kars in 1920 (a change) and Frunze's mission (a negotiation).
        row(page, "/id/change/turkish-capture-of-kars-1920");
        row(page, "/id/negotiation/frunze-mission-to-ankara-1921");
        // The Kars conference has no date in its source: listed as not dated.
        Element undated = page.selectFirst("h2:containsOwn(Not dated) + ul");
        assertNotNull(undated);
        assertNotNull(undated.selectFirst("a[href=/id/negotiation/kars-conference-1921]"), undated.text());
        // Instruments dated before 1917 are listed below the axis, not drawn.
        Element outside = page.selectFirst("h2:containsOwn(Dated outside 1917–1925) + ul");
        assertNotNull(outside);
        assertNotNull(outside.selectFirst("a[href=/id/agreement/russo-japanese-fishery-convention-1907]"), outside.text());
        assertEquals(9, page.select(".tl-axis text").size(), "a label a year, 1917 to 1925");
    }

    @Test
    void theTimelineIsFilteredByTheBrowsePagesFacets() throws Exception {
        String query = "year=1921&party=polity/persia";
        Document timeline = SiteServer.page("/timeline?" + query);
        Document browse = SiteServer.page("/browse?" + query);
        Set<String> drawn = timeline.select(".tl-rows .tl-label > a").eachAttr("href").stream().collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = browse.select("table.browse-list td:first-child a").eachAttr("href").stream().collect(Collectors.toCollection(TreeSet::new));
        assertFalse(listed.isEmpty());
        assertEquals(listed, drawn, "the same instruments as /browse lists");
        assertTrue(timeline.text().contains("only instruments are shown"), "events have no party facet, and the page says so");
        // The facets' links stay on the timeline.
        List<String> links = timeline.select("nav.facets a[href^=/]").eachAttr("href");
        assertFalse(links.isEmpty());
        assertTrue(links.stream().allMatch(h -> h.startsWith("/timeline") || h.startsWith("#")), links.toString());
        // A year alone keeps the events of that year.
        assertNotNull(SiteServer.page("/timeline?year=1921").selectFirst(".tl-rows a[href=/id/negotiation/frunze-mission-to-ankara-1921]"));
        // Bad input: as on /browse.
        HttpResponse<String> bad = SiteServer.get("/timeline?colour=red");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("there is no facet \"colour\""), bad.body());
        assertEquals(400, SiteServer.get("/timeline?year=MCMXXI").statusCode());
    }

    @Test
    void theKarsPageShowsItsHistoryAsAStrip() throws Exception {
        Document page = SiteServer.page("/id/territory/kars");
        Element strip = page.selectFirst("section#history-strip");
        assertNotNull(strip, "a territory's page has the strip");
        List<String> bars = new ArrayList<>();
        for (Element b : strip.select("li.strip-bar")) bars.add(b.attr("data-relation") + " " + b.selectFirst(".tl-label a").text());
        // The rows of `history territory/kars`, in its order.
        assertEquals(List.of("claimed Grand National Assembly of Turkey", "held Grand National Assembly of Turkey",
                "occupation Grand National Assembly of Turkey", "assigned Grand National Assembly of Turkey",
                "assigned Grand National Assembly of Turkey"), bars);
        Element held = strip.select("li.strip-bar").get(1);
        assertTrue(held.text().contains("from between 20 September and 18 November 1920 to the end of the sources"), held.text());
        assertNotNull(held.selectFirst("rect.bar.held.soft-in"), "its start is known only to a range: a soft start");
        assertNotNull(held.selectFirst("path.open-end"), "it still holds where the sources end");
        Element certain = held.selectFirst("rect.bar.held.certain");
        assertEquals((double) Timeline.WIDTH, Double.parseDouble(certain.attr("x")) + Double.parseDouble(certain.attr("width")), 0.11);
        Element moscow = strip.select("li.strip-bar").get(3);
        assertTrue(moscow.text().contains("began with Treaty of Moscow"), moscow.text());
        // Other kinds of page have none.
        assertNull(SiteServer.page(KARS_TREATY).selectFirst("section#history-strip"));
    }

    @Test
    void polityAndTerritoryPagesHaveATimelineOfWhatConcernsThemDrawnAsOnTheTimeline() throws Exception {
        Document all = SiteServer.page("/timeline");
        // Kars: its capture, and the treaties that assigned it (Moscow, Kars); the conference held there has no date.
        Document kars = SiteServer.page("/id/territory/kars");
        Element section = kars.selectFirst("section#entity-timeline");
        assertNotNull(section, "a territory's page has a timeline");
        List<String> drawn = section.select(".tl-rows .tl-label > a").eachAttr("href");
        assertEquals(List.of("/id/change/turkish-capture-of-kars-1920", "/id/agreement/treaty-of-moscow-1921", KARS_TREATY), drawn);
        assertNotNull(section.selectFirst("h3:containsOwn(Not dated) + ul a[href=/id/negotiation/kars-conference-1921]"), section.text());
        // Each row is the /timeline row, made by the same code: the Treaty of Kars with its two signing marks, 002's month beside the day.
        for (String href : drawn) assertEquals(row(all, href).outerHtml(), row(section.ownerDocument(), href).outerHtml(), href);
        Element treaty = row(kars, KARS_TREATY);
        assertEquals(List.of("1921-09 002 month", "1921-10-13 000, 001 tick"), treaty.select("rect.tl-mark.signing").stream()
                .map(m -> m.attr("data-date") + " " + m.attr("data-sources") + " " + (m.hasClass("tick") ? "tick" : "month")).sorted().toList());
        assertEquals("/id/change/turkish-capture-of-kars-1920", row(kars, "/id/change/turkish-capture-of-kars-1920").selectFirst("a.tl-track-link").attr("href"));
        // The capture: "1920", known to lie between 20 September and 18 November: a year's mark over those days.
        Element capture = row(kars, "/id/change/turkish-capture-of-kars-1920").selectFirst("rect.tl-mark.event.year[data-date=1920]");
        assertNotNull(capture, row(kars, "/id/change/turkish-capture-of-kars-1920").toString());
        assertEquals(Timeline.x(java.time.LocalDate.of(1920, 9, 20)), Double.parseDouble(capture.attr("x")), 0.01);
        // Its instruments on the full timeline, chosen by the browse page's territory facet.
        assertEquals("/timeline?territory=territory/kars", section.selectFirst("a:containsOwn(its instruments there)").attr("href"));
        // The gradients of the soft edges are defined once though the page has the strip and the timeline.
        assertEquals(1, kars.select("svg.tl-defs").size());
        // A polity: what it is party to, negotiated, gained or lost, recognised; every row as on /timeline.
        Document gna = SiteServer.page("/id/polity/grand-national-assembly");
        Element polity = gna.selectFirst("section#entity-timeline");
        assertNotNull(polity, "a polity's page has a timeline");
        List<String> rows = polity.select(".tl-rows .tl-label > a").eachAttr("href");
        assertTrue(rows.containsAll(List.of(KARS_TREATY, "/id/agreement/treaty-of-moscow-1921", "/id/agreement/treaty-of-alexandropol-1920",
                "/id/change/turkish-capture-of-kars-1920")), rows.toString());
        for (String href : rows) assertEquals(row(all, href).outerHtml(), row(gna, href).outerHtml(), href);
        Set<String> shapes = new TreeSet<>();
        polity.select("rect.tl-mark").forEach(m -> shapes.addAll(m.classNames()));
        assertTrue(shapes.containsAll(Set.of("tick", "month", "year", "soft")), "dates at their precision: " + shapes);
        assertFalse(rows.contains("/id/agreement/anglo-persian-agreement-1919"), "not what does not name it");
        assertEquals("/timeline?party=polity/grand-national-assembly", polity.selectFirst("a:containsOwn(its instruments there)").attr("href"));
        // Instruments first dated before 1917 are listed, not drawn; other kinds of page have no timeline.
        assertNull(SiteServer.page(KARS_TREATY).selectFirst("section#entity-timeline"));
        assertNull(SiteServer.page("/id/person/yusuf-kemal-bey").selectFirst("section#entity-timeline"));
    }

    @Test
    void theMapSaysWhichChangeConcernsAPlaceFromWhichPolityToWhich() throws Exception {
        // 1 November 1921: the last change of Kars is the Treaty of Kars's, an assignment to the Grand National Assembly.
        JsonNode kars = find(json("/map.json?date=1921-11-01").path("territories"), "territory/kars");
        List<String> changes = new ArrayList<>();
        for (JsonNode c : kars.path("changes")) changes.add(c.path("kind").asText() + " " + c.path("from").findValuesAsText("text") + " -> "
                + c.path("to").findValuesAsText("text") + " " + c.path("instrument").path("href").asText() + " " + c.path("when").asText());
        assertEquals(List.of("assignment [] -> [Grand National Assembly of Turkey] /id/agreement/treaty-of-kars-1921 13 October 1921"), changes);
        // 1 January 1921: the capture of 1920, a change of control from the Republic of Armenia, no instrument.
        JsonNode before = find(json("/map.json?date=1921-01-01").path("territories"), "territory/kars").path("changes").get(0);
        assertEquals("control", before.path("kind").asText(), before.toString());
        assertEquals("/id/change/turkish-capture-of-kars-1920", before.path("change").path("href").asText());
        assertEquals(List.of("Republic of Armenia"), before.path("from").findValuesAsText("text"));
        assertEquals(List.of("Grand National Assembly of Turkey"), before.path("to").findValuesAsText("text"));
        assertTrue(before.path("instrument").isNull(), before.toString());
        // Before any change, none.
        assertEquals(0, find(json("/map.json?date=1918-06-01").path("territories"), "territory/kars").path("changes").size());
        // The page says the same beside the map, without script.
        Element listed = SiteServer.page("/map?date=1921-01-01").selectFirst("ul.map-places > li[data-id=territory/kars] .change");
        assertNotNull(listed);
        assertEquals("control", listed.attr("data-kind"));
        assertTrue(listed.text().startsWith("control changed from Republic of Armenia to Grand National Assembly of Turkey ("), listed.text());
        assertEquals("/id/change/turkish-capture-of-kars-1920", listed.select("a").last().attr("href"));
    }

    @Test
    void theMapsDataSaysKarsWasHeldByTheTurkishSideOn1November1921() throws Exception {
        JsonNode data = json("/map.json?date=1921-11-01");
        assertEquals("1921-11-01", data.path("date").asText());
        JsonNode kars = find(data.path("territories"), "territory/kars");
        assertNotNull(kars, "Kars has coordinates and is on the map: " + data);
        assertTrue(kars.path("lat").asDouble() > 39.5 && kars.path("lat").asDouble() < 41.5 && kars.path("long").asDouble() > 41.5 && kars.path("long").asDouble() < 44.5, kars.toString());
        assertEquals("/id/territory/kars", kars.path("href").asText());
        assertEquals("held-assigned", kars.path("state").asText(), kars.toString());
        List<String> relations = new ArrayList<>();
        for (JsonNode r : kars.path("relations")) relations.add(r.path("relation").asText() + " " + r.path("polity").asText() + " " + r.path("certainty").asText() + " " + r.path("act").asText());
        assertEquals(List.of("held polity/grand-national-assembly certain change/turkish-capture-of-kars-1920",
                "assigned polity/grand-national-assembly certain agreement/treaty-of-kars-1921"), relations);
        // Before the war of 1920, nothing was recorded of Kars.
        assertEquals("none", find(json("/map.json?date=1918-06-01").path("territories"), "territory/kars").path("state").asText());
        // In mid-1920 it was claimed only.
        assertEquals("claimed", find(json("/map.json?date=1920-06-01").path("territories"), "territory/kars").path("state").asText());
    }

    @Test
    void theMapListsTheTerritoriesWithoutCoordinatesWithTheirReason() throws Exception {
        JsonNode data = json("/map.json?date=1921-11-01");
        Set<String> located = new TreeSet<>(), unlocated = new TreeSet<>();
        data.path("territories").forEach(t -> located.add(t.path("id").asText()));
        data.path("withoutCoordinates").forEach(t -> unlocated.add(t.path("id").asText()));
        Set<String> all = SiteServer.select("PREFIX tg: <https://w3id.org/treaty-graph/ontology#> SELECT ?t { ?t a tg:Territory FILTER(isIRI(?t)) }").stream()
                .map(iri -> iri.substring(iri.indexOf("/id/") + 4)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> both = new TreeSet<>(located);
        both.addAll(unlocated);
        assertEquals(all, both, "every territory is on the map or listed beside it");
        Document page = SiteServer.page("/map?date=1921-11-01");
        assertEquals(unlocated.size(), page.select("ul.map-unplaced > li").size());
        assertEquals(located.size(), page.select("ul.map-places > li").size());
        Element kars = page.selectFirst("ul.map-places > li[data-id=territory/kars]");
        assertNotNull(kars);
        assertTrue(kars.text().contains("held by Grand National Assembly of Turkey"), kars.text());
        assertEquals("/map.json?date=1921-11-01", page.selectFirst("#map").attr("data-json"));
        assertEquals("", page.selectFirst("#map").attr("data-tiles"), "no tile server unless one is configured");
    }

    @Test
    void theMapRefusesADayItCannotShow() throws Exception {
        for (String bad : List.of("/map?date=1921-13-01", "/map?date=yesterday", "/map.json?date=1930-01-01", "/map?day=1921-01-01",
                "/map?date=1921-01-01&date=1921-01-02")) {
            HttpResponse<String> r = SiteServer.get(bad);
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
        }
        assertTrue(SiteServer.get("/map.json?date=1930-01-01").body().contains("outside the years the map shows"));
    }

    @Test
    void theStateOfAPlaceFollowsWhatHoldsOfIt() {
        Places.Relation held = new Places.Relation("held", "polity/a", "A", null, "certain", null, null, null);
        Places.Relation assignedA = new Places.Relation("assigned", "polity/a", "A", null, "certain", null, null, null);
        Places.Relation assignedB = new Places.Relation("assigned", "polity/b", "B", null, "certain", null, null, null);
        Places.Relation claimed = new Places.Relation("claimed", "polity/b", "B", null, "certain", null, null, null);
        assertEquals("held-assigned", Places.state(List.of(held, assignedA, claimed)));
        assertEquals("contested", Places.state(List.of(held, assignedB)));
        assertEquals("held", Places.state(List.of(held, claimed)));
        assertEquals("assigned", Places.state(List.of(assignedB)));
        assertEquals("claimed", Places.state(List.of(claimed)));
        assertEquals("none", Places.state(List.of()));
    }

    @Test
    void aTileServerIsOneUrlTemplate() {
        new MapServlet(null, Set.of());
        new MapServlet(null, Set.of("https://{s}.tiles.example.org/{z}/{x}/{y}.png"));
        for (String bad : List.of("ftp://tiles.example.org/{z}/{x}/{y}.png", "https://tiles.example.org/tile.png", "https://tiles.example.org/{z}/{x}.png")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MapServlet(null, Set.of(bad)));
            assertTrue(e.getMessage().startsWith("tg:mapTiles: \"" + bad + "\" is not a tile URL template"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new MapServlet(null, Set.of("https://a.org/{z}/{x}/{y}", "https://b.org/{z}/{x}/{y}")));
    }

    static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = SiteServer.get(path);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    static JsonNode find(JsonNode list, String id) {
        for (JsonNode t : list) if (t.path("id").asText().equals(id)) return t;
        return null;
    }
}

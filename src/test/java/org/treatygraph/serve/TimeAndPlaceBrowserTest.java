package org.treatygraph.serve;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The map, the timeline and the Kars history strip in headless Chromium, served by the shared test server:
 * Kars on the map and, with the slider moved to 1 November 1921, held by the Turkish side (the Grand National
 * Assembly); the Treaty of Kars on the timeline on 13 October 1921 with 002's September 1921 as a second
 * mark; the Kars strip with its intervals; no console error, and no request to any host but the server.
 * The map's popup names the change that concerns a place, from which polity to which, and opens its history;
 * polity and territory pages have their timeline, a polity's page its places.
 * Screenshots: target/screenshots/map.png, map-1921-11-01.png, timeline.png, history-kars.png, places-kars.png,
 * timeline-kars.png, timeline-grand-national-assembly.png, places-grand-national-assembly.png.
 */
class TimeAndPlaceBrowserTest {
    static String base;
    static final Path SHOTS = BrowserTest.SHOTS;
    static final String KARS = "document.querySelector('#map path.place-territory-kars')";

    @BeforeAll
    static void start() {
        base = SiteServer.base();
    }

    /** Every request the page made went to the server itself. */
    static void onlyTheServer(Chromium browser) {
        List<String> requests = browser.takeRequests();
        assertFalse(requests.isEmpty());
        String server = URI.create(base).getAuthority();
        for (String r : requests) {
            if (r.startsWith("data:") || r.startsWith("about:")) continue;
            assertEquals(server, URI.create(r).getAuthority(), "a request to another host: " + r);
        }
    }

    @Test
    void theMapShowsKarsAndWithTheSliderAt1November1921AsHeldByTheTurkishSide(@TempDir Path tmp) throws Exception {
        try (Chromium browser = BrowserTest.browser(tmp)) {
            browser.open(base + "/map");
            assertTrue(browser.waitFor("document.querySelector('#map[data-drawn]') && document.querySelector('#map .map-country')", 20_000), "the map is drawn");
            assertTrue(browser.evaluate("!!" + KARS).asBoolean(), "Kars is on the map");
            assertEquals("1921-01-01", browser.evaluate("document.getElementById('map').dataset.date").asText(), "the default day");
            assertTrue(browser.evaluate("document.querySelectorAll('#map .map-country').length").asInt() > 100, "Natural Earth's countries");
            browser.screenshot(SHOTS.resolve("map.png"));
            // The slider, moved to 1 November 1921 and let go.
            long day = LocalDate.of(1921, 11, 1).toEpochDay() - LocalDate.of(1917, 1, 1).toEpochDay();
            browser.evaluate("(() => { const s = document.getElementById('map-slider'); s.value = '" + day + "';"
                    + " s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change')); })()");
            assertTrue(browser.waitFor("document.getElementById('map').dataset.date === '1921-11-01'", 10_000), "redrawn for the day");
            assertEquals("/map?date=1921-11-01", browser.evaluate("location.pathname + location.search").asText(), "the day is in the address");
            assertEquals("1 November 1921", browser.evaluate("document.getElementById('map-slider-day').textContent").asText());
            assertEquals("held-assigned", browser.evaluate(KARS + ".dataset.state").asText());
            assertTrue(browser.evaluate(KARS + ".classList.contains('state-held-assigned')").asBoolean());
            String listed = browser.evaluate("document.querySelector('#map-places li[data-id=\"territory/kars\"]').textContent").asText();
            assertTrue(listed.contains("held by Grand National Assembly of Turkey"), listed);
            // Clicking the place opens a popup that links to its page.
            browser.evaluate(KARS + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))");
            assertTrue(browser.waitFor("document.querySelector('.leaflet-popup a[href=\"/id/territory/kars\"]')", 5_000), "the popup links to Kars's page");
            String popup = browser.evaluate("document.querySelector('.leaflet-popup').textContent").asText();
            assertTrue(popup.contains("held by Grand National Assembly of Turkey") && popup.contains("Treaty of Kars"), popup);
            // It says which change concerns Kars that day, to whom, by what (polities have no points: no arrow, words).
            assertTrue(popup.contains("assigned by an instrument to Grand National Assembly of Turkey (13 October 1921"), popup);
            Thread.sleep(500);   // the popup fades in
            browser.screenshot(SHOTS.resolve("map-1921-11-01.png"));
            // The territories without coordinates are listed beside the map.
            assertTrue(browser.evaluate("document.querySelectorAll('.map-unplaced li').length").asInt() > 0);
            assertEquals(List.of(), browser.takeProblems(), "no console error or policy violation");
            onlyTheServer(browser);
            // A day when Kars's last change was its capture: control changed from Armenia to the Turkish side.
            browser.open(base + "/map?date=1921-01-01");
            assertTrue(browser.waitFor("document.querySelector('#map[data-drawn]') && " + KARS, 20_000));
            assertTrue(browser.evaluate(KARS + ".classList.contains('change-control')").asBoolean(), "the marker tells control from assignment");
            browser.evaluate(KARS + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))");
            assertTrue(browser.waitFor("document.querySelector('.leaflet-popup .change-control')", 5_000));
            assertTrue(browser.evaluate("document.querySelector('.leaflet-popup .change').textContent").asText()
                    .startsWith("control changed from Republic of Armenia to Grand National Assembly of Turkey"));
            // Clicking a place opens its history: the popup's link goes to the strip on its page.
            browser.evaluate("document.querySelector('.leaflet-popup a.history-link').click()");
            assertTrue(browser.waitFor("location.pathname === '/id/territory/kars' && location.hash === '#history-strip' && document.readyState === 'complete'", 10_000));
            assertTrue(browser.evaluate("document.querySelectorAll('#history-strip li.strip-bar').length").asInt() >= 5);
            assertEquals(List.of(), browser.takeProblems(), "no console error or policy violation");
            onlyTheServer(browser);
        }
    }

    @Test
    void polityAndTerritoryPagesShowTheirTimelineAndPolityPagesTheirPlaces(@TempDir Path tmp) throws Exception {
        String treaty = "document.querySelector('#entity-timeline .tl-rows a[href=\"/id/agreement/treaty-of-kars-1921\"]').closest('li')";
        try (Chromium browser = BrowserTest.browser(tmp)) {
            browser.open(base + "/id/territory/kars");
            assertEquals("1921-09 002|1921-10-13 000, 001", browser.evaluate("[..." + treaty + ".querySelectorAll('rect.tl-mark.signing')]"
                    + ".map(m => m.dataset.date + ' ' + m.dataset.sources).sort().join('|')").asText());
            assertTrue(browser.evaluate("[..." + treaty + ".querySelectorAll('rect.tl-mark.signing')].map(m => m.getBoundingClientRect())"
                    + ".every(b => b.width >= 2 && b.height > 10)").asBoolean(), "both marks can be seen");
            // The capture of 1920 is a span over the days it may fall on.
            String capture = "document.querySelector('#entity-timeline .tl-rows a[href=\"/id/change/turkish-capture-of-kars-1920\"]').closest('li').querySelector('rect.tl-mark.year')";
            assertTrue(browser.evaluate(capture + ".getBoundingClientRect().width").asDouble() > 10);
            // Where a date is known only to lie between two days, soft edges (the gradient of the style sheet): on the polity's timeline below.
            browser.evaluate("document.getElementById('entity-timeline').scrollIntoView()");
            browser.screenshot(SHOTS.resolve("timeline-kars.png"));
            // The sources beside the marks are drawn after every mark of their row, with a halo: the Treaty of Moscow's
            // ratification of 22 July 1921 lies under the label of its signing, and shows above and below it, not through it.
            assertTrue(browser.evaluate("[...document.querySelectorAll('#entity-timeline svg.tl-track')].every(svg => { let label = false;"
                    + " for (const el of svg.children) { if (el.tagName === 'text') label = true; else if (el.classList.contains('tl-mark') && label) return false; }"
                    + " return true; })").asBoolean(), "no mark drawn over a label");
            assertEquals("stroke", browser.evaluate("getComputedStyle(document.querySelector('#entity-timeline text.tl-mark-src')).paintOrder.split(' ')[0]").asText());
            assertTrue(browser.evaluate("(() => { const row = document.querySelector('#entity-timeline a.tl-track-link[href=\"/id/agreement/treaty-of-moscow-1921\"]');"
                    + " const label = [...row.querySelectorAll('text.tl-mark-src')].pop().getBBox();"
                    + " const tick = row.querySelector('rect.tl-mark[data-date=\"1921-07-22\"]').getBBox();"
                    + " return tick.x >= label.x && tick.x <= label.x + label.width; })()").asBoolean(), "the July ratification lies under the label");
            assertEquals(List.of(), browser.takeProblems(), "no console error or policy violation");
            onlyTheServer(browser);
            // A polity: its timeline, and the places whose history names it on a small map.
            browser.open(base + "/id/polity/grand-national-assembly");
            assertTrue(browser.evaluate("document.querySelectorAll('#entity-timeline .tl-rows li.tl-row').length").asInt() > 10);
            assertTrue(browser.evaluate("getComputedStyle(document.querySelector('#entity-timeline rect.tl-mark.soft')).fill").asText().contains("fade-both-"));
            assertTrue(browser.waitFor("document.querySelectorAll('#place-map .place-marker').length >= 5 && document.querySelector('#place-map .map-country')", 20_000),
                    "the polity's places: " + browser.evaluate("document.querySelectorAll('#place-map .place-marker').length"));
            browser.evaluate("document.getElementById('entity-timeline').scrollIntoView()");
            browser.screenshot(SHOTS.resolve("timeline-grand-national-assembly.png"));
            browser.evaluate("document.getElementById('places').scrollIntoView()");
            browser.screenshot(SHOTS.resolve("places-grand-national-assembly.png"));
            // Clicking a row's marks opens its page.
            browser.evaluate("document.querySelector('#entity-timeline a.tl-track-link[href=\"/id/agreement/treaty-of-kars-1921\"]').click()");
            assertTrue(browser.waitFor("location.pathname === '/id/agreement/treaty-of-kars-1921' && document.readyState === 'complete'", 10_000));
            assertEquals(List.of(), browser.takeProblems(), "no console error or policy violation");
            onlyTheServer(browser);
        }
    }

    @Test
    void theTimelineShowsTheTreatyOfKarsOn13October1921AndSeptember1921From002(@TempDir Path tmp) throws Exception {
        String row = "document.querySelector('.tl-rows a[href=\"/id/agreement/treaty-of-kars-1921\"]').closest('li')";
        try (Chromium browser = BrowserTest.browser(tmp)) {
            browser.open(base + "/timeline");
            assertEquals("1921-09 002|1921-10-13 000, 001", browser.evaluate("[..." + row + ".querySelectorAll('rect.tl-mark.signing')]"
                    + ".map(m => m.dataset.date + ' ' + m.dataset.sources).sort().join('|')").asText());
            // Both marks are drawn where they should be and can be seen: a 2 px tick, a month's span before it.
            String boxes = "[..." + row + ".querySelectorAll('rect.tl-mark.signing')].map(m => m.getBoundingClientRect())";
            assertTrue(browser.evaluate(boxes + ".every(b => b.width >= 2 && b.height > 10)").asBoolean());
            browser.evaluate(row + ".scrollIntoView({block: 'center'})");
            browser.screenshot(SHOTS.resolve("timeline.png"));
            assertEquals(List.of(), browser.takeProblems(), "no console error or policy violation");
            onlyTheServer(browser);
            // Clicking the item's marks opens its page.
            browser.evaluate(row + ".querySelector('a.tl-track-link').click()");
            assertTrue(browser.waitFor("location.pathname === '/id/agreement/treaty-of-kars-1921' && document.readyState === 'complete'", 10_000));
        }
    }

    @Test
    void theKarsHistoryStripShowsItsIntervals(@TempDir Path tmp) throws Exception {
        try (Chromium browser = BrowserTest.browser(tmp)) {
            browser.open(base + "/id/territory/kars");
            assertEquals("claimed held occupation assigned assigned",
                    browser.evaluate("[...document.querySelectorAll('#history-strip li.strip-bar')].map(l => l.dataset.relation).join(' ')").asText());
            // Every interval is drawn, and visibly.
            assertTrue(browser.evaluate("[...document.querySelectorAll('#history-strip li.strip-bar')].every(l => "
                    + "[...l.querySelectorAll('rect.bar')].some(r => r.getBoundingClientRect().width >= 2))").asBoolean());
            // The soft start of the Turkish control is drawn with its gradient (the policy allows no inline style, the style sheet does it).
            assertTrue(browser.evaluate("getComputedStyle(document.querySelector('#history-strip rect.bar.held.soft-in')).fill").asText().contains("fade-in-held"));
            browser.evaluate("document.getElementById('history-strip').scrollIntoView()");
            browser.screenshot(SHOTS.resolve("history-kars.png"));
            assertEquals(List.of(), browser.takeProblems(), "no console error or policy violation");
            onlyTheServer(browser);
        }
    }

    @Test
    void aTerritoryAndATreatyShowTheirPlacesOnASmallMap(@TempDir Path tmp) throws Exception {
        try (Chromium browser = BrowserTest.browser(tmp)) {
            browser.open(base + "/id/territory/kars");
            assertTrue(browser.waitFor("document.querySelectorAll('#place-map .place-marker').length === 1 && document.querySelector('#place-map .map-country')", 20_000),
                    "Kars's page draws its one point over the base map");
            browser.evaluate("document.querySelector('#place-map .place-marker').dispatchEvent(new MouseEvent('click', {bubbles: true}))");
            assertTrue(browser.waitFor("document.querySelector('#place-map .leaflet-popup a[href=\"/id/territory/kars\"]')", 5_000), "its popup links to its page");
            browser.evaluate("document.getElementById('places').scrollIntoView()");
            browser.screenshot(SHOTS.resolve("places-kars.png"));
            // ... and to its history on that page, as /map's popups do.
            assertEquals("Its history, 1917–1925", browser.evaluate("document.querySelector('#place-map .leaflet-popup a.history-link').textContent").asText());
            browser.evaluate("document.querySelector('#place-map .leaflet-popup a.history-link').click()");
            assertTrue(browser.waitFor("location.pathname === '/id/territory/kars' && location.hash === '#history-strip' && document.readyState === 'complete'", 10_000));
            assertTrue(browser.evaluate("document.getElementById('history-strip').getBoundingClientRect().top").asDouble() < 100,
                    "the page is at its history strip");
            browser.open(base + "/id/agreement/treaty-of-kars-1921");
            // The treaty's places: the territories whose history names it (Kars, Ardahan, Artvin, Batumi among them).
            assertTrue(browser.waitFor("document.querySelectorAll('#place-map .place-marker').length >= 4", 20_000),
                    "the treaty's territories: " + browser.evaluate("document.querySelectorAll('#place-map .place-marker').length"));
            assertEquals(List.of(), browser.takeProblems(), "no console error or policy violation");
            onlyTheServer(browser);
            browser.open(base + "/id/person/yusuf-kemal-bey");
            assertEquals(0, browser.evaluate("document.querySelectorAll('#place-map').length").asInt(), "no map where there are no places");
        }
    }
}

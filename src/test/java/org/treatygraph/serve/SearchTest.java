package org.treatygraph.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.ExternalTools;
import org.treatygraph.ontology.IriScheme;

import static org.junit.jupiter.api.Assertions.*;

/** Search over real HTTP: the JSON the search box asks, the /search page, its refusals, and the box in a browser. */
class SearchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KARS = "/id/agreement/treaty-of-kars-1921";
    static HttpResponse<String> get(String path, String... headers) throws Exception {
        return SiteServer.get(path, headers);
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static JsonNode search(String q, Integer limit) throws Exception {
        HttpResponse<String> r = get("/search.json?q=" + enc(q) + (limit == null ? "" : "&limit=" + limit));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        return JSON.readTree(r.body());
    }

    static List<String> urls(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.path("hits").forEach(h -> out.add(h.path("url").asText()));
        return out;
    }

    @Test
    void theJsonApiAnswersWithRankedHits() throws Exception {
        JsonNode kars = search("Kars", 10);
        assertEquals("Kars", kars.path("query").asText());
        assertTrue(kars.path("hits").size() <= 10 && kars.path("hits").size() >= 3, kars.toString());
        assertEquals("/id/territory/kars", urls(kars).get(0), "the exact label first: " + urls(kars));
        int at = urls(kars).indexOf(KARS);
        assertTrue(at >= 0 && at < 5, urls(kars).toString());
        JsonNode treaty = kars.path("hits").get(at);
        assertEquals(IriScheme.ID + "agreement/treaty-of-kars-1921", treaty.path("iri").asText());
        assertEquals("Treaty of Kars", treaty.path("label").asText());
        assertEquals("treaty of friendship", treaty.path("kind").asText());
        assertEquals("agreement", treaty.path("type").asText());
        assertEquals("13 October 1921", treaty.path("date").asText(), "signed 13 October 1921");
        double previous = Double.MAX_VALUE;
        for (JsonNode h : kars.path("hits")) {
            assertTrue(h.path("score").asDouble() > 0 && h.path("score").asDouble() <= previous, kars.toString());
            previous = h.path("score").asDouble();
        }
        assertEquals(2, search("Kars", 2).path("hits").size());
        assertEquals(10, search("treaty", null).path("hits").size(), "ten unless asked for another number");
        // Accents, case, an unfinished word, a recorded spelling variant.
        assertEquals("/id/person/kazim-karabekir", urls(search("kâzım", 5)).get(0));
        assertEquals("/id/person/kazim-karabekir", urls(search("KAZIM", 5)).get(0));
        JsonNode batum = search("Batum", 5);
        assertEquals("/id/territory/batumi", urls(batum).get(0));
        assertEquals("Batum", batum.path("hits").get(0).path("altLabel").asText());
        assertEquals(urls(search("Karakhan", 1)), urls(search("Karahan", 1)));
        // No words, no hits (the box asks nothing then, but the API answers).
        assertEquals(0, search("", null).path("hits").size());
        assertEquals(0, JSON.readTree(get("/search.json").body()).path("hits").size());
    }

    @Test
    void theAnswersNameTheBuild() throws Exception {
        HttpResponse<String> r = get("/search.json?q=Kars");
        String etag = r.headers().firstValue("ETag").orElse("");
        assertFalse(etag.isEmpty(), r.headers().toString());
        assertEquals(304, get("/search.json?q=Kars", "If-None-Match", etag).statusCode());
        assertNotEquals(etag, get("/search.json?q=Batum").headers().firstValue("ETag").orElse(""), "another query, another ETag");
    }

    @Test
    void theSearchPageListsTheHitsLinkedToTheirPages() throws Exception {
        HttpResponse<String> r = get("/search?q=Kars");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = r.body();
        assertTrue(html.contains("<title>Search: Kars — treaty graph</title>"), html);
        assertTrue(html.contains("<li><a href=\"" + KARS + "\">Treaty of Kars</a> <span class=\"kind\">treaty of friendship</span> <span class=\"date\">13 October 1921</span>"), html);
        assertTrue(html.contains("<input id=\"search-page-q\" name=\"q\" type=\"search\" value=\"Kars\""), "the form keeps the query");
        assertEquals(200, get(KARS, "Accept", "text/html").statusCode(), "the link leads to the treaty's page");
        assertTrue(get("/search?q=Batum").body().contains("<span class=\"also\">also called “Batum”</span>"), "the alternative name that matched");
        String escaped = get("/search?q=" + enc("<b>Kars</b>")).body();
        assertTrue(escaped.contains("“&lt;b&gt;Kars&lt;/b&gt;”"), "the query is escaped: " + escaped);
        assertFalse(escaped.contains("<b>"), escaped);
        assertTrue(get("/search?q=xyzzy").body().contains("Nothing in the graph is named “xyzzy”"));
    }

    @Test
    void withoutAQueryThePageShowsTheFormAndAHint() throws Exception {
        for (String path : List.of("/search", "/search?q=", "/search?q=%20%20")) {
            HttpResponse<String> r = get(path);
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.body().contains("<form class=\"search-page\" role=\"search\""), path);
            assertTrue(r.body().contains("<label for=\"search-page-q\">"), path);
            assertTrue(r.body().contains("<p class=\"hint\">Type a name or the start of one"), path);
            assertFalse(r.body().contains("<ol class=\"search-hits\">"), path);
        }
    }

    @Test
    void badQueriesAndLimitsAre400sWithAPlainMessage() throws Exception {
        String[][] cases = {
                {"/search?q=" + "a".repeat(201), "q is 201 characters long; a search takes at most 200"},
                {"/search.json?q=" + enc("ı".repeat(201)), "q is 201 characters long"},
                {"/search.json?q=Kars&limit=0", "limit is a whole number from 1 to 50, found \"0\""},
                {"/search.json?q=Kars&limit=51", "found \"51\""},
                {"/search.json?q=Kars&limit=2.5", "found \"2.5\""},
                {"/search.json?q=Kars&limit=", "found \"\""},
                {"/search?q=Kars&q=Batum", "q is given 2 times; give it once"}};
        for (String[] c : cases) {
            HttpResponse<String> r = get(c[0]);
            assertEquals(400, r.statusCode(), c[0] + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), c[0]);
            assertTrue(r.body().contains(c[1]), c[0] + ": " + r.body());
        }
        assertEquals(200, get("/search.json?q=" + "a".repeat(200)).statusCode(), "200 characters are taken");
    }

    @Test
    void everyPageHasTheSearchBox() throws Exception {
        for (String path : List.of("/", KARS, "/id/agreement/", "/query", "/search?q=Kars", "/dumps/")) {
            HttpResponse<String> r = get(path, "Accept", "text/html");
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.body().contains("<form class=\"site-search\" role=\"search\" aria-label=\"Site\" action=\"/search\" method=\"get\">"), path);
            assertTrue(r.body().contains("<label for=\"site-search-q\" class=\"visually-hidden\">Search names</label><input id=\"site-search-q\" name=\"q\""), path);
            assertTrue(r.body().contains("<script src=\"/assets/search.js\" defer></script>"), path);
        }
        HttpResponse<String> script = get("/assets/search.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(script.body().contains("fetch('/search.json?limit="), "the box asks the JSON API");
    }

    /** Types "Kars" in the header's box, chooses the Treaty of Kars with the arrow keys, and lands on its page. */
    @Test
    void theBoxSuggestsAsOneTypesAndEnterOpensTheChosenPage(@TempDir Path tmp) throws Exception {
        ExternalTools.require(Files.isExecutable(Chromium.BINARY), "Debian chromium");
        Path shots = Path.of("target/screenshots");
        try (Chromium browser = new Chromium(tmp.resolve("profile"))) {
            browser.open(SiteServer.base() + "/");
            browser.evaluate("document.getElementById('site-search-q').focus()");
            browser.type("Kars");
            String options = "[...document.querySelectorAll('#site-search-list [role=option]')]";
            for (int i = 0; i < 100 && browser.evaluate(options + ".length").asInt() == 0; i++) Thread.sleep(50);
            assertEquals("true", browser.evaluate("document.getElementById('site-search-q').getAttribute('aria-expanded')").asText());
            assertEquals("combobox", browser.evaluate("document.getElementById('site-search-q').getAttribute('role')").asText());
            assertFalse(browser.evaluate("document.getElementById('site-search-list').hidden").asBoolean(), "the suggestions show");
            List<String> labels = new ArrayList<>();
            browser.evaluate(options + ".map(o => o.querySelector('.label').textContent)").forEach(l -> labels.add(l.asText()));
            int at = labels.indexOf("Treaty of Kars");
            assertTrue(at >= 0, labels.toString());
            assertEquals("Kars", labels.get(0));
            // Down to the treaty: it is the active descendant, and the only one selected.
            for (int i = 0; i <= at; i++) browser.press("ArrowDown");
            assertEquals("site-search-option-" + at, browser.evaluate("document.getElementById('site-search-q').getAttribute('aria-activedescendant')").asText());
            assertEquals(at, browser.evaluate(options + ".findIndex(o => o.getAttribute('aria-selected') === 'true')").asInt());
            assertEquals(1, browser.evaluate(options + ".filter(o => o.getAttribute('aria-selected') === 'true').length").asInt());
            assertTrue(browser.evaluate(options + "[" + at + "].textContent").asText().contains("13 October 1921"), "with its date");
            browser.screenshot(shots.resolve("search-suggestions.png"));
            assertTrue(Files.size(shots.resolve("search-suggestions.png")) > 1000);
            browser.press("Enter");
            String path = "";
            for (int i = 0; i < 100 && !path.equals(KARS); i++) {
                Thread.sleep(100);
                try {
                    path = browser.evaluate("document.readyState === 'complete' ? location.pathname : ''").asText();
                } catch (java.io.IOException navigating) {
                    // the page is being replaced
                }
            }
            assertEquals(KARS, path);
            assertEquals("Treaty of Kars", browser.evaluate("document.querySelector('h1').textContent").asText());
            browser.screenshot(shots.resolve("search-landed.png"));
            assertEquals(List.of(), browser.takeProblems(), "no console errors, CSP violations or failed requests");

            // Escape closes the suggestions; Enter with none chosen opens the /search page.
            browser.evaluate("document.getElementById('site-search-q').focus()");
            browser.type("Batum");
            for (int i = 0; i < 100 && browser.evaluate(options + ".length").asInt() == 0; i++) Thread.sleep(50);
            browser.press("Escape");
            assertTrue(browser.evaluate("document.getElementById('site-search-list').hidden").asBoolean());
            assertEquals("false", browser.evaluate("document.getElementById('site-search-q').getAttribute('aria-expanded')").asText());
            browser.press("Enter");
            path = "";
            for (int i = 0; i < 100 && !path.equals("/search?q=Batum"); i++) {
                Thread.sleep(100);
                try {
                    path = browser.evaluate("document.readyState === 'complete' ? location.pathname + location.search : ''").asText();
                } catch (java.io.IOException navigating) {
                    // the page is being replaced
                }
            }
            assertEquals("/search?q=Batum", path);
            assertEquals("Batumi", browser.evaluate("document.querySelector('.search-hits a').textContent").asText());

            // At a phone's width the page and its box fit without scrolling sideways.
            browser.width(375);
            browser.open(SiteServer.base() + "/search?q=Kars");
            assertTrue(browser.evaluate("document.documentElement.scrollWidth").asInt() <= 375,
                    "scroll width " + browser.evaluate("document.documentElement.scrollWidth"));
            browser.evaluate("document.getElementById('site-search-q').focus()");
            browser.type("Karab");
            for (int i = 0; i < 100 && browser.evaluate(options + ".length").asInt() == 0; i++) Thread.sleep(50);
            assertTrue(browser.evaluate("document.getElementById('site-search-list').getBoundingClientRect().right <= 375").asBoolean(),
                    "the suggestions lie within the screen");
            browser.screenshot(shots.resolve("search-375.png"));
            assertEquals(List.of(), browser.takeProblems());
        }
    }
}

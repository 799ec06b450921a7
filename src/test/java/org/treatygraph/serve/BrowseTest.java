package org.treatygraph.serve;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.*;

/** The faceted browse of instruments (/browse) over real HTTP, on the bundled data. */
class BrowseTest {
    private static final Pattern ROW = Pattern.compile("<tr><td><a href=\"([^\"]+)\">([^<]*)</a></td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>");
    /** A value not chosen: its link adds it, the count follows. */
    private static final Pattern VALUE = Pattern.compile("<li><a href=\"([^\"]+)\">([^<]*)</a> <span class=\"count\">(\\d+)</span></li>");
    /** A chosen value: the count, then the link that drops it. */
    private static final Pattern CHOSEN = Pattern.compile("<li class=\"on\">✓ ([^<]*) <span class=\"count\">(\\d+)</span> <a href=\"([^\"]+)\">remove");
    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return SiteServer.get(pathAndQuery);
    }

    static String page(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), pathAndQuery);
        return r.body();
    }

    record Row(String href, String label, String kind, String date, String parties) {}

    static List<Row> rows(String html) {
        List<Row> rows = new ArrayList<>();
        for (Matcher m = ROW.matcher(html); m.find(); ) rows.add(new Row(m.group(1), unescape(m.group(2)), m.group(3), m.group(4), unescape(m.group(5))));
        return rows;
    }

    static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">");
    }

    @Test
    void year1921AndPartyPersiaGiveTheSovietPersianTreaty() throws Exception {
        String html = page("/browse?year=1921&party=polity/persia");
        List<Row> rows = rows(html);
        Row treaty = rows.stream().filter(r -> r.href().equals("/id/agreement/soviet-persian-treaty-1921")).findFirst().orElse(null);
        assertNotNull(treaty, html);
        assertEquals("Soviet–Persian Treaty of Friendship", treaty.label());
        assertEquals("26 February 1921", treaty.date(), "the most precise of its signing dates, in words");
        assertTrue(treaty.parties().contains("Persia") && treaty.parties().contains("Russian Soviet Federative Socialist Republic"), treaty.parties());
        for (Row r : rows) {
            assertTrue(r.date().contains("1921"), r.toString());
            assertTrue(r.parties().contains("Persia"), r.toString());
        }
        // Both choices are shown chosen, each with as many instruments as are listed, and a link that drops it.
        Matcher chosen = CHOSEN.matcher(html);
        List<String> drops = new ArrayList<>();
        while (chosen.find()) {
            assertEquals(rows.size(), Integer.parseInt(chosen.group(2)), chosen.group(1));
            drops.add(unescape(chosen.group(3)));
        }
        assertEquals(List.of("/browse?party=polity/persia", "/browse?year=1921"), drops);
        assertTrue(html.contains("<a href=\"/browse\">clear all</a>"), "one link clears every facet");
        // Within the year, its months: February 1921 still lists the treaty.
        Matcher february = Pattern.compile("<li><a href=\"([^\"]+)\">February 1921</a>").matcher(html);
        assertTrue(february.find(), html);
        assertTrue(rows(page(unescape(february.group(1)))).stream().anyMatch(r -> r.href().equals(treaty.href())));
    }

    @Test
    void withoutParametersEveryInstrumentIsListedByDate() throws Exception {
        String html = page("/browse");
        List<Row> rows = rows(html);
        int instruments;
        try (var qe = QueryExecutionHTTP.service(SiteServer.base() + "/treaties/sparql").query("""
                PREFIX tg: <https://w3id.org/treaty-graph/ontology#>
                SELECT (COUNT(DISTINCT ?i) AS ?n) { ?i a tg:Instrument }""").build()) {
            instruments = qe.execSelect().next().getLiteral("n").getInt();
        }
        assertTrue(instruments > 50, "the bundled data has its instruments: " + instruments);
        assertEquals(instruments, rows.size());
        assertTrue(html.contains("All " + instruments + " instruments"), html);
        assertEquals(instruments, rows.stream().map(Row::href).distinct().count(), "each once");
        Row kars = rows.stream().filter(r -> r.href().equals("/id/agreement/treaty-of-kars-1921")).findFirst().orElseThrow();
        assertEquals("13 October 1921", kars.date());
        assertEquals("treaty of friendship", kars.kind(), "the most specific kind");
        // By date: Kars (October 1921) after Moscow (March 1921), and every row's year no earlier than the one before.
        List<String> order = rows.stream().map(Row::href).toList();
        assertTrue(order.indexOf("/id/agreement/treaty-of-moscow-1921") < order.indexOf(kars.href()));
        int lastYear = 0;
        for (Row r : rows) {
            Matcher y = Pattern.compile("\\d{4}").matcher(r.date());
            assertTrue(y.find(), "every instrument here has a date: " + r);
            int year = Integer.parseInt(y.group());
            assertTrue(year >= lastYear, r + " after a row of " + lastYear);
            lastYear = year;
        }
        for (String facet : List.of("Kind", "Year", "Party", "Signatory", "Territory", "Source", "Status")) {
            assertTrue(html.contains(">" + facet + "</h3>"), facet);
        }
        assertFalse(html.contains(">Month</h3>"), "months are offered within a chosen year");
    }

    /** The count beside each value is the number of instruments its link lists, on the whole list and within a year. */
    @Test
    void everyCountIsWhatItsLinkLists() throws Exception {
        for (String start : List.of("/browse", "/browse?year=1921")) {
            String html = page(start);
            int values = 0;
            for (Matcher m = VALUE.matcher(html); m.find(); values++) {
                String link = unescape(m.group(1));
                int count = Integer.parseInt(m.group(3));
                assertTrue(count > 0, "only values some listed instrument has are offered: " + m.group());
                String after = page(link);
                assertEquals(count, rows(after).size(), start + ": " + unescape(m.group(2)) + " → " + link);
                // The value is now chosen, with the same count, and its link leads back.
                Matcher chosen = CHOSEN.matcher(after);
                boolean found = false;
                while (chosen.find()) {
                    if (unescape(chosen.group(1)).equals(unescape(m.group(2)))) {
                        found = true;
                        assertEquals(count, Integer.parseInt(chosen.group(2)));
                        assertEquals(start, unescape(chosen.group(3)));
                    }
                }
                assertTrue(found, link);
            }
            assertTrue(values > 20, start + " offers values of every facet: " + values);
        }
    }

    @Test
    void parametersThatAreNotFacetsOrNotIdsAre400WithTheParameterNamed() throws Exception {
        for (String[] c : new String[][] {
                {"colour=red", "there is no facet \"colour\""},
                {"year=1921&Party=polity/persia", "\"Party\""},
                {"party=Persia", "party=\"Persia\" is not an entity id"},
                {"party=", "party=\"\" is not an entity id"},
                {"party=polity/persia/extra", "party=\"polity/persia/extra\""},
                {"signatory=https%3A%2F%2Fw3id.org%2Ftreaty-graph%2Fid%2Fperson%2Fchicherin", "signatory=\"https://w3id.org/treaty-graph/id/person/chicherin\" is not an entity id"},
                {"year=21", "year=\"21\" is not a year"},
                {"month=1921-13", "month=\"1921-13\" is not a month"},
                {"kind=treaty", "kind=\"treaty\" is not an ontology term's name"},
                {"status=" + URLEncoder.encode("in force", StandardCharsets.UTF_8), "status=\"in force\""}}) {
            HttpResponse<String> r = get("/browse?" + c[0]);
            assertEquals(400, r.statusCode(), c[0] + ": " + r.body());
            assertTrue(r.body().contains(c[1]), c[0] + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), c[0]);
        }
    }

    @Test
    void aWellFormedIdTheGraphLacksMatchesNothingAndCanBeDropped() throws Exception {
        String html = page("/browse?party=polity/atlantis&year=1921");
        assertEquals(List.of(), rows(html));
        assertTrue(html.contains("No instrument has all of these."), html);
        Matcher chosen = CHOSEN.matcher(html);
        List<String> labels = new ArrayList<>();
        while (chosen.find()) {
            labels.add(chosen.group(1));
            assertEquals("0", chosen.group(2));
        }
        assertTrue(labels.contains("polity/atlantis"), labels.toString());
        assertTrue(html.contains("<a href=\"/browse?year=1921\">remove<span class=\"vh\"> party polity/atlantis</span></a>"), html);
    }

    @Test
    void theNavigationAndTheAgreementListLinkHere() throws Exception {
        assertTrue(page("/").contains("<a href=\"/browse\">browse</a>"));
        assertTrue(page("/id/agreement/").contains("href=\"/browse\""));
    }

    @Test
    void inABrowserTheFacetsSitBesideTheListAndAboveItOnAPhone(@TempDir Path tmp) throws Exception {
        org.treatygraph.ExternalTools.require(Files.isExecutable(Chromium.BINARY), "Debian chromium");
        Path shots = Path.of("target/screenshots");
        try (Chromium browser = new Chromium(tmp.resolve("profile"))) {
            browser.open(SiteServer.base() + "/browse?year=1921&party=polity/persia");
            assertEquals(List.of(), browser.takeProblems(), "no error and no breach of the content security policy");
            assertTrue(browser.evaluate("document.querySelector('.facets').getBoundingClientRect().right <= document.querySelector('.results').getBoundingClientRect().left").asBoolean(),
                    "beside the list on a wide screen");
            // Following a month's link, as a reader does, keeps the other choices.
            browser.evaluate("[...document.querySelectorAll('.facet a')].find(a => a.textContent === 'February 1921').click()");
            assertTrue(browser.waitFor("location.search.includes('month') && document.readyState === 'complete'", 10_000), "the month's link was followed");
            assertEquals("?year=1921&month=1921-02&party=polity/persia", browser.evaluate("location.search").asText());
            assertTrue(browser.evaluate("[...document.querySelectorAll('.results a')].some(a => a.getAttribute('href') === '/id/agreement/soviet-persian-treaty-1921')").asBoolean());
            browser.screenshot(shots.resolve("browse.png"));
            browser.width(375);
            browser.open(SiteServer.base() + "/browse?year=1921");
            assertEquals(List.of(), browser.takeProblems());
            assertTrue(browser.evaluate("document.documentElement.scrollWidth").asInt() <= 375,
                    "scroll width " + browser.evaluate("document.documentElement.scrollWidth"));
            assertTrue(browser.evaluate("document.querySelector('.facets').getBoundingClientRect().bottom <= document.querySelector('.results').getBoundingClientRect().top").asBoolean(),
                    "above the list on a phone");
            browser.screenshot(shots.resolve("browse-375.png"));
        }
    }

    @Test
    void aFilteredViewHasItsOwnEtag() throws Exception {
        HttpResponse<String> all = get("/browse"), some = get("/browse?year=1921");
        String etag = all.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, some.headers().firstValue("ETag").orElseThrow());
        HttpResponse<String> again = SiteServer.get("/browse", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
    }
}

package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.ExternalTools;

/**
 * Issue 14's acceptance, as a historian uses the site, in headless Chromium: from the home page, search
 * "Kars" and reach the Treaty of Kars; read its header (the date in words) and its parties, each with a
 * source reference that leads to the quoted passage; filter the instruments by 1921 and Persia and get the
 * Soviet–Persian treaty. No console errors on the way; screenshots in target/screenshots/ (the README's tour
 * uses them). The query editor's part is {@code QueryEditorTest}.
 */
class SiteAcceptanceTest {
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    @TempDir Path tmp;

    @Test
    void aHistorianFindsTheTreatyOfKarsReadsItsHeaderAndFollowsASource() throws Exception {
        ExternalTools.require(Files.isExecutable(Chromium.BINARY), "Debian chromium");
        String base = SiteServer.base();
        try (Chromium browser = new Chromium(tmp.resolve("profile"))) {
            browser.open(base + "/");
            browser.evaluate("document.getElementById('site-search-q').focus()");
            browser.type("Kars");
            String options = "[...document.querySelectorAll('#site-search-list [role=option]')]";
            for (int i = 0; i < 100 && browser.evaluate(options + ".length").asInt() == 0; i++) Thread.sleep(50);
            browser.screenshot(SCREENSHOTS.resolve("tour-1-search.png"));
            int at = -1;
            JsonNode labels = browser.evaluate(options + ".map(o => o.querySelector('.label').textContent)");
            for (int i = 0; i < labels.size(); i++) if (labels.get(i).asText().equals("Treaty of Kars")) at = i;
            assertTrue(at >= 0, "the suggestions offer the Treaty of Kars: " + labels);
            for (int i = 0; i <= at; i++) browser.press("ArrowDown");
            browser.press("Enter");
            for (int i = 0; i < 100 && !browser.evaluate("location.pathname").asText().endsWith("treaty-of-kars-1921"); i++) Thread.sleep(50);
            Thread.sleep(300);
            assertEquals("/id/agreement/treaty-of-kars-1921", browser.evaluate("location.pathname").asText());

            // The header, as shown: the date in words.
            String header = browser.evaluate("document.querySelector('header.entity-head').innerText").asText();
            assertTrue(header.contains("Treaty of Kars") && header.contains("13 October 1921"), header);
            browser.screenshot(SCREENSHOTS.resolve("tour-2-treaty-of-kars.png"));

            // Each party with its source reference; the reference leads to a passage whose quote opens on demand.
            JsonNode parties = browser.evaluate("[...document.querySelectorAll('#parties dd')[0].querySelectorAll('ul.values > li')]"
                    + ".map(li => [li.querySelector('a').textContent, li.querySelector('sup.ref a') ? li.querySelector('sup.ref a').getAttribute('href') : null])");
            assertEquals(4, parties.size(), parties.toString());
            for (JsonNode p : parties) assertFalse(p.get(1).isNull(), "a source reference beside " + p.get(0).asText());
            String ref = parties.get(0).get(1).asText();
            browser.evaluate("document.querySelector('#parties sup.ref a').click()");
            Thread.sleep(200);
            assertEquals(ref, browser.evaluate("location.hash").asText(), "the reference link goes to its source");
            String quote = browser.evaluate("(() => { const li = document.querySelector('" + ref + "'); li.querySelector('details').open = true;"
                    + " return li.querySelector('blockquote').innerText; })()").asText();
            assertTrue(quote.contains("Treaty of Kars"), "the quote, shown on demand: " + quote);
            String passage = browser.evaluate("document.querySelector('" + ref + " a[href^=\"/sources/\"]').getAttribute('href')").asText();
            browser.open(base + passage);
            String marked = browser.evaluate("document.querySelector('mark') ? document.querySelector('mark').innerText : ''").asText();
            assertTrue(quote.startsWith(marked.strip().substring(0, Math.min(20, marked.strip().length()))) && !marked.isBlank(),
                    "the passage is marked in its source: " + marked);
            browser.screenshot(SCREENSHOTS.resolve("tour-3-source-passage.png"));

            // Browse: 1921 and Persia.
            browser.open(base + "/browse");
            browser.evaluate("[...document.querySelectorAll('a')].find(a => a.textContent.trim() === '1921').click()");
            assertTrue(browser.waitFor("location.search.includes('year=1921') && document.readyState === 'complete'", 10_000));
            browser.evaluate("[...document.querySelectorAll('a')].find(a => a.textContent.trim() === 'Persia').click()");
            assertTrue(browser.waitFor("location.search.includes('party=') && document.readyState === 'complete'", 10_000));
            String url = browser.evaluate("location.search").asText();
            assertTrue(url.contains("year=1921") && url.contains("party=polity"), "the filtered view is in its URL: " + url);
            List<String> rows = new ArrayList<>();
            browser.evaluate("[...document.querySelectorAll('table a[href^=\"/id/agreement/\"]')].map(a => a.textContent)").forEach(n -> rows.add(n.asText()));
            assertTrue(rows.contains("Soviet–Persian Treaty of Friendship"), rows.toString());
            browser.screenshot(SCREENSHOTS.resolve("tour-4-browse-1921-persia.png"));

            assertEquals(List.of(), browser.takeProblems(), "no console errors, exceptions or failed requests");
        }
    }

    @Test
    void theEntityPageReadsOnAPhone() throws Exception {
        ExternalTools.require(Files.isExecutable(Chromium.BINARY), "Debian chromium");
        try (Chromium browser = new Chromium(tmp.resolve("profile"))) {
            browser.width(375);
            browser.open(SiteServer.base() + "/id/agreement/treaty-of-kars-1921");
            assertTrue(browser.evaluate("document.scrollingElement.scrollWidth").asInt() <= 376, "no sideways scroll at 375 px");
            String header = browser.evaluate("document.querySelector('header.entity-head').innerText").asText();
            assertTrue(header.contains("13 October 1921"), header);
            browser.screenshot(SCREENSHOTS.resolve("entity-page-375.png"));
            assertEquals(List.of(), browser.takeProblems());
        }
    }
}

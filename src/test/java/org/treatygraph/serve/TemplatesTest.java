package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.treatygraph.serve.view.Home;
import org.junit.jupiter.api.Test;

/** The pages' templates: compiled at build time, the frame around every page, values escaped. */
class TemplatesTest {
    @Test
    void thePageFrameEscapesItsTitleAndKeepsItsBody() {
        String html = Html.page("Kars <script>alert(1)</script> & Batum", "<p>already <b>HTML</b></p>");
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<title>Kars &lt;script&gt;alert(1)&lt;/script&gt; &amp; Batum — treaty graph</title>"), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<p>already <b>HTML</b></p>"), html);
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/assets/site.css\">"), html);
    }

    @Test
    void theHomePageIsATemplateInTheFrame() {
        var home = new org.treatygraph.serve.view.Home(List.of(new Home.Count("instrument <b>", 3, "/id/agreement/")), List.of(),
                List.of(new org.treatygraph.serve.view.Link("/id/agreement/treaty-of-kars-1921", "Treaty of Kars")), "0123456789ab", null);
        String html = Templates.render("home.jte", Map.of("home", home));
        assertTrue(html.contains("<title>Treaty graph — treaty graph</title>"), html);
        assertTrue(html.contains("<nav><a href=\"/\">treaty graph</a>"), html);
        assertTrue(html.contains("<a href=\"/query\">/query</a>"), html);
        // The one script is the search box's, from a file (no inline script under the content security policy).
        assertEquals(java.util.List.of("<script src=\"/assets/search.js\" defer></script>"),
                java.util.regex.Pattern.compile("<script[^>]*>[^<]*</script>").matcher(html).results().map(java.util.regex.MatchResult::group).toList());
        assertTrue(html.contains("<form class=\"site-search\" role=\"search\" aria-label=\"Site\" action=\"/search\" method=\"get\">"), html);
        assertTrue(html.contains("<label for=\"site-search-q\" class=\"visually-hidden\">Search names</label><input id=\"site-search-q\" name=\"q\""), html);
        assertTrue(html.contains("<a href=\"/id/agreement/\">instrument &lt;b&gt;</a>"), html);
        assertTrue(html.contains("<code>0123456789ab</code>"), html);
    }
}

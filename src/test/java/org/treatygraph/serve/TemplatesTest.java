package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
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
        String html = Templates.render("home.jte", Map.of());
        assertTrue(html.contains("<title>Treaty graph — treaty graph</title>"), html);
        assertTrue(html.contains("<nav><a href=\"/\">treaty graph</a>"), html);
        assertTrue(html.contains("<a href=\"/query\">/query</a>"), html);
        assertFalse(html.contains("<script"), "no inline script");
    }
}

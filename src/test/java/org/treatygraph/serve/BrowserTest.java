package org.treatygraph.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.ExternalTools;
import org.treatygraph.core.Resources;
import org.treatygraph.ontology.IriScheme;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The pages in headless Chromium, served by a real server: the query page at work (permalinks, the table with
 * labels and links, CONSTRUCT as Turtle, downloads, errors at their place), and every kind of page of
 * browser/page-kinds.tsv accessible (axe-core, from npm: no serious or critical violation), free of console
 * errors and policy violations, and without a sideways scroll at a phone's 375 px. Screenshots go to
 * target/screenshots/.
 */
class BrowserTest {
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();
    static final Path SHOTS = Path.of("target/screenshots");
    static final String KARS = IriScheme.ID + "agreement/treaty-of-kars-1921";
    /** What the query page's editor and the shown Turtle hold (CodeMirror keeps its instance on its element). */
    static final String EDITOR = "document.querySelector('.tabPanel.active .yasqe .CodeMirror').CodeMirror.getValue()";
    static final String TURTLE = "document.querySelector('.tabPanel.active .yasr_results .CodeMirror').CodeMirror.getValue()";

    /** Scrolls the answer into view, for the screenshot. */
    static final String SHOW_ANSWER = "document.querySelector('.tabPanel.active .yasr').scrollIntoView()";

    record PageKind(String name, String path, String ready) {}

    @BeforeAll
    static void start() {
        base = SiteServer.base();
    }

    static Chromium browser(Path tmp) throws Exception {
        ExternalTools.require(Files.isExecutable(Chromium.BINARY), "Debian chromium");
        return new Chromium(tmp.resolve("profile"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<PageKind> pageKinds() {
        List<PageKind> kinds = new ArrayList<>();
        for (String line : Resources.text(BrowserTest.class, "/browser/page-kinds.tsv").lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            kinds.add(new PageKind(f[0], f[1], f.length > 2 ? f[2] : ""));
        }
        return kinds;
    }

    /** Opens a page and waits for what its script draws. */
    static void open(Chromium browser, PageKind kind) throws Exception {
        browser.open(base + kind.path());
        if (!kind.ready().isEmpty()) assertTrue(browser.waitFor(kind.ready(), 20_000), kind.name() + ": not ready (" + kind.ready() + ")");
    }

    @Test
    void aConstructPermalinkShowsItsGraphAsTurtleWithDownloadsInEveryFormat(@TempDir Path tmp) throws Exception {
        String construct = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "CONSTRUCT { ?t rdfs:label ?label } WHERE { BIND(<" + KARS + "> AS ?t) ?t rdfs:label ?label }";
        try (Chromium browser = browser(tmp)) {
            browser.open(base + "/query?query=" + enc(construct));
            assertTrue(browser.waitFor("document.querySelector('.tabPanel.active .yasr_results .CodeMirror')", 20_000), "the answer is shown");
            assertEquals(construct, browser.evaluate(EDITOR).asText(), "the permalink's query is in the editor");
            assertTrue(browser.evaluate("document.querySelector('.tabPanel.active .yasr .select_response').classList.contains('selected')").asBoolean(), "shown as the response, not a table");
            String shown = browser.evaluate(TURTLE).asText();
            Graph turtle = RDFParser.fromString(shown, Lang.TURTLE).toGraph();
            Node kars = NodeFactory.createURI(KARS);
            assertTrue(turtle.stream(kars, RDFS.label.asNode(), Node.ANY).anyMatch(t -> t.getObject().getLiteralLexicalForm().equals("Treaty of Kars")), shown);
            browser.evaluate(SHOW_ANSWER);
            browser.screenshot(SHOTS.resolve("query-construct.png"));
            // Each download link answers in its format, with the same graph.
            JsonNode links = browser.evaluate("[...document.querySelectorAll('.tabPanel.active .query-downloads a')].map(a => [a.textContent, a.href])");
            List<String> formats = new ArrayList<>();
            for (JsonNode link : links) {
                formats.add(link.get(0).asText());
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(link.get(1).asText())).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), link.toString());
                Lang lang = switch (link.get(0).asText()) {
                    case "Turtle" -> Lang.TURTLE;
                    case "N-Triples" -> Lang.NTRIPLES;
                    case "JSON-LD" -> Lang.JSONLD;
                    default -> Lang.RDFXML;
                };
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(lang.getContentType().getContentTypeStr()), link + ": " + r.headers());
                assertTrue(IsoMatcher.isomorphic(turtle, RDFParser.fromString(r.body(), lang).toGraph()), link + " gives the graph shown");
            }
            assertEquals(List.of("Turtle", "N-Triples", "JSON-LD", "RDF/XML"), formats);
            assertEquals(List.of(), browser.takeProblems(), "no console error or policy violation");
        }
    }

    @Test
    void aSelectPermalinkShowsATableOfLabelledLinksAndTheShareButtonMakesOne(@TempDir Path tmp) throws Exception {
        String select = "PREFIX tg: <https://w3id.org/treaty-graph/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "SELECT ?agreement WHERE { ?agreement a tg:Agreement ; rdfs:label ?label . FILTER(CONTAINS(?label, \"Kars\")) }";
        String link = "document.querySelector('.tabPanel.active .yasr_results table a[href=\"/id/agreement/treaty-of-kars-1921\"]')";
        try (Chromium browser = browser(tmp)) {
            browser.open(base + "/query?query=" + enc(select));
            assertTrue(browser.waitFor(link, 20_000), "a link to the treaty's page on this server");
            assertEquals("id:agreement/treaty-of-kars-1921", browser.evaluate(link + ".textContent").asText(), "the IRI, with the project's prefix");
            assertEquals("Treaty of Kars", browser.evaluate(link + ".nextElementSibling.textContent").asText(), "its label beside it");
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/id/agreement/treaty-of-kars-1921")).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            browser.evaluate(SHOW_ANSWER);
            browser.screenshot(SHOTS.resolve("query-select.png"));
            assertEquals(List.of(), browser.takeProblems(), "no console error or policy violation");

            // The share button's link is a permalink of this page, which opens the query and runs it.
            browser.evaluate("document.querySelector('.tabPanel.active .yasqe_share').click()");
            assertTrue(browser.waitFor("document.querySelector('.tabPanel.active .yasqe_sharePopup input')", 5_000));
            String shared = browser.evaluate("document.querySelector('.tabPanel.active .yasqe_sharePopup input').value").asText();
            assertTrue(shared.startsWith(base + "/query?query="), shared);
            assertEquals(select, URLDecoder.decode(shared.substring(shared.indexOf('=') + 1), StandardCharsets.UTF_8));
            browser.evaluate("localStorage.clear()");   // a new visitor
            browser.open(shared);
            assertTrue(browser.waitFor(link, 20_000), "the shared link runs the query");
            assertEquals(select, browser.evaluate(EDITOR).asText());

            // An example's permalink opens it in the editor and shows its answer.
            browser.open(base + "/query?example=cq07-georgian-polity-agreements");
            assertTrue(browser.waitFor("document.querySelectorAll('.tabPanel.active .yasr_results table a.iri').length > 0", 20_000));
            assertTrue(browser.evaluate(EDITOR).asText().startsWith("# CQ7 (inference)."));
            assertEquals(List.of(), browser.takeProblems(), "no console error or policy violation");
        }
    }

    @Test
    void typingOneOfTheProjectsPrefixesDeclaresIt(@TempDir Path tmp) throws Exception {
        String type = "(text => { const cm = document.querySelector('.tabPanel.active .yasqe .CodeMirror').CodeMirror; cm.setValue('SELECT * WHERE { ?s a ');"
                + " cm.focus(); cm.setCursor({line: 0, ch: 22}); cm.replaceRange(text, cm.getCursor()); })";
        try (Chromium browser = browser(tmp)) {
            browser.open(base + "/query");
            assertTrue(browser.waitFor("document.querySelector('.tabPanel.active .yasqe .CodeMirror')", 20_000));
            browser.evaluate(type + "('tg:')");
            assertTrue(browser.waitFor(EDITOR + ".startsWith('PREFIX tg: <https://w3id.org/treaty-graph/ontology#>\\n')", 5_000), browser.evaluate(EDITOR).asText());
            // A prefix the project does not declare (YASQE's own list knows dbo:) is left to the writer.
            browser.evaluate(type + "('dbo:')");
            Thread.sleep(500);
            assertEquals("SELECT * WHERE { ?s a dbo:", browser.evaluate(EDITOR).asText());
            assertEquals(List.of(), browser.takeProblems());
        }
    }

    @Test
    void aQueryTheEndpointRefusesIsMarkedWhereItGoesWrong(@TempDir Path tmp) throws Exception {
        String broken = "SELECT ?agreement WHERE {\n  ?agreement ?p ?o .\n  FILTER(?o = 1 &&)\n}";
        try (Chromium browser = browser(tmp)) {
            browser.open(base + "/query?query=" + enc(broken));
            assertTrue(browser.waitFor("document.querySelector('.tabPanel.active .query-error')", 20_000), "the error is shown");
            String says = browser.evaluate("document.querySelector('.tabPanel.active .query-error').textContent").asText();
            assertTrue(says.contains("at line 3, column 19"), says);
            assertEquals(")", browser.evaluate("document.querySelector('.tabPanel.active .query-error-at').textContent").asText(), "the place is marked in the editor");
            assertEquals(1, browser.evaluate("document.querySelectorAll('.tabPanel.active .query-error-line').length").asInt());
            browser.evaluate(SHOW_ANSWER);
            browser.screenshot(SHOTS.resolve("query-error.png"));
            // The endpoint's 400 is what the browser reports, and nothing else.
            List<String> problems = browser.takeProblems();
            assertFalse(problems.isEmpty());
            assertTrue(problems.stream().allMatch(p -> p.contains("400") && p.contains("/treaties/sparql")), problems.toString());
        }
    }

    @Test
    void everyKindOfPageIsAccessibleAndFreeOfConsoleErrors(@TempDir Path tmp) throws Exception {
        String axe = Resources.text(BrowserTest.class, "/axe/axe.min.js");
        List<String> found = new ArrayList<>();
        try (Chromium browser = browser(tmp)) {
            for (PageKind kind : pageKinds()) {
                open(browser, kind);
                browser.evaluate(axe);   // through DevTools, which the page's policy does not govern
                JsonNode violations = browser.evaluate("axe.run(document).then(r => r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.length + ', e.g. ' + v.nodes[0].target.join(' ') + ')'))");
                assertTrue(violations.isArray(), kind.name() + ": axe ran (" + violations + ")");
                violations.forEach(v -> found.add(kind.name() + ": " + v.asText()));
                browser.takeProblems().forEach(p -> found.add(kind.name() + ": " + p));
                browser.screenshot(SHOTS.resolve("page-" + kind.name() + ".png"));
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void everyKindOfPageFitsAPhoneWithoutScrollingSideways(@TempDir Path tmp) throws Exception {
        List<String> wide = new ArrayList<>();
        try (Chromium browser = browser(tmp)) {
            browser.width(375);
            for (PageKind kind : pageKinds()) {
                open(browser, kind);
                int width = browser.evaluate("document.scrollingElement.scrollWidth").asInt();
                if (width > 376) wide.add(kind.name() + " is " + width + " px wide");
                browser.screenshot(SHOTS.resolve("375-" + kind.name() + ".png"));
            }
            // The check sees a page that is too wide.
            browser.evaluate("document.body.appendChild(Object.assign(document.createElement('div'), {textContent: 'x'.repeat(400)}))");
            assertTrue(browser.evaluate("document.scrollingElement.scrollWidth").asInt() > 376, "an unbreakable line widens the page");
        }
        assertEquals(List.of(), wide);
    }

    @Test
    void withoutItsScriptTheQueryPageIsAFormThatSendsTheQueryToTheEndpoint() throws Exception {
        String select = "SELECT ?label WHERE { <" + KARS + "> <http://www.w3.org/2000/01/rdf-schema#label> ?label }";
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/query?query=" + enc(select))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("<form id=\"plain-query\" method=\"get\" action=\"/treaties/sparql\">"), html);
        assertTrue(html.contains(">SELECT ?label WHERE { &lt;" + KARS + "&gt;"), "the permalink's query is in the form");
        assertTrue(html.contains("data-run=\"true\""));
        // What the form sends: query and format.
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/treaties/sparql?query=" + enc(select) + "&format=csv")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        assertEquals("label\r\nTreaty of Kars\r\n", answer.body());
        // An example by name; a name that is none, or a query and an example at once, are refused with a reason.
        assertTrue(http.send(HttpRequest.newBuilder(URI.create(base + "/query?example=cq07-georgian-polity-agreements")).build(), HttpResponse.BodyHandlers.ofString())
                .body().contains("# CQ7 (inference)."));
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(base + "/query?example=cq99")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, none.statusCode());
        assertTrue(none.body().contains("no example named \"cq99\"; the examples are cq01-instruments,"), none.body());
        HttpResponse<String> both = http.send(HttpRequest.newBuilder(URI.create(base + "/query?example=cq01-instruments&query=ASK%7B%7D")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, both.statusCode());
        // The page's policy allows YASGUI's two style sheets by hash, and still no inline style or script at large.
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.matches(".*style-src 'self' 'sha256-[^']+' 'sha256-[^']+';.*"), policy);
        assertFalse(policy.contains("unsafe"), policy);
        String elsewhere = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(elsewhere.contains("style-src 'self';"), "other pages keep the strict policy: " + elsewhere);
    }

    @Test
    void theEditorComesFromTheBuildAndTheCheckerStaysOutOfTheJar() throws IOException, InterruptedException {
        HttpResponse<String> js = http.send(HttpRequest.newBuilder(URI.create(base + "/assets/yasgui.min.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, js.statusCode());
        assertTrue(js.body().contains("Yasgui"));
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/assets/yasgui.min.css")).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(base + "/assets/axe.min.js")).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertNull(AssetsServlet.class.getResource("assets/axe.min.js"), "axe-core is on the test classpath only");
    }
}

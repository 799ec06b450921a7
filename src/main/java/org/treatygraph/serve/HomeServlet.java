package org.treatygraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The front page: what the server offers, with links; and the icon browsers ask for. */
final class HomeServlet extends HttpServlet {
    private static final String ICON = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><rect width=\"16\" height=\"16\" rx=\"3\" fill=\"#6a4c93\"/>"
            + "<path d=\"M4 4h8v2H9v7H7V6H4z\" fill=\"#fff\"/></svg>";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getRequestURI().endsWith("/favicon.ico")) {
            resp.setHeader("Cache-Control", "max-age=86400");
            Replies.send(resp, 200, "image/svg+xml", ICON.getBytes(StandardCharsets.UTF_8));
            return;
        }
        String body = Html.page("Treaty graph", """
                <h1>The treaty graph</h1>
                <p>Treaties, their parties and signatories, and the territories they moved, 1917–1925; every fact cites its source.</p>
                <ul>
                <li><code>/treaties/sparql</code> — SPARQL 1.1 query endpoint (GET or POST); the default graph includes the inferred closure;
                    <code>FROM &lt;https://w3id.org/treaty-graph/graph/asserted&gt;</code> asks without reasoning</li>
                <li><a href="/query">/query</a> — a query page with the competency questions as examples</li>
                <li><code>/treaties/data</code> — Graph Store Protocol, read-only</li>
                <li><a href="/id/agreement/treaty-of-kars-1921">/id/…</a> — every entity, as a page or as RDF (Turtle, JSON-LD, RDF/XML, N-Triples)</li>
                <li><a href="/ontology">/ontology</a> and <a href="/shapes">/shapes</a> — the ontology and its SHACL shapes</li>
                <li><a href="/dumps/">/dumps/</a> — the dumps; <a href="/.well-known/void">/.well-known/void</a> — VoID</li>
                </ul>""").replace("\"\"", "\"");
        Replies.html(resp, 200, body);
    }
}

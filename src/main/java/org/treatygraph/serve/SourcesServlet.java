package org.treatygraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * /sources/{file}: a source text as plain text; with ?start=&amp;end= (the code-point offsets of a
 * citation's TextPositionSelector) a page with that passage highlighted and scrolled to (#passage).
 */
final class SourcesServlet extends HttpServlet {
    private final Site site;

    SourcesServlet(Site site) {
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = Site.after(req, "/sources/");
        if (name.isEmpty()) {
            resp.sendError(404, "a source text is at /sources/{file}; each quote on an entity page links to its passage");
            return;
        }
        Path file = site.sources.resolve(name).normalize();
        if (!name.matches("[A-Za-z0-9_.-]+") || !file.startsWith(site.sources) || !Files.isRegularFile(file)) {
            resp.sendError(404, "no source named " + Refusals.oneLine(name, 100));
            return;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String start = req.getParameter("start"), end = req.getParameter("end");
        if (start == null && end == null) {
            Replies.send(resp, 200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        } else {
            int cps = text.codePointCount(0, text.length());
            int s, e;
            try {
                s = Integer.parseInt(start);
                e = Integer.parseInt(end);
            } catch (NumberFormatException | NullPointerException x) {
                resp.sendError(400, "start and end must both be code-point offsets (integers)");
                return;
            }
            if (s < 0 || e < s || e > cps) {
                resp.sendError(400, "offsets " + s + "–" + e + " are outside the text (0–" + cps + ")");
                return;
            }
            int si = text.offsetByCodePoints(0, s), ei = text.offsetByCodePoints(0, e);
            String html = "<h1>" + Html.esc(name) + "</h1>\n<p>Characters " + s + "–" + e + " highlighted. <a href=\"" + Html.esc(name) + "\">Plain text</a></p>\n"
                    + "<pre class=\"source\">" + Html.esc(text.substring(0, si)) + "<mark id=\"passage\">" + Html.esc(text.substring(si, ei))
                    + "</mark>" + Html.esc(text.substring(ei)) + "</pre>";
            Replies.html(resp, 200, Html.page(name, html));
        }
    }
}

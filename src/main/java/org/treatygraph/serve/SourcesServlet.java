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
 * citation's TextPositionSelector) the page of that passage (SourcePage): the source's author and title,
 * the passage highlighted in its paragraph (#passage), and the facts that cite it.
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
            Replies.html(resp, 200, SourcePage.render(site, name, text, s, e));
        }
    }
}

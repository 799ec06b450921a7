package org.treatygraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.treatygraph.core.Resources;

/**
 * The front page (HomePage): what the graph holds and where to start, made once (the store does not change
 * while the server runs); and the icon browsers ask for (assets/favicon.svg).
 */
final class HomeServlet extends HttpServlet {
    private static final byte[] ICON = Resources.text(HomeServlet.class, "assets/favicon.svg").getBytes(StandardCharsets.UTF_8);
    private final Site site;
    private volatile String page;

    HomeServlet(Site site) {
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getRequestURI().endsWith("/favicon.ico")) {
            resp.setHeader("Cache-Control", "max-age=86400");
            Replies.send(resp, 200, "image/svg+xml", ICON);
            return;
        }
        String p = page;
        if (p == null) page = p = HomePage.render(site);
        Replies.html(resp, 200, p);
    }
}

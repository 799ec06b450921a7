package org.treatygraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.treatygraph.core.Resources;

/** The front page (home.jte): what the server offers, with links; and the icon browsers ask for (assets/favicon.svg). */
final class HomeServlet extends HttpServlet {
    private static final byte[] ICON = Resources.text(HomeServlet.class, "assets/favicon.svg").getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getRequestURI().endsWith("/favicon.ico")) {
            resp.setHeader("Cache-Control", "max-age=86400");
            Replies.send(resp, 200, "image/svg+xml", ICON);
            return;
        }
        String body = Templates.render("home.jte", Map.of());
        Replies.html(resp, 200, body);
    }
}

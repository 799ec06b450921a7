package org.treatygraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.treatygraph.core.Resources;

/**
 * /assets/{file}: the pages' stylesheets and scripts, from the jar (assets/ beside this class). They are
 * files rather than inline so that the pages run under a content security policy without 'unsafe-inline'.
 */
final class AssetsServlet extends HttpServlet {
    /**
     * Ours; YASGUI's build (yasgui.min.*); the map's Leaflet (leaflet.js, leaflet.css), topojson-client and
     * Natural Earth's countries from world-atlas (countries-50m.json): Maven copies these here from
     * node_modules/ (npm ci; package.json).
     */
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("site.css", "text/css"), Map.entry("ontology.css", "text/css"),
            Map.entry("query.js", "text/javascript"), Map.entry("search.js", "text/javascript"), Map.entry("query.css", "text/css"),
            Map.entry("yasgui.min.js", "text/javascript"), Map.entry("yasgui.min.css", "text/css"), Map.entry("map.js", "text/javascript"),
            Map.entry("leaflet.js", "text/javascript"), Map.entry("leaflet.css", "text/css"), Map.entry("topojson-client.min.js", "text/javascript"),
            Map.entry("countries-50m.json", "application/json"),
            Map.entry("place-map.js", "text/javascript"));
    private final Map<String, byte[]> files = new java.util.TreeMap<>();

    AssetsServlet() {
        TYPES.keySet().forEach(name -> files.put(name, Resources.text(AssetsServlet.class, "assets/" + name).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = Site.after(req, "/assets/");
        byte[] body = files.get(name);
        if (body == null) {
            resp.sendError(404, "no asset named " + Refusals.oneLine(name, 100) + "; the assets are " + String.join(", ", files.keySet()));
            return;
        }
        Replies.send(resp, 200, TYPES.get(name) + "; charset=utf-8", body);
    }
}

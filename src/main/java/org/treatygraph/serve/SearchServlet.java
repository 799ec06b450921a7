package org.treatygraph.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;
import org.treatygraph.search.SearchIndex;
import org.treatygraph.serve.view.SearchPage;

/**
 * /search?q=… (a page: the form, and the hits linked to their pages) and /search.json?q=…&limit=… (the
 * same hits for the search box's suggestions: {"query", "hits": [{"iri", "url", "label", "kind", "type",
 * "date", "altLabel", "score"}]}), from the index in memory: a request reads no store.
 */
final class SearchServlet extends HttpServlet {
    /** The longest query taken, in characters: no name is longer. */
    static final int MAX_QUERY = 200;
    /** The most hits a request may ask for. */
    static final int MAX_LIMIT = 50;
    private static final int PAGE_HITS = MAX_LIMIT, JSON_HITS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Site site;
    private final Supplier<SearchIndex> index;

    /** An index's JSON answers by limit and query, the most asked kept; a new index (a rebuild) starts afresh. */
    private record Answers(SearchIndex index, Cache<String, byte[]> json) {}

    private volatile Answers answers;

    SearchServlet(Site site, Supplier<SearchIndex> index) {
        this.site = site;
        this.index = index;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean json = req.getRequestURI().endsWith(".json");
        String q = one(req, "q"), limitText = one(req, "limit");
        String problem = q == null ? null : problem(q);
        if (problem == null && limitText != null) problem = limitProblem(limitText);
        if (problem == null) problem = repeated(req, "q");
        if (problem == null) problem = repeated(req, "limit");
        if (problem != null) {
            resp.sendError(400, problem);
            return;
        }
        String query = q == null ? "" : q.strip();
        int limit = limitText != null ? Integer.parseInt(limitText) : json ? JSON_HITS : PAGE_HITS;
        if (json) {
            // The box asks the same beginnings again and again ("K", "Ka", "Kar"), and the index never changes
            // while the server runs: answers are kept (measured in docs/site-benchmark.md).
            SearchIndex current = index.get();
            Answers a = answers;
            if (a == null || a.index() != current) answers = a = new Answers(current, CacheFactory.createCache(4096));
            byte[] body = a.json().get(limit + " " + query, k -> json(current, query, limit));
            Replies.send(resp, 200, "application/json; charset=utf-8", body);
            return;
        }
        List<SearchIndex.Hit> hits = index.get().search(query, limit);
        List<SearchPage.Hit> shown = hits.stream().map(h -> new SearchPage.Hit(site.local(h.entity().iri()), h.entity().label(),
                h.entity().kindLabel(), h.entity().date(), h.matchedName())).toList();
        Replies.html(resp, 200, Templates.render("search.jte", Map.of("page", new SearchPage(query, shown))));
    }

    private byte[] json(SearchIndex index, String query, int limit) {
        ObjectNode out = JSON.createObjectNode().put("query", query);
        ArrayNode array = out.putArray("hits");
        for (SearchIndex.Hit h : index.search(query, limit)) {
            SearchIndex.Entity e = h.entity();
            array.addObject().put("iri", e.iri()).put("url", site.local(e.iri())).put("label", e.label()).put("kind", e.kindLabel())
                    .put("type", e.kind()).put("date", e.date()).put("altLabel", h.matchedName()).put("score", h.score());
        }
        try {
            return JSON.writeValueAsBytes(out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);   // a tree of strings and numbers always writes
        }
    }

    private static String one(HttpServletRequest req, String name) {
        String[] values = req.getParameterValues(name);
        return values == null ? null : values[0];
    }

    private static String repeated(HttpServletRequest req, String name) {
        String[] values = req.getParameterValues(name);
        return values != null && values.length > 1 ? name + " is given " + values.length + " times; give it once" : null;
    }

    private static String problem(String q) {
        int length = q.codePointCount(0, q.length());
        return length > MAX_QUERY ? "q is " + length + " characters long; a search takes at most " + MAX_QUERY : null;
    }

    private static String limitProblem(String limit) {
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= MAX_LIMIT) return null;
        } catch (NumberFormatException notANumber) {
            // said below
        }
        return "limit is a whole number from 1 to " + MAX_LIMIT + ", found \"" + Refusals.oneLine(limit, 20) + "\"";
    }
}

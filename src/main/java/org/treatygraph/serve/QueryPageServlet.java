package org.treatygraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * /query: a query page of our own, with no outside resources (its script and style are this server's
 * /assets/): an editor preloaded with the competency questions of queries/ and, in a group of their own,
 * the queries that join Wikidata (SERVICE), run against /treaties/sparql, results as a table. (The Fuseki
 * UI would bring Fuseki's admin module, with unprotected dataset create/delete and backup.)
 */
final class QueryPageServlet extends HttpServlet {
    /** A SERVICE clause (the query asks another endpoint: here, the Wikidata Query Service). */
    private static final Pattern SERVICE = Pattern.compile("(?i)\\bSERVICE\\s+(SILENT\\s+)?[<?$]");
    private final Site site;

    QueryPageServlet(Site site) {
        this.site = site;
    }

    /** The page: each example's text is its option's value, which the page's script (/assets/query.js) puts in the editor. */
    static String render(Path queriesDir) throws IOException {
        StringBuilder options = new StringBuilder();
        List<Path> files;
        try (Stream<Path> s = Files.isDirectory(queriesDir) ? Files.list(queriesDir) : Stream.empty()) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        String group = null;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String title = text.lines().filter(l -> l.startsWith("#")).findFirst().map(l -> l.substring(1).strip()).orElse(file.getFileName().toString());
            boolean federated = text.lines().filter(l -> !l.strip().startsWith("#")).anyMatch(l -> SERVICE.matcher(l).find());
            String g = federated ? "Joined with Wikidata (SERVICE: these ask query.wikidata.org)" : "Competency questions";
            if (!g.equals(group)) {
                options.append(group == null ? "" : "</optgroup>").append("<optgroup label=\"").append(Html.esc(g)).append("\">");
                group = g;
            }
            options.append("<option value=\"").append(Html.esc(text)).append("\">")
                    .append(Html.esc(title.length() > 110 ? title.substring(0, 110) + "…" : title)).append("</option>");
        }
        if (group != null) options.append("</optgroup>");
        return Html.page("Query", """
                <h1>Query the treaty graph</h1>
                <p>SPARQL 1.1 against <code>/treaties/sparql</code>. The default graph includes what the ontology entails; add
                <code>FROM &lt;https://w3id.org/treaty-graph/graph/asserted&gt;</code> to ask without reasoning. The examples joined
                with Wikidata send part of the query to the Wikidata Query Service (<code>SERVICE</code>, allowed only to the
                endpoints the server's configuration names).</p>
                <p><label>Example: <select id="examples">OPTIONS</select></label></p>
                <textarea id="query" rows="18" spellcheck="false"></textarea>
                <p><button id="run">Run</button> <span id="status"></span></p>
                <div id="results"></div>
                <script src="/assets/query.js"></script>""".replace("OPTIONS", options));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Replies.html(resp, 200, site.queryPage);
    }
}

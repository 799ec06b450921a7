package org.treatygraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.treatygraph.serve.view.ExampleGroup;

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

    /** The page (query.jte): each example's text is its option's value, which the page's script (/assets/query.js) puts in the editor. */
    static String render(Path queriesDir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.isDirectory(queriesDir) ? Files.list(queriesDir) : Stream.empty()) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        Map<String, List<ExampleGroup.Example>> groups = new LinkedHashMap<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String title = text.lines().filter(l -> l.startsWith("#")).findFirst().map(l -> l.substring(1).strip()).orElse(file.getFileName().toString());
            boolean federated = text.lines().filter(l -> !l.strip().startsWith("#")).anyMatch(l -> SERVICE.matcher(l).find());
            String group = federated ? "Joined with Wikidata (SERVICE: these ask query.wikidata.org)" : "Competency questions";
            groups.computeIfAbsent(group, g -> new ArrayList<>())
                    .add(new ExampleGroup.Example(title.length() > 110 ? title.substring(0, 110) + "…" : title, text));
        }
        List<ExampleGroup> model = groups.entrySet().stream().map(e -> new ExampleGroup(e.getKey(), e.getValue())).toList();
        return Templates.render("query.jte", Map.of("groups", model));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Replies.html(resp, 200, site.queryPage);
    }
}

package org.treatygraph.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;
import org.treatygraph.serve.view.ExampleGroup;
import org.treatygraph.serve.view.QueryPage;

/**
 * /query: the query page. YASGUI (@zazuko/yasgui, installed from npm at build time and served from this
 * server's /assets/, set up by /assets/query.js) on /treaties/sparql, with the project's prefixes for
 * completion and the competency questions of queries/ as examples (those that join Wikidata, with
 * SERVICE, in a group of their own). A permalink opens a query and runs it: /query?query=TEXT, or
 * /query?example=NAME for an example. Without JavaScript the page is a plain form that sends the query to
 * the endpoint. (Not the Fuseki UI: it would bring Fuseki's admin module, with unprotected dataset
 * create/delete and backup.)
 */
final class QueryPageServlet extends HttpServlet {
    static final String PATH = "/query";
    private static final String ENDPOINT = "/treaties/sparql";
    /** A SERVICE clause (the query asks another endpoint: here, the Wikidata Query Service). */
    private static final Pattern SERVICE = Pattern.compile("(?i)\\bSERVICE\\s+(SILENT\\s+)?[<?$]");
    /**
     * The two style sheets YASGUI's table adds as &lt;style&gt; elements (its column resizer: the grips, and the
     * cursor while one is dragged), fixed strings of the pinned version, so the page's policy allows exactly
     * them by hash rather than 'unsafe-inline'. A new YASGUI with other ones shows a policy violation in the
     * browser test.
     */
    private static final String STYLE_HASHES = "'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk=' 'sha256-c0O6TmFAkgpNbHxKAa1BrveWHHopjEtC47i0PzMudxg='";
    private static final Pattern STYLE_SRC = Pattern.compile("(style-src [^;]*)");
    private final Site site;
    private final List<ExampleGroup> groups;
    private final Map<String, ExampleGroup.Example> examples = new TreeMap<>();
    private final String prefixesJson;

    QueryPageServlet(Site site, Path queriesDir) throws IOException {
        this.site = site;
        this.groups = examples(queriesDir);
        groups.forEach(g -> g.examples().forEach(e -> examples.put(e.name(), e)));
        try {
            prefixesJson = new ObjectMapper().writeValueAsString(new TreeMap<>(Prefixes.MAPPING.getNsPrefixMap()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The queries of queries/*.rq, each titled by its first comment line, grouped by whether they ask Wikidata too. */
    private static List<ExampleGroup> examples(Path queriesDir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.isDirectory(queriesDir) ? Files.list(queriesDir) : Stream.empty()) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        Map<String, List<ExampleGroup.Example>> groups = new LinkedHashMap<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
            String title = text.lines().filter(l -> l.startsWith("#")).findFirst().map(l -> l.substring(1).strip()).orElse(name);
            boolean federated = text.lines().filter(l -> !l.strip().startsWith("#")).anyMatch(l -> SERVICE.matcher(l).find());
            String group = federated ? "Joined with Wikidata (SERVICE: these ask query.wikidata.org)" : "Competency questions";
            groups.computeIfAbsent(group, g -> new ArrayList<>())
                    .add(new ExampleGroup.Example(name, title.length() > 110 ? title.substring(0, 110) + "…" : title, text));
        }
        return groups.entrySet().stream().map(e -> new ExampleGroup(e.getKey(), e.getValue())).toList();
    }

    /** The page, opening {@code query} (run at once) or, when it is empty, the editor as the visitor left it (the first example in a new one). */
    String render(String query, String name) {
        boolean run = !query.isBlank();
        String text = run ? query : groups.isEmpty() ? "SELECT * WHERE { ?s ?p ?o } LIMIT 10" : groups.get(0).examples().get(0).text();
        QueryPage page = new QueryPage(groups, ENDPOINT, PATH, prefixesJson, IriScheme.BASE, site.local(IriScheme.BASE), text, run, name);
        return Templates.render("query.jte", Map.of("page", page));
    }

    /** The content security policy of every response (headers.properties), with the editor's two style sheets allowed: for this page only. */
    static void allowEditorStyles(HttpServletResponse resp) {
        String policy = resp.getHeader("Content-Security-Policy");
        if (policy != null) resp.setHeader("Content-Security-Policy", STYLE_SRC.matcher(policy).replaceFirst("$1 " + STYLE_HASHES));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        allowEditorStyles(resp);
        String query = req.getParameter("query");
        String example = req.getParameter("example");
        if (query != null && example != null) {
            resp.sendError(400, "give either query (a SPARQL query) or example (the name of an example), not both");
            return;
        }
        if (example != null) {
            ExampleGroup.Example e = examples.get(example);
            if (e == null) {
                resp.sendError(404, "no example named \"" + Refusals.oneLine(example, 100) + "\"; the examples are " + String.join(", ", examples.keySet()));
                return;
            }
            Replies.html(resp, 200, render(e.text(), e.name().replaceFirst("-.*", "")));
            return;
        }
        Replies.html(resp, 200, query == null || query.isBlank() ? site.queryPage : render(query, ""));
    }
}

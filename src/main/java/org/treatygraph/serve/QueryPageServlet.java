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
 * /query: a query page of our own, served from the jar with no outside resources: an editor preloaded
 * with the competency questions of queries/ and, in a group of their own, the queries that join Wikidata
 * (SERVICE), run against /treaties/sparql, results as a table. (The Fuseki UI would bring Fuseki's admin
 * module, with unprotected dataset create/delete and backup.)
 */
final class QueryPageServlet extends HttpServlet {
    /** A SERVICE clause (the query asks another endpoint: here, the Wikidata Query Service). */
    private static final Pattern SERVICE = Pattern.compile("(?i)\\bSERVICE\\s+(SILENT\\s+)?[<?$]");
    private final String page;

    QueryPageServlet(Path queriesDir) throws IOException {
        StringBuilder options = new StringBuilder();
        StringBuilder texts = new StringBuilder("[");
        List<Path> files;
        try (Stream<Path> s = Files.isDirectory(queriesDir) ? Files.list(queriesDir) : Stream.empty()) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        String group = null;
        for (int i = 0; i < files.size(); i++) {
            String text = Files.readString(files.get(i), StandardCharsets.UTF_8);
            String title = text.lines().filter(l -> l.startsWith("#")).findFirst().map(l -> l.substring(1).strip()).orElse(files.get(i).getFileName().toString());
            boolean federated = text.lines().filter(l -> !l.strip().startsWith("#")).anyMatch(l -> SERVICE.matcher(l).find());
            String g = federated ? "Joined with Wikidata (SERVICE: these ask query.wikidata.org)" : "Competency questions";
            if (!g.equals(group)) {
                options.append(group == null ? "" : "</optgroup>").append("<optgroup label=\"").append(Html.esc(g)).append("\">");
                group = g;
            }
            options.append("<option value=\"").append(i).append("\">").append(Html.esc(title.length() > 110 ? title.substring(0, 110) + "…" : title)).append("</option>");
            texts.append(i == 0 ? "" : ",").append(jsString(text));
        }
        if (group != null) options.append("</optgroup>");
        texts.append("]");
        page = Html.page("Query", """
                <h1>Query the treaty graph</h1>
                <p>SPARQL 1.1 against <code>/treaties/sparql</code>. The default graph includes what the ontology entails; add
                <code>FROM &lt;https://w3id.org/treaty-graph/graph/asserted&gt;</code> to ask without reasoning. The examples joined
                with Wikidata send part of the query to the Wikidata Query Service (<code>SERVICE</code>, allowed only to the
                endpoints the server's configuration names).</p>
                <p><label>Example: <select id="examples">OPTIONS</select></label></p>
                <textarea id="query" rows="18" style="width:100%;font-family:monospace" spellcheck="false"></textarea>
                <p><button id="run">Run</button> <span id="status"></span></p>
                <div id="results"></div>
                <script>
                const examples = TEXTS;
                const q = document.getElementById('query'), sel = document.getElementById('examples');
                q.value = examples.length ? examples[0] : 'SELECT * { ?s ?p ?o } LIMIT 10';
                sel.addEventListener('change', () => { q.value = examples[sel.value]; });
                function cell(b) {
                  if (!b) return document.createTextNode('');
                  if (b.type === 'uri') {
                    const a = document.createElement('a');
                    a.href = b.value.startsWith('https://w3id.org/treaty-graph/') ? '/' + b.value.substring(30) : b.value;
                    a.textContent = b.value; return a;
                  }
                  return document.createTextNode(b.value + (b['xml:lang'] ? ' @' + b['xml:lang'] : ''));
                }
                document.getElementById('run').addEventListener('click', async () => {
                  const status = document.getElementById('status'), out = document.getElementById('results');
                  status.textContent = 'running…'; out.textContent = '';
                  const t0 = performance.now();
                  try {
                    const r = await fetch('/treaties/sparql', { method: 'POST',
                      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/sparql-results+json' },
                      body: new URLSearchParams({ query: q.value }) });
                    const text = await r.text();
                    if (!r.ok) { status.textContent = 'error ' + r.status; const pre = document.createElement('pre'); pre.textContent = text; out.appendChild(pre); return; }
                    const json = JSON.parse(text);
                    if ('boolean' in json) { status.textContent = String(json.boolean); return; }
                    const vars = json.head.vars, rows = json.results.bindings;
                    const table = document.createElement('table'), head = table.insertRow();
                    vars.forEach(v => { const th = document.createElement('th'); th.textContent = v; head.appendChild(th); });
                    rows.forEach(b => { const tr = table.insertRow(); vars.forEach(v => tr.insertCell().appendChild(cell(b[v]))); });
                    out.appendChild(table);
                    status.textContent = rows.length + ' rows, ' + Math.round(performance.now() - t0) + ' ms';
                  } catch (e) { status.textContent = 'error: ' + e; }
                });
                </script>""".replace("OPTIONS", options).replace("TEXTS", texts));
    }

    /** A JavaScript string literal that cannot end the script element it sits in. */
    private static String jsString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> { }
                case '<' -> b.append("\\u003c");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Replies.html(resp, 200, page);
    }
}

package org.treatygraph.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;

/**
 * The page for people about one entity: label and kinds, every fact with links to the related entities
 * (inferred facts marked, with the rule-based explanation one command away), the nodes that belong to it,
 * incoming links, the Wikidata link, and each fact's source quotes with document and offsets, linked to
 * the source text with the passage highlighted. Rendered from the entity's description alone (the result
 * of describe-entity.rq, which is also its RDF view): the page's queries in page/ run over it, not the store.
 */
final class EntityPage {
    /** The page's queries (resources in page/), parsed once; each is run with its node bound. */
    private static final Map<String, Query> QUERIES = new java.util.concurrent.ConcurrentHashMap<>();

    private final Site site;
    private final Dataset ds;
    private final String iri;

    EntityPage(Site site, DatasetGraph description, String iri) {
        this.site = site;
        this.ds = DatasetFactory.wrap(description);
        this.iri = iri;
    }

    /** Runs page/{name}.rq with {@code variable} bound to {@code node}. */
    private List<QuerySolution> select(String name, String variable, String node) {
        Query q = QUERIES.computeIfAbsent(name, n -> Prefixes.query(EntityPage.class, "page/" + n + ".rq"));
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(ds).query(q).substitution(variable, ResourceFactory.createResource(node)).build()) {
            qe.execSelect().forEachRemaining(rows::add);
        }
        return rows;
    }

    private List<QuerySolution> select(String name) {
        return select(name, "entity", iri);
    }

    String render() {
        String label = select("label").stream().map(r -> r.getLiteral("l").getLexicalForm()).findFirst()
                .orElse(IriScheme.id(iri));
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.esc(label)).append("</h1>\n<p><code>").append(Html.esc(iri)).append("</code>");
        for (String fmt : List.of("ttl", "jsonld", "rdf", "nt")) {
            b.append(" · <a href=\"").append(Html.esc(site.local(iri))).append('.').append(fmt).append("\">").append(fmt).append("</a>");
        }
        b.append("</p>\n");
        List<String> kinds = new ArrayList<>();
        for (QuerySolution r : select("kinds")) {
            kinds.add(link(r.get("k"), r.get("kl")));
        }
        b.append("<p>Kind: ").append(String.join(", ", kinds)).append("</p>\n");
        for (QuerySolution r : select("wikidata")) {
            String w = r.getResource("w").getURI();
            b.append("<p>Wikidata: <a href=\"").append(Html.esc(w)).append("\">").append(Html.esc(w.substring(w.lastIndexOf('/') + 1))).append("</a>");
            if (r.get("how") != null) {
                b.append(" <span class=\"check\">(").append(Html.esc(r.getLiteral("how").getLexicalForm()));
                if (r.get("page") != null) b.append(": <a href=\"").append(Html.esc(r.getResource("page").getURI())).append("\">the page</a>");
                b.append(", ").append(Html.esc(r.getLiteral("on").getLexicalForm())).append(")</span>");
            }
            b.append("</p>\n");
        }
        facts(b, iri, "Facts");
        List<String> nested = select("nested").stream()
                .map(r -> r.getResource("n").getURI()).toList();
        for (String n : nested) facts(b, n, n.substring(iri.length() + 1));
        List<QuerySolution> incoming = select("incoming");
        if (!incoming.isEmpty()) {
            b.append("<h2>Linked from</h2>\n<table>\n");
            for (QuerySolution r : incoming) {
                b.append("<tr><td>").append(link(r.get("s"), r.get("sl"))).append("</td><td>").append(link(r.get("p"), r.get("pl"))).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        return Html.page(label, b.toString());
    }

    /** The facts about one node, asserted and inferred, with their citations. */
    private void facts(StringBuilder b, String subject, String heading) {
        List<QuerySolution> rows = select("facts", "node", subject);
        if (rows.isEmpty()) return;
        Map<String, List<String>> cites = new LinkedHashMap<>();
        for (QuerySolution r : select("citations", "node", subject)) {
            String key = r.get("p").toString() + " " + r.get("o").toString();
            String file = r.getLiteral("file").getLexicalForm();
            int start = r.getLiteral("start").getInt(), end = r.getLiteral("end").getInt();
            cites.computeIfAbsent(key, k -> new ArrayList<>()).add("<div class=\"quote\">“" + Html.esc(r.getLiteral("exact").getLexicalForm())
                    + "” — <a href=\"/sources/" + Html.esc(file) + "?start=" + start + "&amp;end=" + end + "#passage\">"
                    + Html.esc(r.get("code") == null ? file : "source " + r.getLiteral("code").getLexicalForm()) + ", characters " + start + "–" + end + "</a></div>");
        }
        b.append("<h2>").append(Html.esc(heading)).append("</h2>\n<table>\n");
        for (QuerySolution r : rows) {
            boolean inferred = r.get("asserted") == null;
            String key = r.get("p").toString() + " " + r.get("o").toString();
            b.append("<tr").append(inferred ? " class=\"inferred-fact\"" : "").append("><td>").append(link(r.get("p"), r.get("pl"))).append("</td><td>")
                    .append(value(r.get("o"), r.get("ol")));
            if (inferred) {
                String o = r.get("o").isURIResource() ? r.get("o").asResource().getURI()
                        : org.apache.jena.riot.out.NodeFmtLib.strNT(r.get("o").asNode());
                b.append(" <a class=\"inferred\" title=\"inferred by the OWL 2 RL rules: why?\" href=\"/explain?s=").append(enc(subject))
                        .append("&amp;p=").append(enc(r.get("p").asResource().getURI())).append("&amp;o=").append(enc(o)).append("\">inferred</a>");
            }
            for (String c : cites.getOrDefault(key, List.of())) b.append(c);
            b.append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private String value(RDFNode o, RDFNode label) {
        if (o.isLiteral()) {
            String dt = o.asLiteral().getDatatypeURI();
            String lang = o.asLiteral().getLanguage();
            return Html.esc(o.asLiteral().getLexicalForm()) + (lang.isEmpty() ? "" : " <small>@" + Html.esc(lang) + "</small>")
                    + (dt != null && !dt.endsWith("#string") && !dt.endsWith("#langString") ? " <small>" + Html.esc(shortName(dt)) + "</small>" : "");
        }
        return link(o, label);
    }

    private String link(RDFNode n, RDFNode label) {
        if (n == null) return "";
        if (!n.isURIResource()) return Html.esc(n.toString());
        String u = n.asResource().getURI();
        String text = label != null && label.isLiteral() ? label.asLiteral().getLexicalForm() : shortName(u);
        return "<a href=\"" + Html.esc(site.local(u)) + "\">" + Html.esc(text) + "</a>";
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String shortName(String u) {
        return Prefixes.MAPPING.shortForm(u);
    }
}

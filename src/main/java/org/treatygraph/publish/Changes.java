package org.treatygraph.publish;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.treatygraph.core.Hashing;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;
import org.treatygraph.ontology.TG;

/**
 * What changed from one release to the next, read from their named graphs (the TriG dumps): the quads
 * added and removed, as an RDF Patch a store holding the previous release applies, and per entity in words
 * with the labels of the entities and of the ontology's properties ("Treaty of Kars: +1 signatory; date value
 * precision changed (day → month)"), as Markdown and as a page.
 *
 * <p>Blank nodes (only the ontology's OWL lists and restrictions have any) are named by a hash of what they
 * hold, so an axiom that did not change is the same in both releases and is not in the changes; the patch
 * names them by these labels.
 */
final class Changes {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final List<Node> GRAPHS = List.of(IriScheme.ASSERTED_GRAPH, IriScheme.PROVENANCE_GRAPH, IriScheme.INFERRED_GRAPH, IriScheme.ONTOLOGY_GRAPH);

    private final DatasetGraph before;
    private final DatasetGraph after;
    final List<Quad> added = new ArrayList<>();
    final List<Quad> removed = new ArrayList<>();

    private Changes(DatasetGraph before, DatasetGraph after) {
        this.before = before;
        this.after = after;
        Set<Quad> old = set(before), now = set(after);
        for (Quad q : now) if (!old.contains(q)) added.add(q);
        for (Quad q : old) if (!now.contains(q)) removed.add(q);
        Comparator<Quad> order = Comparator.comparing(Changes::line);
        added.sort(order);
        removed.sort(order);
    }

    /** The changes from {@code before} (null: nothing, the first release) to {@code after}. */
    static Changes between(DatasetGraph before, DatasetGraph after) {
        return new Changes(before == null ? DatasetGraphFactory.create() : canonical(before), canonical(after));
    }

    /** The dataset with every blank node named by a hash of its graph and what it holds (see the class comment). */
    static DatasetGraph canonical(DatasetGraph d) {
        DatasetGraph out = DatasetGraphFactory.create();
        d.listGraphNodes().forEachRemaining(g -> {
            Graph src = d.getGraph(g);
            Map<Node, Node> memo = new HashMap<>();
            src.find().forEach(t -> out.add(g, canon(g, src, t.getSubject(), memo, new HashSet<>()), t.getPredicate(),
                    canon(g, src, t.getObject(), memo, new HashSet<>())));
        });
        return out;
    }

    private static Node canon(Node graphName, Graph g, Node n, Map<Node, Node> memo, Set<Node> visiting) {
        if (!n.isBlank()) return n;
        Node known = memo.get(n);
        if (known != null) return known;
        if (!visiting.add(n)) return NodeFactory.createBlankNode("cycle");
        List<String> lines = new ArrayList<>();
        g.find(n, Node.ANY, Node.ANY).forEach(t -> lines.add(NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(canon(graphName, g, t.getObject(), memo, visiting))));
        if (lines.isEmpty()) g.find(Node.ANY, Node.ANY, n).forEach(t -> lines.add("^" + NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(t.getSubject())));
        lines.sort(null);
        Node c = NodeFactory.createBlankNode("h" + Hashing.sha256((graphName + "\n" + String.join("\n", lines)).getBytes(StandardCharsets.UTF_8)).substring(0, 32));
        visiting.remove(n);
        memo.put(n, c);
        return c;
    }

    private static Set<Quad> set(DatasetGraph d) {
        Set<Quad> s = new HashSet<>();
        d.find().forEachRemaining(s::add);
        return s;
    }

    private static String line(Quad q) {
        return NodeFmtLib.strNT(q.getGraph()) + " " + NodeFmtLib.strNT(q.getSubject()) + " " + NodeFmtLib.strNT(q.getPredicate()) + " " + NodeFmtLib.strNT(q.getObject());
    }

    /** The changes as an RDF Patch, one transaction: deletions, then additions; headed by its own URL and the previous patch's. */
    RDFPatch patch(String id, String previousId) {
        return RDFPatchOps.build(c -> {
            c.header("id", NodeFactory.createURI(id));
            if (previousId != null) c.header("prev", NodeFactory.createURI(previousId));
            c.txnBegin();
            for (Quad q : removed) c.delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
            for (Quad q : added) c.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
            c.txnCommit();
        });
    }

    Path writePatch(Path p, String id, String previousId) throws IOException {
        try (OutputStream out = Files.newOutputStream(p)) {
            RDFPatchOps.write(out, patch(id, previousId));
        }
        return p;
    }

    /** The changes in words: counts per graph, and per entity what changed, with the labels of the release they are in. */
    Changelog changelog(Release release) {
        List<Changelog.GraphCount> graphs = new ArrayList<>();
        for (Node g : GRAPHS) {
            graphs.add(new Changelog.GraphCount(g.getURI(), (int) added.stream().filter(q -> q.getGraph().equals(g)).count(),
                    (int) removed.stream().filter(q -> q.getGraph().equals(g)).count()));
        }
        // Per entity, per what changed: the values added and removed.
        Map<Node, Map<String, List<Node>[]>> facts = new TreeMap<>(Comparator.comparing(Node::getURI));
        Map<Node, int[]> inferred = new HashMap<>(), provenance = new HashMap<>();
        Map<String, int[]> ontology = new TreeMap<>();
        for (boolean add : new boolean[] {false, true}) {
            for (Quad q : add ? added : removed) {
                int side = add ? 0 : 1;
                Node g = q.getGraph();
                if (g.equals(IriScheme.ASSERTED_GRAPH)) {
                    Node entity = IriScheme.owner(q.getSubject());
                    if (entity == null) continue;
                    String what = q.getPredicate().equals(RDF.type.asNode()) ? "kind" : label(q.getPredicate());
                    @SuppressWarnings("unchecked")
                    List<Node>[] values = facts.computeIfAbsent(entity, e -> new LinkedHashMap<>()).computeIfAbsent(what, w -> new List[] {new ArrayList<>(), new ArrayList<>()});
                    values[side].add(q.getObject());
                } else if (g.equals(IriScheme.INFERRED_GRAPH)) {
                    Node entity = IriScheme.owner(q.getSubject());
                    if (entity != null) inferred.computeIfAbsent(entity, e -> new int[2])[side]++;
                } else if (g.equals(IriScheme.PROVENANCE_GRAPH)) {
                    Node entity = ofEntity(q.getSubject());
                    if (entity != null) provenance.computeIfAbsent(entity, e -> new int[2])[side]++;
                } else if (g.equals(IriScheme.ONTOLOGY_GRAPH)) {
                    String term = q.getSubject().isURI() ? Prefixes.MAPPING.shortForm(q.getSubject().getURI()) + " (" + label(q.getSubject()) + ")" : "its OWL axioms (lists and restrictions)";
                    if (q.getSubject().isURI() && q.getSubject().getURI().equals(IriScheme.ONTOLOGY)) term = "the ontology's own description";
                    ontology.computeIfAbsent(term, t -> new int[2])[side]++;
                }
            }
        }
        Set<Node> entities = new java.util.TreeSet<>(Comparator.comparing(Node::getURI));
        entities.addAll(facts.keySet());
        entities.addAll(inferred.keySet());
        entities.addAll(provenance.keySet());
        List<Changelog.Entity> out = new ArrayList<>();
        for (Node e : entities) {
            List<String> words = new ArrayList<>();
            boolean wasThere = has(before, e), isThere = has(after, e);
            if (!wasThere && isThere) words.add("new (" + kinds(after, e) + ")");
            else if (wasThere && !isThere) words.add("removed (was " + kinds(before, e) + ")");
            else facts.getOrDefault(e, Map.of()).forEach((what, values) -> words.add(phrase(what, values[0], values[1])));
            int[] p = provenance.get(e);
            if (p != null && wasThere && isThere) words.add("provenance " + counts(p) + " triples");
            int[] i = inferred.get(e);
            if (i != null && wasThere && isThere) words.add("inferred " + counts(i) + " triples");
            if (words.isEmpty()) continue;
            out.add(new Changelog.Entity(entityLabel(e), IriScheme.id(e), "/" + e.getURI().substring(IriScheme.BASE.length()), words));
        }
        out.sort(Comparator.comparing(Changelog.Entity::label).thenComparing(Changelog.Entity::id));
        List<String> onto = new ArrayList<>();
        ontology.forEach((term, n) -> onto.add(term + ": " + counts(n) + " triples"));
        String was = versionInfo(before), now = versionInfo(after);
        if (!java.util.Objects.equals(was, now)) onto.add(0, "version " + (was == null ? "none" : was) + " → " + now);
        return new Changelog(release.version(), release.label(), release.issued().toString(), release.previous(), graphs, out, onto, added.size(), removed.size());
    }

    private static String versionInfo(DatasetGraph d) {
        var it = d.getGraph(IriScheme.ONTOLOGY_GRAPH).find(NodeFactory.createURI(IriScheme.ONTOLOGY), org.apache.jena.vocabulary.OWL2.versionInfo.asNode(), Node.ANY);
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
    }

    private static String counts(int[] n) {
        return (n[0] > 0 ? "+" + n[0] : "") + (n[0] > 0 && n[1] > 0 ? " " : "") + (n[1] > 0 ? "−" + n[1] : "");
    }

    /** One property's change in words: "+1 signatory", "−2 alternative name", "date value precision changed (day → month)". */
    private String phrase(String what, List<Node> plus, List<Node> minus) {
        if (what.equals("kind")) {
            List<String> w = new ArrayList<>();
            plus.forEach(c -> w.add("now a " + label(c)));
            minus.forEach(c -> w.add("no longer a " + label(c)));
            return String.join(", ", w);
        }
        if (plus.size() == 1 && minus.size() == 1) {
            Node was = minus.get(0), now = plus.get(0);
            if (was.isLiteral() && now.isLiteral() && !was.getLiteralDatatypeURI().equals(now.getLiteralDatatypeURI())
                    && precision(was) != null && precision(now) != null)
                return what + " precision changed (" + precision(was) + " → " + precision(now) + ")";
            return what + " changed (" + value(was) + " → " + value(now) + ")";
        }
        if (minus.isEmpty()) return "+" + plus.size() + " " + what;
        if (plus.isEmpty()) return "−" + minus.size() + " " + what;
        return what + " changed (+" + plus.size() + " −" + minus.size() + ")";
    }

    private static String precision(Node literal) {
        String dt = literal.getLiteralDatatypeURI();
        if (dt.equals(XSDDatatype.XSDdate.getURI()) || dt.equals(XSDDatatype.XSDdateTime.getURI())) return "day";
        if (dt.equals(XSDDatatype.XSDgYearMonth.getURI())) return "month";
        if (dt.equals(XSDDatatype.XSDgYear.getURI())) return "year";
        return null;
    }

    private String value(Node n) {
        if (n.isLiteral()) {
            String s = n.getLiteralLexicalForm();
            return "“" + (s.length() > 60 ? s.substring(0, 57) + "…" : s) + "”";
        }
        if (IriScheme.owner(n) != null && IriScheme.owner(n).equals(n)) return entityLabel(n);
        return n.isURI() ? label(n) : "a blank node";
    }

    private static boolean has(DatasetGraph d, Node entity) {
        return d.getGraph(IriScheme.ASSERTED_GRAPH).contains(entity, Node.ANY, Node.ANY);
    }

    private String kinds(DatasetGraph d, Node entity) {
        List<String> k = new ArrayList<>();
        d.getGraph(IriScheme.ASSERTED_GRAPH).find(entity, RDF.type.asNode(), Node.ANY).forEach(t -> k.add(label(t.getObject())));
        k.sort(null);
        return k.isEmpty() ? "no kind" : String.join(", ", k);
    }

    /** The entity a provenance node speaks of: a statement's tg:ofEntity, in either release. */
    private Node ofEntity(Node n) {
        for (DatasetGraph d : List.of(after, before)) {
            var it = d.getGraph(IriScheme.PROVENANCE_GRAPH).find(n, TG.ofEntity, Node.ANY);
            if (it.hasNext()) return IriScheme.owner(it.next().getObject());
        }
        return null;
    }

    private String entityLabel(Node e) {
        for (DatasetGraph d : List.of(after, before)) {
            String l = englishLabel(d.getGraph(IriScheme.ASSERTED_GRAPH), e);
            if (l != null) return l;
        }
        return IriScheme.show(e);
    }

    /** A term's label in the ontology (the release's, else the previous one's), else its prefixed name. */
    private String label(Node term) {
        if (!term.isURI()) return "a blank node";
        for (DatasetGraph d : List.of(after, before)) {
            String l = englishLabel(d.getGraph(IriScheme.ONTOLOGY_GRAPH), term);
            if (l != null) return l;
        }
        return Prefixes.MAPPING.shortForm(term.getURI());
    }

    private static String englishLabel(Graph g, Node n) {
        String any = null;
        for (var it = g.find(n, RDFS.label.asNode(), Node.ANY); it.hasNext(); ) {
            Node l = it.next().getObject();
            if (!l.isLiteral()) continue;
            if (l.getLiteralLanguage().equals("en")) return l.getLiteralLexicalForm();
            if (any == null || l.getLiteralLanguage().isEmpty()) any = l.getLiteralLexicalForm();
        }
        return any;
    }

    /** The changes in Markdown: a heading, the counts per graph, a line per entity. */
    static String markdown(Changelog log) {
        StringBuilder b = new StringBuilder("# Release ").append(log.version()).append("\n\nVersion `").append(log.label()).append("`, issued ")
                .append(log.issued()).append(". ");
        b.append(log.previous() == null ? "The first release: everything in it is new." : "Changes since release " + log.previous() + ".")
                .append(' ').append(log.added()).append(" triples added, ").append(log.removed()).append(" removed ")
                .append("(the patch: `changes.rdfp`).\n\n| graph | added | removed |\n|---|---:|---:|\n");
        for (Changelog.GraphCount g : log.graphs()) b.append("| `").append(g.graph()).append("` | ").append(g.added()).append(" | ").append(g.removed()).append(" |\n");
        b.append("\n## Entities\n\n");
        if (log.entities().isEmpty()) b.append("No entity changed.\n");
        for (Changelog.Entity e : log.entities())
            b.append("- **").append(md(e.label())).append("** (`").append(e.id()).append("`): ").append(md(String.join("; ", e.changes()))).append('\n');
        if (!log.ontology().isEmpty()) {
            b.append("\n## The ontology\n\n");
            log.ontology().forEach(c -> b.append("- ").append(md(c)).append('\n'));
        }
        return b.toString();
    }

    private static String md(String s) {
        return s.replaceAll("([\\\\`*_\\[\\]<>|])", "\\\\$1");
    }

    static String html(Changelog log) {
        StringOutput out = new StringOutput();
        TEMPLATES.render("changes.jte", Map.of("log", log), out);
        return out.toString();
    }
}

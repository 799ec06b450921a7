package org.treatygraph.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.system.G;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDF;

/** The SHACL shapes for people: each node shape with its targets, messages and property constraints. */
final class ShapesPage {
    /** What a shape says through a blank node whose parts are shown: a property shape, a SPARQL target, a SPARQL constraint. */
    private static final java.util.Set<Node> DESCRIBED = java.util.Set.of(SHACL.property, SHACL.target, SHACL.sparql);

    private ShapesPage() {}

    static String render(Graph shapes) {
        PrefixMapping pm = shapes.getPrefixMapping();
        Map<String, Node> nodeShapes = new TreeMap<>();
        shapes.find(Node.ANY, RDF.type.asNode(), SHACL.NodeShape).forEach(t -> nodeShapes.put(t.getSubject().toString(), t.getSubject()));
        StringBuilder b = new StringBuilder("<h1>SHACL shapes</h1>\n<p>What the build checks every record against (<code>ontology/shapes.ttl</code>). "
                + "The same IRI gives the shapes as Turtle, RDF/XML, JSON-LD or N-Triples by content negotiation.</p>\n");
        for (Node shape : nodeShapes.values()) {
            b.append("<h2 id=\"").append(Html.esc(local(shape))).append("\">").append(Html.esc(show(shape, pm))).append("</h2>\n<table class=\"shape\">\n");
            for (Triple t : sorted(shapes.find(shape, Node.ANY, Node.ANY).toList())) {
                if (t.getPredicate().equals(RDF.type.asNode())) continue;
                if (DESCRIBED.contains(t.getPredicate()) && t.getObject().isBlank()) {   // a property, a SPARQL target or constraint: its parts
                    List<String> parts = new ArrayList<>();
                    for (Triple c : sorted(shapes.find(t.getObject(), Node.ANY, Node.ANY).toList())) {
                        String value = show(shapes, c.getObject(), pm);
                        parts.add("<b>" + Html.esc(show(c.getPredicate(), pm)) + "</b> "
                                + (c.getPredicate().equals(SHACL.select) ? "<pre class=\"query\"><code>" + Html.esc(value.stripIndent().strip()) + "</code></pre>"
                                        : Html.esc(value)));
                    }
                    b.append("<tr><td>").append(Html.esc(show(t.getPredicate(), pm))).append("</td><td>").append(String.join("<br>", parts)).append("</td></tr>\n");
                } else {
                    b.append("<tr><td>").append(Html.esc(show(t.getPredicate(), pm))).append("</td><td>").append(Html.esc(show(shapes, t.getObject(), pm))).append("</td></tr>\n");
                }
            }
            b.append("</table>\n");
        }
        return Html.page("SHACL shapes", b.toString());
    }

    private static List<Triple> sorted(List<Triple> ts) {
        List<Triple> out = new ArrayList<>(ts);
        out.sort((a, c) -> (a.getPredicate().toString() + a.getObject()).compareTo(c.getPredicate().toString() + c.getObject()));
        return out;
    }

    private static String local(Node n) {
        String s = n.toString();
        return s.substring(Math.max(s.lastIndexOf('#'), s.lastIndexOf('/')) + 1);
    }

    /** A value as the shapes file writes it: an RDF list (sh:in, sh:or, sh:and) as its members in brackets. */
    private static String show(Graph shapes, Node n, PrefixMapping pm) {
        if (!n.isBlank() || !shapes.contains(n, RDF.first.asNode(), Node.ANY)) return show(n, pm);
        List<String> members = new ArrayList<>();
        for (Node at = n; at != null && !at.equals(RDF.nil.asNode()); ) {
            Node first = G.getOneSP(shapes, at, RDF.first.asNode());
            members.add(show(first, pm));
            at = G.getZeroOrOneSP(shapes, at, RDF.rest.asNode());
        }
        return "( " + String.join(" ", members) + " )";
    }

    private static String show(Node n, PrefixMapping pm) {
        if (n.isURI()) {
            String s = pm.shortForm(n.getURI());
            return s.equals(n.getURI()) ? "<" + s + ">" : s;
        }
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        return n.isBlank() ? "[…]" : NodeFmtLib.strNT(n);
    }
}

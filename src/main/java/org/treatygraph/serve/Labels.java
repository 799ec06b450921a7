package org.treatygraph.serve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;
import org.treatygraph.ontology.TG;
import org.treatygraph.serve.view.Fact;
import org.treatygraph.serve.view.Link;

/**
 * Nodes in words, for the pages that show facts (the source page, /explain): an entity by its label and
 * linked to its page, a date node by its words, a node without either as its entity's label and its own
 * name ("Treaty of Kars › signing-1"), an ontology term by its label linked to its place in /ontology, a
 * literal as its text. One per page (it keeps what it looked up); callers hold a read transaction.
 */
final class Labels {
    /** RDF, RDFS and OWL terms in words (words.properties), by prefixed name. */
    private static final java.util.Properties WORDS = new java.util.Properties();
    static {
        try {
            WORDS.load(new java.io.StringReader(org.treatygraph.core.Resources.text(Labels.class, "words.properties")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final Site site;
    private final DatasetGraph dsg;
    private final Map<Node, Link> known = new HashMap<>();

    Labels(Site site, DatasetGraph dsg) {
        this.site = site;
        this.dsg = dsg;
    }

    Fact fact(Node s, Node p, Node o) {
        return new Fact(link(s), link(p), link(o));
    }

    Link link(Node n) {
        if (n.isLiteral()) return new Link(null, n.getLiteralLexicalForm());
        if (!n.isURI()) return new Link(null, "(an unnamed node)");
        return known.computeIfAbsent(n, this::lookUp);
    }

    private Link lookUp(Node n) {
        String iri = n.getURI();
        List<Binding> rows = PageQueries.select(dsg, "node-label", "node", n);
        Binding r = rows.isEmpty() ? null : rows.get(0);
        String label = r == null ? null : PageQueries.text(r, "label");
        String dateText = r == null ? null : PageQueries.text(r, "dateText");
        if (iri.startsWith(TG.NS)) return new Link("/ontology#" + iri.substring(TG.NS.length()), label != null ? label : iri.substring(TG.NS.length()));
        String id = IriScheme.id(iri);
        if (id == null) {
            String shortName = Prefixes.MAPPING.shortForm(iri);
            return new Link(null, label != null ? label : WORDS.getProperty(shortName, shortName));
        }
        String text = label != null ? label : dateText;
        if (text == null) {
            String owner = r == null ? null : PageQueries.text(r, "ownerLabel");
            Node ownerNode = r == null ? null : r.get("owner");
            text = owner != null && ownerNode != null && iri.startsWith(ownerNode.getURI() + "/")
                    ? owner + " › " + iri.substring(ownerNode.getURI().length() + 1) : id;
        }
        return new Link(site.local(iri), text);
    }
}

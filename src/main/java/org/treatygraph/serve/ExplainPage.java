package org.treatygraph.serve;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Location;
import org.treatygraph.core.Resources;
import org.treatygraph.reason.Explanation;
import org.treatygraph.serve.view.Derivation;
import org.treatygraph.serve.view.Fact;
import org.treatygraph.serve.view.Link;
import org.treatygraph.serve.view.Quote;

/**
 * /explain for people: the derivation of a fact as a tree of steps in words (explain.jte). Each fact is
 * labelled and linked (Labels); each rule is named with what it does (rules.properties); each asserted
 * leaf shows the record that wrote it and the passages that state it, by author and title, linked to the
 * passage (page/fact-quotes.rq, page/source.rq, over the store).
 */
final class ExplainPage {
    private static final Properties RULES = new Properties();
    static {
        try {
            RULES.load(new StringReader(Resources.text(ExplainPage.class, "rules.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final Site site;
    private final TreatyGraph graph;
    private final DatasetGraph dsg;
    private final Labels labels;
    /** How each source is cited, by file ("Tsvetelina Tsvetkova, Turkish National Movement …"). */
    private final Map<String, String> sources = new HashMap<>();

    private ExplainPage(Site site, TreatyGraph graph) {
        this.site = site;
        this.graph = graph;
        this.dsg = site.dataset();
        this.labels = new Labels(site, dsg);
    }

    /** The page for a fact and its derivation (empty: the fact does not hold). */
    static String render(Site site, TreatyGraph graph, Triple fact, Optional<Explanation> why) {
        ExplainPage p = new ExplainPage(site, graph);
        Derivation d = Txn.calculateRead(p.dsg, () -> new Derivation(p.fact(fact), why.isPresent(), why.map(p::step).orElse(null)));
        return Templates.render("explain.jte", Map.of("d", d));
    }

    private Derivation.Step step(Explanation e) {
        Fact fact = fact(e.fact());
        return switch (e.source()) {
            case INFERRED -> {
                List<Derivation.Step> steps = new ArrayList<>();
                for (Explanation a : e.shownAxioms()) steps.add(step(a));
                for (Explanation p : e.premises()) steps.add(step(p));
                yield new Derivation.Step("inferred", fact, e.rule(), RULES.getProperty(e.rule()), null, null, List.of(), steps);
            }
            case ONTOLOGY -> new Derivation.Step("axiom", fact, null, null, null, null, List.of(), List.of());
            case DATA -> {
                Location where = graph.locationOfFact(e.fact());
                String basis = null;
                List<Quote> quotes = new ArrayList<>();
                Triple t = e.fact();
                for (Binding r : PageQueries.select(dsg, "fact-quotes", "s", t.getSubject(), "p", t.getPredicate(), "o", t.getObject())) {
                    if (basis == null) basis = PageQueries.text(r, "basis");
                    if (r.get("exact") == null) continue;
                    String file = PageQueries.text(r, "file");
                    quotes.add(new Quote(PageQueries.text(r, "exact"), SourcePage.href(file, PageQueries.integer(r, "start"), PageQueries.integer(r, "end")), source(file)));
                }
                yield new Derivation.Step("asserted", fact, null, null, where == null ? null : where.toString(), basis, quotes, List.of());
            }
        };
    }

    /** A triple in words; an RDF list (a property chain, an intersection) as its members. */
    private Fact fact(Triple t) {
        Node o = t.getObject();
        Link object = o.isBlank() && graph.ontology().contains(o, RDF.first.asNode(), Node.ANY) ? list(graph.ontology(), o) : labels.link(o);
        return new Fact(labels.link(t.getSubject()), labels.link(t.getPredicate()), object);
    }

    private Link list(Graph schema, Node head) {
        List<String> members = new ArrayList<>();
        Node cell = head;
        for (int i = 0; i < 100 && cell.isBlank(); i++) {
            Node first = schema.find(cell, RDF.first.asNode(), Node.ANY).nextOptional().map(Triple::getObject).orElse(null);
            if (first == null) break;
            members.add(labels.link(first).text());
            cell = schema.find(cell, RDF.rest.asNode(), Node.ANY).nextOptional().map(Triple::getObject).orElse(RDF.nil.asNode());
        }
        return new Link(null, "( " + String.join(", ", members) + " )");
    }

    /** How a reader cites a source: its author and title, or its label where it names neither. */
    private String source(String file) {
        return sources.computeIfAbsent(file, f -> {
            List<Binding> rows = PageQueries.select(dsg, "source", "file", NodeFactory.createLiteralString(f));
            if (rows.isEmpty()) return f;
            Binding r = rows.get(0);
            String title = PageQueries.text(r, "title"), author = PageQueries.text(r, "author"), label = PageQueries.text(r, "label");
            if (title == null) return label != null ? label : f;
            return author == null ? title : author + ", " + title;
        });
    }
}

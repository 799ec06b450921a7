package org.treatygraph.convert;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.treatygraph.TestProjects;
import org.treatygraph.ontology.TG;

/** Every citation in the built graph points at exactly the words it records, and every fact has one. */
class CitationsIntegrityTest {
    @Test
    void everySelectorMatchesItsSourceText() throws IOException {
        TreatyGraph g = TestProjects.repoGraph();
        Graph prov = g.provenance();
        int checked = 0;
        for (Triple t : prov.find(Node.ANY, RDF.type.asNode(), TG.Citation).toList()) {
            Node c = t.getSubject();
            Node source = one(prov, c, TG.oa("hasSource"));
            String file = one(prov, source, TG.sourceFile).getLiteralLexicalForm();
            String text = Files.readString(TestProjects.repo().sourcesDir().resolve(file), StandardCharsets.UTF_8);
            Node quote = null, position = null;
            for (Triple s : prov.find(c, TG.oa("hasSelector"), Node.ANY).toList()) {
                if (prov.contains(s.getObject(), RDF.type.asNode(), TG.oa("TextQuoteSelector"))) quote = s.getObject();
                else position = s.getObject();
            }
            int start = text.offsetByCodePoints(0, Integer.parseInt(one(prov, position, TG.oa("start")).getLiteralLexicalForm()));
            int end = text.offsetByCodePoints(0, Integer.parseInt(one(prov, position, TG.oa("end")).getLiteralLexicalForm()));
            assertEquals(one(prov, quote, TG.oa("exact")).getLiteralLexicalForm(), text.substring(start, end), c.getURI());
            assertTrue(text.substring(0, start).endsWith(one(prov, quote, TG.oa("prefix")).getLiteralLexicalForm()), c.getURI());
            assertTrue(text.substring(end).startsWith(one(prov, quote, TG.oa("suffix")).getLiteralLexicalForm()), c.getURI());
            checked++;
        }
        assertTrue(checked > 500, "citations checked: " + checked);
    }

    @Test
    void everyAssertedFactButEditorialNotesHasACitedStatement() {
        TreatyGraph g = TestProjects.repoGraph();
        Graph prov = g.provenance();
        java.util.Set<Triple> stated = new java.util.HashSet<>();
        prov.find(Node.ANY, RDF.subject.asNode(), Node.ANY).forEach(t -> {
            Node st = t.getSubject();
            if (prov.find(st, TG.citation, Node.ANY).hasNext())
                stated.add(Triple.create(t.getObject(), one(prov, st, RDF.predicate.asNode()), one(prov, st, RDF.object.asNode())));
        });
        java.util.List<Triple> unstated = g.asserted().find().toList().stream().filter(t -> !stated.contains(t)).toList();
        assertTrue(stated.size() > 3000, "stated facts: " + stated.size());
        // Editorial notes cite nothing; Wikidata links carry their check instead (WikidataLinksTest).
        java.util.Set<Node> uncited = java.util.Set.of(TG.note, org.apache.jena.vocabulary.SKOS.exactMatch.asNode(), TG.term("wikidataId"));
        assertTrue(unstated.stream().allMatch(t -> uncited.contains(t.getPredicate())), () -> "facts without a citation: " + unstated);
    }

    private static Node one(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY).toList();
        assertEquals(1, it.size(), () -> s + " " + p + ": " + it);
        return it.get(0).getObject();
    }
}

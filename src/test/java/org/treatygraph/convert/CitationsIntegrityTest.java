package org.treatygraph.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.treatygraph.TestProjects;
import org.treatygraph.ontology.TG;

import static org.junit.jupiter.api.Assertions.*;

/** Every citation in the built graph points at exactly the words it records, and every fact has one. */
class CitationsIntegrityTest {
    @Test
    void everySelectorMatchesItsSourceText() throws IOException {
        TreatyGraph g = TestProjects.repoGraph();
        Graph prov = g.provenance();
        int checked = 0;
        for (Triple t : prov.find(Node.ANY, RDF.type.asNode(), TG.Citation).toList()) {
            Node c = t.getSubject();
            Node source = one(prov, c, OA.hasSource.asNode());
            String file = one(prov, source, TG.sourceFile).getLiteralLexicalForm();
            String text = Files.readString(TestProjects.repo().sourcesDir().resolve(file), StandardCharsets.UTF_8);
            Node quote = null, position = null;
            for (Triple s : prov.find(c, OA.hasSelector.asNode(), Node.ANY).toList()) {
                if (prov.contains(s.getObject(), RDF.type.asNode(), OA.TextQuoteSelector.asNode())) quote = s.getObject();
                else position = s.getObject();
            }
            int start = text.offsetByCodePoints(0, Integer.parseInt(one(prov, position, OA.start.asNode()).getLiteralLexicalForm()));
            int end = text.offsetByCodePoints(0, Integer.parseInt(one(prov, position, OA.end.asNode()).getLiteralLexicalForm()));
            assertEquals(one(prov, quote, OA.exact.asNode()).getLiteralLexicalForm(), text.substring(start, end), c.getURI());
            assertTrue(text.substring(0, start).endsWith(one(prov, quote, OA.prefix.asNode()).getLiteralLexicalForm()), c.getURI());
            assertTrue(text.substring(end).startsWith(one(prov, quote, OA.suffix.asNode()).getLiteralLexicalForm()), c.getURI());
            checked++;
        }
        assertTrue(checked > 500, "citations checked: " + checked);
    }

    @Test
    void everyAssertedFactRestsOnOneBasisAndOnlyTheEditorsOwnCiteNothing() {
        TreatyGraph g = TestProjects.repoGraph();
        Graph prov = g.provenance();
        java.util.Map<Triple, Node> basis = new java.util.HashMap<>();
        java.util.Set<Triple> cited = new java.util.HashSet<>();
        prov.find(Node.ANY, RDF.subject.asNode(), Node.ANY).forEach(t -> {
            Node st = t.getSubject();
            Triple fact = Triple.create(t.getObject(), one(prov, st, RDF.predicate.asNode()), one(prov, st, RDF.object.asNode()));
            prov.find(st, TG.basis, Node.ANY).forEach(b -> basis.put(fact, b.getObject()));
            if (prov.find(st, TG.citation, Node.ANY).hasNext()) cited.add(fact);
        });
        // Wikidata links and coordinates carry their check instead (WikidataLinksTest, PlacesTest): the point's
        // facts (its geometry node, its WKT, WGS84 lat/long) come from the one record the geo:hasGeometry statement names.
        java.util.Set<Node> checked = java.util.Set.of(org.apache.jena.vocabulary.SKOS.exactMatch.asNode(), org.apache.jena.vocabulary.SKOS.closeMatch.asNode(), TG.wikidataId,
                org.treatygraph.ontology.GEO.hasGeometry, org.treatygraph.ontology.GEO.asWKT, org.treatygraph.ontology.GEO.lat,
                org.treatygraph.ontology.GEO.lon);
        java.util.List<Triple> without = g.asserted().find().toList().stream()
                .filter(t -> !checked.contains(t.getPredicate()) && !basis.containsKey(t)
                        && !t.getObject().equals(org.treatygraph.ontology.GEO.Geometry)).toList();
        assertEquals(java.util.List.of(), without, "facts with no basis");
        int stated = 0;
        for (java.util.Map.Entry<Triple, Node> e : basis.entrySet()) {
            boolean editorial = e.getValue().equals(TG.Editorial);
            assertEquals(!editorial, cited.contains(e.getKey()), () -> e.getValue() + " " + e.getKey());
            if (e.getKey().getPredicate().equals(TG.note)) assertTrue(editorial, () -> "a note is the editors': " + e.getKey());
            if (!editorial) stated++;
        }
        assertTrue(stated > 3000, "facts resting on passages: " + stated);
    }

    private static Node one(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY).toList();
        assertEquals(1, it.size(), () -> s + " " + p + ": " + it);
        return it.get(0).getObject();
    }
}

package org.treatygraph.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Location;
import org.treatygraph.core.Problem;
import org.treatygraph.core.Progress;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.TG;

import static org.junit.jupiter.api.Assertions.*;

/** The checked Wikidata links: every link in the data has its check, and a link without one cannot get in. */
class WikidataLinksTest {
    @TempDir Path dir;

    static final String WD = "http://www.wikidata.org/entity/";

    /** The links file read on its own (Jackson), to compare the built graph against. */
    static Map<String, JsonNode> linksFile() throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(TestProjects.repo().wikidataLinksFile().toFile());
        Map<String, JsonNode> byEntity = new HashMap<>();
        root.path("links").forEach(l -> byEntity.put(l.path("entity").asText(), l));
        return byEntity;
    }

    @Test
    void everyLinkInTheDataHasItsCheck() throws IOException {
        TreatyGraph g = TestProjects.repoGraph();
        Map<String, JsonNode> file = linksFile();
        List<Triple> links = g.asserted().find(Node.ANY, SKOS.exactMatch.asNode(), Node.ANY).filterKeep(t -> t.getObject().getURI().startsWith(WD)).toList();
        assertEquals(file.size(), links.size(), "one exactMatch per entry of links.yaml");
        assertTrue(links.size() >= 20, "the bundled data links " + links.size());
        Set<String> qids = new HashSet<>();
        for (Triple link : links) {
            String entity = link.getSubject().getURI().substring(IriScheme.ID.length());
            String qid = link.getObject().getURI().substring(WD.length());
            assertTrue(qids.add(qid), qid + " linked twice");
            assertEquals(file.get(entity).path("qid").asText(), qid, entity);
            assertTrue(g.asserted().contains(link.getSubject(), TG.wikidataId, NodeFactory.createLiteralString(qid)), "the plain identifier of " + entity);
            Node st = statementOf(g.provenance(), link);
            assertNotNull(st, "no statement for the link of " + entity);
            Node how = object(g.provenance(), st, TG.checkMethod);
            assertNotNull(how, "no check for " + entity);
            assertNotNull(object(g.provenance(), st, TG.checkedOn), entity);
            if (how.equals(TG.StoredPageCheck)) {
                assertTrue(object(g.provenance(), st, TG.checkedAgainst).getURI().startsWith("https://"), entity);
                String excerpt = object(g.provenance(), st, TG.checkExcerpt).getLiteralLexicalForm();
                assertTrue(excerpt.matches(".*(?<![0-9])" + qid.substring(1) + "(?![0-9]).*"), entity + ": the excerpt shows the QID: " + excerpt);
                assertNotNull(object(g.provenance(), st, TG.itemLabelSeen), entity);
            } else {
                assertEquals(TG.AcceptedCandidate, how);
                assertNotNull(object(g.provenance(), st, TG.acceptedBy), entity);
            }
        }
        assertFalse(g.union().contains(Node.ANY, OWL.sameAs.asNode(), Node.ANY), "no owl:sameAs in the served graph");
    }

    @Test
    void historicalPolitiesKeepTheirOwnItems() {
        Graph a = TestProjects.repoGraph().asserted();
        assertEquals("Q245160", qid(a, "polity/democratic-republic-of-georgia"));
        assertEquals("Q130229", qid(a, "polity/georgian-ssr"), "the Georgian SSR is another item than the republic before it");
        assertEquals("Q132856", qid(a, "polity/armenian-ssr"));
        assertEquals("Q139670", qid(a, "polity/republic-of-armenia"));
        assertFalse(a.contains(Node.ANY, TG.wikidataId, NodeFactory.createLiteralString("Q230")), "modern Georgia is none of ours");
        assertFalse(a.contains(Node.ANY, TG.wikidataId, NodeFactory.createLiteralString("Q399")), "nor modern Armenia");
        assertEquals("Q2949827", qid(a, "polity/ankara-government"));
        assertEquals("Q12560", qid(a, "polity/ottoman-empire"));
        assertNull(qid(a, "polity/grand-national-assembly"), "the Assembly is neither its government's item nor modern Turkey's");
        // The state as a whole, not its early period (Q2305208), nor its successors.
        assertEquals("Q2184", qid(a, "polity/rsfsr"));
        assertEquals("Q133356", qid(a, "polity/ukraine"), "Soviet Ukraine of 1921 is the Ukrainian SSR");
        assertEquals("Q174193", qid(a, "polity/great-britain"), "the United Kingdom (Q145) starts in 1927 on Wikidata");
        assertFalse(a.contains(Node.ANY, TG.wikidataId, NodeFactory.createLiteralString("Q212")), "nor modern Ukraine");
        assertNull(qid(a, "polity/mongolian-peoples-republic"), "the item seen may be the state of 1924: left for a person to decide");
    }

    private Project withLinks(String links) throws IOException {
        Project p = TestProjects.scratch(dir, TestProjects.VALID);
        Files.createDirectories(p.wikidataLinksFile().getParent());
        Files.writeString(p.wikidataLinksFile(), links, StandardCharsets.UTF_8);
        return p;
    }

    private List<Problem> problems(String links) throws IOException {
        Project p = withLinks(links);
        return assertThrows(InputException.class, () -> new GraphBuilder(p, Progress.SILENT).build()).problems();
    }

    static final String GOOD = """
        links:
          - entity: polity/persia
            qid: Q900005
            how: stored-page
            page: https://example.org/items
            excerpt: "Persia,900005"
            itemLabel: Persia
            checked: 2026-11-22
          - entity: agreement/soviet-persian-treaty-1921
            qid: Q900006
            how: accepted-candidate
            acceptedBy: a reviewer
            score: 93.5
            checked: 2026-11-22
        """;

    @Test
    void aCheckedLinkGetsIn() throws IOException {
        TreatyGraph g = new GraphBuilder(withLinks(GOOD), Progress.SILENT).build();
        assertEquals("Q900005", qid(g.asserted(), "polity/persia"));
        assertEquals("Q900006", qid(g.asserted(), "agreement/soviet-persian-treaty-1921"));
        Triple link = Triple.create(IriScheme.iri("agreement/soviet-persian-treaty-1921"), SKOS.exactMatch.asNode(), NodeFactory.createURI(WD + "Q900006"));
        assertEquals("93.5", object(g.provenance(), statementOf(g.provenance(), link), TG.candidateScore).getLiteralLexicalForm());
        assertEquals(new Location("data/wikidata/links.yaml", 9, 5), g.locationOfFact(link), "the link points back at its entry");
    }

    @Test
    void anIncompleteOrWrongLinkIsRefusedAtItsLine() throws IOException {
        List<Problem> ps = problems("""
            links:
              - entity: polity/persia
                qid: Q900005
                how: stored-page
                page: https://example.org/items
                excerpt: "Persia,900050"
                itemLabel: Persia
                checked: 2026-11-22
              - entity: polity/persa
                qid: Q900007
                how: guessed
                checked: 2026-11-22
              - entity: polity/rsfsr
                qid: Q900005
                how: accepted-candidate
                score: 120
                checked: 22.11.2026
            """);
        Map<Integer, String> byLine = new HashMap<>();
        ps.forEach(p -> byLine.merge(p.location().line(), p.message(), (x, y) -> x + " | " + y));
        assertTrue(byLine.get(6).contains("the excerpt does not show Q900005"), byLine.toString());
        assertTrue(byLine.get(9).contains("no entity 'polity/persa' in the records; nearest: polity/persia"), byLine.toString());
        assertTrue(byLine.get(11).contains("how 'guessed': expected one of [accepted-candidate, stored-page]"), byLine.toString());
        assertTrue(byLine.get(14).contains("Q900005 is already linked to another entity at data/wikidata/links.yaml:2"), byLine.toString());
        assertTrue(byLine.get(13).contains("a link needs 'acceptedBy'"), byLine.toString());
        assertTrue(byLine.get(16).contains("score must be a number from 0 to 100"), byLine.toString());
        assertTrue(byLine.get(17).contains("checked '22.11.2026' is not a date"), byLine.toString());
        assertTrue(ps.stream().allMatch(p -> p.location().file().equals("data/wikidata/links.yaml")), ps.toString());
    }

    @Test
    void theLooserLinksOfTheDataHaveTheirChecksAndTheItemThatUsesThem() {
        TreatyGraph g = TestProjects.repoGraph();
        Map<String, String> close = new HashMap<>();
        for (Triple t : g.asserted().find(Node.ANY, SKOS.closeMatch.asNode(), Node.ANY).toList()) {
            close.put(IriScheme.id(t.getSubject()), t.getObject().getURI().substring(WD.length()));
            Node st = statementOf(g.provenance(), t);
            assertNotNull(st, "the closeMatch of " + t.getSubject() + " has its statement");
            assertEquals(TG.StoredPageCheck, object(g.provenance(), st, TG.checkMethod));
            assertEquals(WD + "Q8736", object(g.provenance(), st, TG.usedByItem).getURI(), "Wikidata's Treaty of Versailles uses it");
            assertTrue(object(g.provenance(), st, TG.checkExcerpt).getLiteralLexicalForm().contains(close.get(IriScheme.id(t.getSubject())).substring(1)));
        }
        assertEquals(Map.of("polity/germany", "Q41304", "polity/great-britain", "Q145", "polity/poland", "Q207272"), close);
        // The exact links stay the items whose time covers our facts.
        assertEquals("Q1206012", qid(g.asserted(), "polity/germany"));
        assertEquals("Q174193", qid(g.asserted(), "polity/great-britain"));
        assertEquals("Q36", qid(g.asserted(), "polity/poland"));
    }

    @Test
    void theTownOrDistrictRuleLinksTownsOnly() {
        Graph a = TestProjects.repoGraph().asserted();
        assertEquals("Q25475", qid(a, "territory/batumi"));
        assertEquals("Q199500", qid(a, "territory/alexandropol"));
        assertEquals("Q406", qid(a, "territory/constantinople"));
        // Regions named after their towns get no town's item (their points are the towns', docs/places.md).
        for (String region : List.of("kars", "ardahan", "artvin", "van", "bitlis", "nakhchivan", "akhaltsikhe", "akhalkalaki", "batumi-region"))
            assertNull(qid(a, "territory/" + region), region + " is a region: no town's item");
        assertEquals("Q1639475", qid(a, "polity/mountain-republic"));
        assertEquals("Q330756", qid(a, "polity/transcaucasian-federative-republic"));
    }

    static final String CLOSE = """
        links:
          - entity: polity/persia
            qid: Q900005
            how: stored-page
            page: https://example.org/items
            excerpt: "Persia,900005"
            itemLabel: Persia
            checked: 2026-11-22
            closeMatch:
              - qid: Q900008
                page: https://example.org/treaty
                excerpt: "signatory: Persia,900008"
                itemLabel: Qajar Persia
                usedBy: Q900009
                checked: 2026-12-03
        """;

    @Test
    void aCheckedLooserLinkGetsInBesideItsExactLink() throws IOException {
        TreatyGraph g = new GraphBuilder(withLinks(CLOSE), Progress.SILENT).build();
        Triple looser = Triple.create(IriScheme.iri("polity/persia"), SKOS.closeMatch.asNode(), NodeFactory.createURI(WD + "Q900008"));
        assertTrue(g.asserted().contains(looser));
        assertEquals("Q900005", qid(g.asserted(), "polity/persia"), "the exact link is unchanged");
        assertEquals(WD + "Q900009", object(g.provenance(), statementOf(g.provenance(), looser), TG.usedByItem).getURI());
        assertEquals(new Location("data/wikidata/links.yaml", 10, 9), g.locationOfFact(looser), "the looser link points back at its entry");
    }

    @Test
    void anIncompleteOrWrongLooserLinkIsRefusedAtItsLine() throws IOException {
        List<Problem> ps = problems("""
            links:
              - entity: polity/persia
                qid: Q900005
                how: stored-page
                page: https://example.org/items
                excerpt: "Persia,900005"
                itemLabel: Persia
                checked: 2026-11-22
                closeMatch:
                  - qid: Q900005
                    page: https://example.org/treaty
                    excerpt: "Persia,900005"
                    itemLabel: Persia
                    usedBy: Q900009
                    checked: 2026-12-03
                  - qid: Q900006
                    page: https://example.org/treaty
                    excerpt: "Persia,900060"
                    itemLabel: Persia
                    checked: 2026-12-03
                    usedby: Q900009
              - entity: polity/rsfsr
                qid: Q900006
                how: stored-page
                page: https://example.org/items
                excerpt: "RSFSR,900006"
                itemLabel: RSFSR
                checked: 2026-11-22
                closeMatch: Q900010
            """);
        Map<Integer, String> byLine = new HashMap<>();
        ps.forEach(p -> byLine.merge(p.location().line(), p.message(), (x, y) -> x + " | " + y));
        assertTrue(byLine.get(10).contains("Q900005 is this entry's exact link; a closeMatch names another item"), byLine.toString());
        assertTrue(byLine.get(16).contains("Q900006 is the exact link of another entry (data/wikidata/links.yaml:22"), byLine.toString());
        assertTrue(byLine.get(16).contains("a closeMatch needs 'usedBy'"), byLine.toString());
        assertTrue(byLine.get(18).contains("the excerpt does not show Q900006"), byLine.toString());
        assertTrue(byLine.get(21).contains("unknown key 'usedby' in a closeMatch; nearest: usedBy"), byLine.toString());
        assertTrue(byLine.get(29).contains("closeMatch is a list of looser links"), byLine.toString());
        assertTrue(ps.stream().allMatch(p -> p.location().file().equals("data/wikidata/links.yaml")), ps.toString());
    }

    @Test
    void aCloseMatchWrittenInARecordHasNoCheckAndFailsTheBuild() throws IOException {
        Project p = TestProjects.scratch(dir, TestProjects.VALID.replace("  label: Persia\n", "  label: Persia\n  closeMatch: http://www.wikidata.org/entity/Q900005\n"));
        InputException e = assertThrows(InputException.class, () -> new GraphBuilder(p, Progress.SILENT).build());
        // Records cannot write it at all; the shape (tgsh:CheckedCloseMatchShape) guards any other way in.
        assertTrue(e.getMessage().contains("data/records/test.yaml:8:3: error: unknown key 'closeMatch'"), e.getMessage());
    }

    @Test
    void anExactMatchWrittenInARecordHasNoCheckAndFailsTheBuild() throws IOException {
        Project p = TestProjects.scratch(dir, TestProjects.VALID.replace("  label: Persia\n", "  label: Persia\n  exactMatch: http://www.wikidata.org/entity/Q900005\n"));
        InputException e = assertThrows(InputException.class, () -> new GraphBuilder(p, Progress.SILENT).build());
        assertTrue(e.getMessage().contains("a Wikidata link without a recorded check"), e.getMessage());
        assertTrue(e.getMessage().contains("data/records/test.yaml:5:"), "points at the record: " + e.getMessage());
    }

    static String qid(Graph g, String entity) {
        Node n = object(g, IriScheme.iri(entity), TG.wikidataId);
        return n == null ? null : n.getLiteralLexicalForm();
    }

    static Node statementOf(Graph provenance, Triple t) {
        for (Triple s : provenance.find(Node.ANY, RDF.subject.asNode(), t.getSubject()).toList()) {
            if (provenance.contains(s.getSubject(), RDF.predicate.asNode(), t.getPredicate()) && provenance.contains(s.getSubject(), RDF.object.asNode(), t.getObject()))
                return s.getSubject();
        }
        return null;
    }

    static Node object(Graph g, Node s, Node p) {
        List<Triple> ts = g.find(s, p, Node.ANY).toList();
        return ts.isEmpty() ? null : ts.get(0).getObject();
    }
}

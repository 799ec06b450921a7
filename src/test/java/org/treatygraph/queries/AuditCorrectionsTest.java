package org.treatygraph.queries;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.treatygraph.TestProjects;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.TG;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The cases an independent audit found (issue 11), each pinned on the repository's own data: per-fact
 * citations, editorial readings kept apart, literature titles not preferred, the Soviet Union, kinds,
 * the gaps it listed, and every instrument's dated life cycle.
 */
class AuditCorrectionsTest {
    static TreatyGraph g;
    static Graph all;

    @BeforeAll
    static void build() {
        g = TestProjects.repoGraph();
        all = g.unionWithInferred();
    }

    private static Node id(String s) {
        return IriScheme.iri(s);
    }

    private static Node statement(Node s, Node p, Node o) {
        return TreatyGraph.statementOf(Triple.create(s, p, o));
    }

    private static Set<String> quotes(Node statement) {
        return g.provenance().find(statement, TG.citation, Node.ANY).toList().stream()
                .flatMap(c -> g.provenance().find(c.getObject(), OA.hasSelector.asNode(), Node.ANY).toList().stream())
                .flatMap(sel -> g.provenance().find(sel.getObject(), OA.exact.asNode(), Node.ANY).toList().stream())
                .map(t -> t.getObject().getLiteralLexicalForm()).collect(Collectors.toSet());
    }

    private static String words(String s) {
        return " " + java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase()
                .replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip() + " ";
    }

    private static Node basis(Node statement) {
        return g.provenance().find(statement, TG.basis, Node.ANY).next().getObject();
    }

    @Test
    void theAssemblysAlternativeNamesCiteOnlyPassagesThatWriteThem() {
        Node gna = id("polity/grand-national-assembly");
        List<Triple> alts = g.asserted().find(gna, SKOS.altLabel.asNode(), Node.ANY).toList();
        assertTrue(alts.size() >= 3, alts::toString);
        for (Triple t : alts) {
            String name = words(t.getObject().getLiteralLexicalForm());
            Set<String> qs = quotes(statement(t.getSubject(), t.getPredicate(), t.getObject()));
            assertFalse(qs.isEmpty(), () -> "no citation for " + name);
            // Each passage cited for a name writes that name (or its adjective: "Turkish" for "Turkey").
            for (String q : qs) assertTrue(words(q).contains(name) || words(q).contains(name.replace("turkey", "turkish")), () -> name + " cited by " + q);
        }
        Triple tbmm = Triple.create(gna, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang("TBMM", "en"));
        assertTrue(quotes(statement(tbmm.getSubject(), tbmm.getPredicate(), tbmm.getObject())).stream().allMatch(q -> q.contains("TBMM")));
    }

    @Test
    void noSourceNamesALosingSideForKarsUnderTheTreatyOfMoscow() {
        Node cession = id("agreement/treaty-of-moscow-1921/cession-of-kars");
        assertTrue(g.asserted().contains(cession, TG.territory, id("territory/kars")));
        for (Triple t : g.asserted().find(cession, TG.fromPolity, Node.ANY).toList())
            assertEquals(TG.Editorial, basis(statement(t.getSubject(), t.getPredicate(), t.getObject())), t::toString);
        assertFalse(g.asserted().contains(cession, TG.fromPolity, id("polity/republic-of-armenia")));
    }

    @Test
    void theFisheryAgreementsYearIsTheEditorsComputationNotAStatedYear() {
        List<Triple> values = all.find(id("agreement/soviet-japanese-fishery-agreement-1927"), TG.signingDate, Node.ANY).toList().stream()
                .flatMap(d -> g.asserted().find(d.getObject(), TG.dateValue, Node.ANY).toList().stream()).toList();
        assertFalse(values.isEmpty());
        for (Triple v : values) assertEquals(TG.Editorial, basis(statement(v.getSubject(), v.getPredicate(), v.getObject())), v::toString);
    }

    @Test
    void theNonRecognitionOfGeorgiaIsDatedByTheRunningTextNotByAFootnoteTitle() {
        List<Triple> dates = all.find(id("agreement/rsfsr-decree-non-recognition-of-georgia-1918"), TG.signingDate, Node.ANY).toList();
        assertFalse(dates.isEmpty());
        for (Triple d : dates) {
            assertFalse(g.asserted().contains(d.getObject(), TG.dateValue, NodeFactory.createLiteralDT("1918-12-24", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate)), "the footnote title's day");
            String text = g.asserted().find(d.getObject(), TG.dateText, Node.ANY).next().getObject().getLiteralLexicalForm();
            assertTrue(text.contains("late 1918"), text);
        }
    }

    @Test
    void theTreatyOfSevresYearRestsOnlyOnLiteratureTitlesAndSaysSo() {
        List<Triple> values = all.find(id("agreement/treaty-of-sevres-1920"), TG.signingDate, Node.ANY).toList().stream()
                .flatMap(d -> g.asserted().find(d.getObject(), TG.dateValue, Node.ANY).toList().stream()).toList();
        assertFalse(values.isEmpty());
        for (Triple v : values) {
            Node st = statement(v.getSubject(), v.getPredicate(), v.getObject());
            assertTrue(g.provenance().contains(st, TG.onlyLiteratureTitle, Node.ANY), "marked as resting only on literature titles: " + v);
            for (Triple c : g.provenance().find(st, TG.citation, Node.ANY).toList())
                assertEquals(TG.LiteratureTitle, g.provenance().find(c.getObject(), TG.passagePlace, Node.ANY).next().getObject());
        }
    }

    @Test
    void instrumentsOf1924AndLaterNameTheSovietUnionNotTheRsfsr() {
        assertTrue(all.contains(id("polity/ussr"), TG.predecessor, id("polity/rsfsr")));
        for (String a : List.of("agreement/sino-soviet-treaty-1924", "agreement/soviet-japanese-agreement-on-basic-rules-of-relations-1925",
                "agreement/soviet-japanese-fishery-agreement-1927")) {
            assertTrue(g.asserted().contains(id(a), TG.hasParty, id("polity/ussr")), a);
            assertFalse(g.asserted().contains(id(a), TG.hasParty, id("polity/rsfsr")), a);
        }
    }

    @Test
    void britishCeasefireProposalsAreAProposalNotATruce() {
        Node p = id("agreement/british-ceasefire-proposals-for-poland");
        assertTrue(all.contains(p, RDF.type.asNode(), TG.Proposal));
        assertFalse(all.contains(p, RDF.type.asNode(), TG.Truce));
    }

    @Test
    void the1907FisheryConventionWasReplacedNotAnnulled() {
        Node c = id("agreement/russo-japanese-fishery-convention-1907");
        assertFalse(all.contains(c, TG.status, TG.Annulled));
        assertTrue(all.contains(c, TG.replacedBy, id("agreement/soviet-japanese-fishery-agreement-1927")));
    }

    @Test
    void theGapsTheAuditListedAreRecorded() {
        for (String e : List.of("polity/league-of-nations", "polity/committee-for-the-independence-of-georgia", "person/bogdo-khan",
                "agreement/soviet-polish-truce-1920", "polity/ussr"))
            assertTrue(g.asserted().contains(id(e), RDF.type.asNode(), Node.ANY), e);
        // Historians and memoirists are the authors of the claims the texts report from them.
        Set<Node> authors = g.provenance().find(Node.ANY, TG.accordingTo, Node.ANY).toList().stream().map(Triple::getObject).collect(Collectors.toSet());
        for (String a : List.of("person/kuznetsova", "person/ali-fuat-cebesoy", "person/husamettin-erturk", "person/ulchenko"))
            assertTrue(authors.contains(id(a)), a + " among " + authors);
    }

    @Test
    void everyInstrumentHasADatedLifeCycleEventAndNoneHasStatusesThatExcludeEachOther() {
        List<Node> instruments = all.find(Node.ANY, RDF.type.asNode(), TG.Instrument).toList().stream()
                .map(Triple::getSubject).filter(n -> n.getURI().startsWith(IriScheme.ID)).distinct().toList();
        assertTrue(instruments.size() > 100, "instruments: " + instruments.size());
        List<String> undated = instruments.stream().filter(i -> all.find(i, TG.lifeCycleEvent, Node.ANY).toList().stream()
                .noneMatch(e -> all.contains(e.getObject(), TG.date, Node.ANY))).map(Node::getURI).sorted().toList();
        assertEquals(List.of(), undated);
        for (Node i : instruments) {
            boolean never = all.contains(i, TG.status, TG.NeverRatified);
            for (Node s : List.of(TG.Ratified, TG.InForce, TG.Renounced))
                assertFalse(never && all.contains(i, TG.status, s), i + " never ratified yet " + s);
        }
        // Statuses are derived from the events: none is asserted.
        assertFalse(g.asserted().find(Node.ANY, TG.status, Node.ANY).hasNext());
        assertTrue(all.contains(id("agreement/anglo-persian-agreement-1919"), TG.status, TG.NeverRatified));
    }

    @Test
    void theTemporaryTreatyOrderedAnOccupationItDidNotRecordOneDone() {
        Node provision = id("agreement/armenian-soviet-temporary-treaty-1920/occupation-by-rsfsr-troops");
        String label = g.asserted().find(provision, org.apache.jena.vocabulary.RDFS.label.asNode(), Node.ANY).next().getObject().getLiteralLexicalForm();
        assertTrue(label.contains("would be occupied"), label);
        for (String t : List.of("nakhchivan", "zangezur", "karabakh")) {
            Node occupation = id("agreement/armenian-soviet-temporary-treaty-1920/occupation-of-" + t);
            assertTrue(g.asserted().contains(id("agreement/armenian-soviet-temporary-treaty-1920"), TG.providesFor, occupation), t);
            assertFalse(g.asserted().find(occupation, TG.date, Node.ANY).hasNext(), "no date: it is what the treaty provides for, " + t);
        }
        // Nobody records the RSFSR as holding Nakhchivan or Zangezur.
        for (String t : List.of("territory/nakhchivan", "territory/zangezur"))
            assertFalse(all.find(Node.ANY, TG.territory, id(t)).toList().stream()
                    .anyMatch(x -> all.contains(x.getSubject(), RDF.type.asNode(), TG.TerritorialControl)
                            && all.contains(x.getSubject(), TG.controller, id("polity/rsfsr"))), t);
    }
}

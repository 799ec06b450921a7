package org.treatygraph.reason;

import static org.junit.jupiter.api.Assertions.*;
import static org.treatygraph.reason.Turtle.*;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/**
 * One inference per kind of rule in the profile, on a small ontology written for it: each test checks the
 * inferred triple, that it is not asserted, and its explanation (the rule, the axioms, the premises).
 */
class RuleKindsTest {
    static { org.apache.jena.sys.JenaSystem.init(); }   // before any vocabulary constant is touched
    private static final Node TYPE = RDF.type.asNode();

    /** Asserts that {@code t} is inferred by {@code rule} from exactly these axioms and premises. */
    private static Explanation assertDerived(Closure c, Triple t, String rule, List<Triple> axioms, List<Triple> premises) {
        assertTrue(c.inferred().contains(t), "not inferred: " + t);
        Explanation e = c.explain(t).orElseThrow();
        assertEquals(Explanation.Source.INFERRED, e.source());
        assertEquals(rule, e.rule());
        assertEquals(new java.util.HashSet<>(axioms), new java.util.HashSet<>(facts(e.axioms())), "axioms");
        assertEquals(new java.util.HashSet<>(premises), new java.util.HashSet<>(facts(e.premises())), "premises");
        return e;
    }

    @Test
    void subclassThroughTheClosedHierarchy() {
        Closure c = closure(":Treaty rdfs:subClassOf :Agreement . :Agreement rdfs:subClassOf :Instrument .", ":kars a :Treaty .");
        Explanation e = assertDerived(c, Triple.create(ex("kars"), TYPE, ex("Instrument")), "cax-sco",
                List.of(triple("Treaty", RDFS.subClassOf.asNode(), "Instrument")), List.of(Triple.create(ex("kars"), TYPE, ex("Treaty"))));
        // The axiom is itself inferred (scm-sco), and explained down to the two asserted ones.
        Explanation axiom = e.axioms().get(0);
        assertEquals("scm-sco", axiom.rule());
        assertEquals(2, axiom.axioms().size() + axiom.premises().size());
        assertTrue(e.rules().containsAll(List.of("cax-sco", "scm-sco")));
    }

    @Test
    void equivalentClasses() {
        Closure c = closure(":Pact owl:equivalentClass :Treaty .", ":p a :Pact .");
        assertTrue(c.inferred().contains(Triple.create(ex("p"), TYPE, ex("Treaty"))));
        assertTrue(c.explain(Triple.create(ex("p"), TYPE, ex("Treaty"))).orElseThrow().rules().stream().anyMatch(r -> r.startsWith("cax-")));
    }

    @Test
    void domainAndRange() {
        String onto = ":signedBy rdfs:domain :Instrument ; rdfs:range :Person .";
        Closure c = closure(onto, ":kars :signedBy :karabekir .");
        assertDerived(c, Triple.create(ex("kars"), TYPE, ex("Instrument")), "prp-dom",
                List.of(triple("signedBy", RDFS.domain.asNode(), "Instrument")), List.of(triple("kars", ex("signedBy"), "karabekir")));
        assertDerived(c, Triple.create(ex("karabekir"), TYPE, ex("Person")), "prp-rng",
                List.of(triple("signedBy", RDFS.range.asNode(), "Person")), List.of(triple("kars", ex("signedBy"), "karabekir")));
    }

    @Test
    void inverseBothWays() {
        Closure c = closure(":annuls owl:inverseOf :annulledBy .", ":a :annuls :b . :c :annulledBy :d .");
        assertDerived(c, triple("b", ex("annulledBy"), "a"), "prp-inv1",
                List.of(triple("annuls", OWL.inverseOf.asNode(), "annulledBy")), List.of(triple("a", ex("annuls"), "b")));
        assertDerived(c, triple("d", ex("annuls"), "c"), "prp-inv2",
                List.of(triple("annuls", OWL.inverseOf.asNode(), "annulledBy")), List.of(triple("c", ex("annulledBy"), "d")));
    }

    @Test
    void symmetric() {
        Closure c = closure(":borders a owl:SymmetricProperty .", ":georgia :borders :armenia .");
        assertDerived(c, triple("armenia", ex("borders"), "georgia"), "prp-symp",
                List.of(Triple.create(ex("borders"), TYPE, OWL.SymmetricProperty.asNode())), List.of(triple("georgia", ex("borders"), "armenia")));
    }

    @Test
    void transitiveExplainedRecursively() {
        Closure c = closure(":partOf a owl:TransitiveProperty .", ":kars :partOf :karsOblast . :karsOblast :partOf :transcaucasia . :transcaucasia :partOf :caucasus .");
        Explanation e = c.explain(triple("kars", ex("partOf"), "caucasus")).orElseThrow();
        assertEquals("prp-trp", e.rule());
        // Three asserted links: one premise is itself inferred by the same rule.
        assertTrue(e.premises().stream().anyMatch(Explanation::isInferred));
        assertEquals(2, e.premises().size());
    }

    @Test
    void subPropertyAndEquivalentProperty() {
        Closure c = closure(":signingParty rdfs:subPropertyOf :hasParty . :hasParty owl:equivalentProperty :party .", ":kars :signingParty :gna .");
        assertDerived(c, triple("kars", ex("hasParty"), "gna"), "prp-spo1",
                List.of(triple("signingParty", RDFS.subPropertyOf.asNode(), "hasParty")), List.of(triple("kars", ex("signingParty"), "gna")));
        assertTrue(c.inferred().contains(triple("kars", ex("party"), "gna")));
    }

    @Test
    void propertyChainsOfTwoAndThree() {
        String onto = """
                :signingParty owl:propertyChainAxiom ( :hasSignatory :onBehalfOf ) .
                :signingCapital owl:propertyChainAxiom ( :hasSignatory :onBehalfOf :capital ) .
                """;
        Closure c = closure(onto, ":kars :hasSignatory :role1 . :role1 :onBehalfOf :gna . :gna :capital :ankara .");
        Explanation two = assertDerived(c, triple("kars", ex("signingParty"), "gna"), "prp-spo2-2", c.explain(triple("kars", ex("signingParty"), "gna"))
                .orElseThrow().axioms().stream().map(Explanation::fact).toList(), List.of(triple("kars", ex("hasSignatory"), "role1"), triple("role1", ex("onBehalfOf"), "gna")));
        assertTrue(facts(two.axioms()).stream().anyMatch(a -> a.getPredicate().equals(OWL.propertyChainAxiom.asNode()) && a.getSubject().equals(ex("signingParty"))));
        Explanation three = c.explain(triple("kars", ex("signingCapital"), "ankara")).orElseThrow();
        assertEquals("prp-spo2-3", three.rule());
        assertEquals(3, three.premises().size());
        assertTrue(three.render(org.apache.jena.shared.PrefixMapping.Factory.create().setNsPrefix("ex", "http://example.org/"), null, t -> null)
                .contains("[inferred by rule prp-spo2-3]"));
    }

    @Test
    void listsLongerThanTheRulesCoverAreReported() {
        Closure c = closure(":Long owl:intersectionOf ( :A :B :C :D :E ) . :p owl:propertyChainAxiom ( :q :r ) .", ":x a :A .");
        assertEquals(1, c.warnings().size(), c.warnings().toString());
        assertTrue(c.warnings().get(0).contains("the intersection of http://example.org/Long has 5 members; the rules cover at most 4"), c.warnings().get(0));
    }

    @Test
    void hasValueBothWays() {
        String onto = ":SovietTreaty owl:equivalentClass [ a owl:Restriction ; owl:onProperty :hasParty ; owl:hasValue :rsfsr ] .";
        Closure c = closure(onto, ":moscow :hasParty :rsfsr . :brest a :SovietTreaty .");
        assertTrue(c.explain(Triple.create(ex("moscow"), TYPE, ex("SovietTreaty"))).orElseThrow().rules().contains("cls-hv2"));
        assertTrue(c.explain(triple("brest", ex("hasParty"), "rsfsr")).orElseThrow().rules().contains("cls-hv1"));
    }

    @Test
    void someValuesFromAndIntersection() {
        // LUBM's pattern: a Chair is a Person who heads some Department.
        String onto = ":Chair owl:equivalentClass [ owl:intersectionOf ( :Person [ a owl:Restriction ; owl:onProperty :headOf ; owl:someValuesFrom :Department ] ) ] .";
        Closure c = closure(onto, ":p a :Person ; :headOf :d . :d a :Department . :q a :Chair .");
        Explanation e = c.explain(Triple.create(ex("p"), TYPE, ex("Chair"))).orElseThrow();
        assertTrue(e.rules().containsAll(List.of("cls-svf1", "cls-int1-2")), e.rules().toString());
        // And back: a Chair is a Person (cls-int2 or the subclass axioms the schema stage derives from it).
        assertTrue(c.inferred().contains(Triple.create(ex("q"), TYPE, ex("Person"))));
    }

    @Test
    void unionAndAllValuesFrom() {
        String onto = """
                :Party owl:unionOf ( :State :Government ) .
                :Treaty rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :hasParty ; owl:allValuesFrom :Party ] .
                """;
        Closure c = closure(onto, ":gna a :Government . :kars a :Treaty ; :hasParty :armenianSsr .");
        assertTrue(c.explain(Triple.create(ex("gna"), TYPE, ex("Party"))).orElseThrow().rules().stream().anyMatch(r -> r.equals("cls-uni") || r.equals("cax-sco")));
        assertTrue(c.explain(Triple.create(ex("armenianSsr"), TYPE, ex("Party"))).orElseThrow().rules().contains("cls-avf"));
    }

    @Test
    void assertedTriplesAreLeavesAndNothingElseHolds() {
        Closure c = closure(":A rdfs:subClassOf :B .", ":x a :A .");
        Explanation asserted = c.explain(Triple.create(ex("x"), TYPE, ex("A"))).orElseThrow();
        assertEquals(Explanation.Source.DATA, asserted.source());
        assertEquals(Explanation.Source.ONTOLOGY, c.explain(triple("A", RDFS.subClassOf.asNode(), "B")).orElseThrow().source());
        assertTrue(c.explain(Triple.create(ex("x"), TYPE, ex("C"))).isEmpty());
        assertFalse(c.inferred().contains(Triple.create(ex("x"), TYPE, ex("A"))), "asserted triples are not repeated in the inferred graph");
    }

    @Test
    void exactMatchIsNotIdentity() {
        Closure c = closure(":Treaty rdfs:subClassOf :Agreement .",
                "@prefix skos: <http://www.w3.org/2004/02/skos/core#> . :kars a :Treaty ; skos:exactMatch <http://www.wikidata.org/entity/Q1> .");
        assertTrue(c.inferred().contains(Triple.create(ex("kars"), TYPE, ex("Agreement"))));
        assertFalse(c.inferred().find(Node.ANY, Node.ANY, Node.ANY).filterKeep(t -> t.getSubject().isURI()
                && t.getSubject().getURI().startsWith("http://www.wikidata.org/")).hasNext(), "nothing is copied to the Wikidata item");
    }
}

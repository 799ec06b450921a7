package org.treatygraph.reason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.cli.Main;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.Project;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Location;
import org.treatygraph.core.Problem;
import org.treatygraph.core.Progress;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.TG;

import static org.junit.jupiter.api.Assertions.*;
import static org.treatygraph.reason.Turtle.*;

/** Each kind of inconsistency the profile detects: reported with its rule, entities and derivation. */
class InconsistencyTest {
    @TempDir Path dir;

    private static Inconsistency only(Closure c) {
        assertEquals(1, c.inconsistencies().size(), () -> "expected one inconsistency, got " + c.inconsistencies());
        return c.inconsistencies().get(0);
    }

    @Test
    void individualInTwoDisjointClasses() {
        Inconsistency i = only(closure(":Person owl:disjointWith :Polity . :State rdfs:subClassOf :Polity .", ":georgia a :State , :Person ."));
        assertEquals("cax-dw", i.rule());
        assertEquals(ex("georgia"), i.subject());
        assertTrue(i.involved().containsAll(List.of(ex("Person"), ex("Polity"))), i.involved().toString());
        // The derivation shows the disjointness axiom and how georgia came to be a Polity.
        String why = i.derivation().render(org.apache.jena.shared.PrefixMapping.Factory.create().setNsPrefix("", "http://example.org/")
                .setNsPrefix("owl", "http://www.w3.org/2002/07/owl#").setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
                .setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"), null, t -> null);
        assertTrue(why.contains(":Person owl:disjointWith :Polity   [ontology axiom]"), why);
        assertTrue(why.contains(":georgia rdf:type :Polity   [inferred by rule cax-sco]"), why);
        assertTrue(why.contains(":georgia rdf:type :State   [asserted]"), why);
    }

    @Test
    void allDisjointClasses() {
        Inconsistency i = only(closure("[] a owl:AllDisjointClasses ; owl:members ( :Person :Territory :Polity ) .", ":kars a :Territory , :Polity ."));
        assertEquals("cax-adc", i.rule());
    }

    @Test
    void sameLosingAndGainingParty() {
        Inconsistency i = only(closure(":fromPolity owl:propertyDisjointWith :toPolity .", ":c :fromPolity :persia ; :toPolity :persia ."));
        assertEquals("prp-pdw", i.rule());
        assertEquals(ex("c"), i.subject());
        assertTrue(i.involved().contains(ex("persia")));
        assertEquals(2, i.derivation().premises().size());
    }

    @Test
    void dateRangeThatEndsBeforeItStarts() {
        Inconsistency i = only(closure("", ":d tg:earliest \"1921-03-01\"^^xsd:date ; tg:latest \"1921-02-01\"^^xsd:date ."));
        assertEquals("tg-date-order", i.rule());
        assertEquals(ex("d"), i.subject());
    }

    @Test
    void irreflexiveAsymmetricComplementNothingAndMaxCardinalityZero() {
        String onto = """
                :predecessor a owl:IrreflexiveProperty .
                :annuls a owl:AsymmetricProperty .
                :Stateless owl:complementOf :State .
                :Void rdfs:subClassOf owl:Nothing .
                :Unsigned owl:equivalentClass [ a owl:Restriction ; owl:onProperty :hasSignatory ; owl:maxCardinality "0"^^xsd:nonNegativeInteger ] .
                """;
        String data = """
                :rsfsr :predecessor :rsfsr .
                :a :annuls :b . :b :annuls :a .
                :x a :Stateless , :State .
                :y a :Void .
                :z a :Unsigned ; :hasSignatory :someone .
                """;
        List<String> rules = closure(onto, data).inconsistencies().stream().map(Inconsistency::rule).distinct().sorted().toList();
        assertEquals(List.of("cls-com", "cls-maxc1", "cls-nothing2", "prp-asyp", "prp-irp"), rules);
    }

    @Test
    void consistentDataHasNone() {
        assertEquals(0, closure(":Person owl:disjointWith :Polity .", ":georgia a :Polity . :jordania a :Person .").inconsistencies().size());
    }

    // --- the treaty graph's own build ----------------------------------------------------------

    private static final int APPENDED = (int) TestProjects.VALID.lines().count() + 1;

    private static final String SAME_PARTY_CESSION = TestProjects.VALID + """
            - id: change/batumi-to-itself
              type: Cession
              editorial: A cession to the losing party, asserted by the editors so that only the reasoner can object.
              territory: territory/batumi
              fromPolity: polity/persia
              toPolity: polity/persia
            """;

    /** The audit's case: an instrument at once never ratified and renounced (a denunciation presupposes it took effect). */
    private static final String NEVER_RATIFIED_YET_RENOUNCED = TestProjects.VALID + """
            - about: agreement/soviet-persian-treaty-1921
              ratificationFailure:
                - editorial: The editors say it was never ratified.
              renunciation:
                - renouncedBy: polity/persia
                  editorial: The editors say Persia denounced it.
            """;

    @Test
    void anInstrumentNeverRatifiedYetRenouncedIsRefusedWithWhereEachEventWasWritten() throws IOException {
        Project p = TestProjects.scratch(dir, NEVER_RATIFIED_YET_RENOUNCED);
        InputException e = assertThrows(InputException.class, () -> new GraphBuilder(p, Progress.SILENT).build());
        assertEquals(1, e.problems().size(), e.problems().toString());
        Problem only = e.problems().get(0);
        String m = only.message();
        assertTrue(m.startsWith("inconsistent: cax-dw: an individual is in two disjoint classes: id:agreement/soviet-persian-treaty-1921"), m);
        assertTrue(m.contains("tg:NeverRatifiedInstrument owl:disjointWith tg:RenouncedInstrument   [ontology axiom]"), m);
        assertTrue(m.contains("tg:ratificationFailure id:agreement/soviet-persian-treaty-1921/ratification-failure-1   [asserted, data/records/test.yaml:" + (APPENDED + 2)), m);
        assertTrue(m.contains("tg:renunciation id:agreement/soviet-persian-treaty-1921/renunciation-1   [asserted, data/records/test.yaml:" + (APPENDED + 4)), m);
        // The same instrument with a rejection instead of a renunciation is consistent, and has both statuses.
        TreatyGraph g = new GraphBuilder(TestProjects.scratch(dir.resolve("consistent"), NEVER_RATIFIED_YET_RENOUNCED
                .replace("  renunciation:\n    - renouncedBy: polity/persia\n", "  rejection:\n    - byParty: polity/persia\n")), Progress.SILENT).build();
        Node treaty = IriScheme.iri("agreement/soviet-persian-treaty-1921");
        for (Node status : List.of(TG.Signed, TG.NeverRatified, TG.Rejected))
            assertTrue(g.inferred().contains(treaty, TG.status, status), status.toString());
        assertFalse(g.inferred().contains(treaty, TG.status, TG.Renounced));
    }

    @Test
    void buildFailsOnACessionToTheLosingPartyNamingRecordAxiomAndFacts() throws IOException {
        Project p = TestProjects.scratch(dir, SAME_PARTY_CESSION);
        InputException e = assertThrows(InputException.class, () -> new GraphBuilder(p, Progress.SILENT).build());
        Problem only = e.problems().get(0);
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertEquals(new Location("data/records/test.yaml", APPENDED, 7), only.location());
        String m = only.message();
        assertTrue(m.startsWith("inconsistent: prp-pdw: two disjoint properties relate the same pair: id:change/batumi-to-itself"), m);
        assertTrue(m.contains("tg:fromPolity owl:propertyDisjointWith tg:toPolity   [ontology axiom]"), m);
        assertTrue(m.contains("id:change/batumi-to-itself tg:toPolity id:polity/persia   [asserted, data/records/test.yaml:" + (APPENDED + 5)), m);
    }

    @Test
    void buildFailsOnAPolityThatIsAlsoAPerson() throws IOException {
        Project p = TestProjects.scratch(dir, TestProjects.VALID.replace("""
                - id: polity/persia
                  type: State""", """
                - id: polity/persia
                  type: [State, Person]"""));
        InputException e = assertThrows(InputException.class, () -> new GraphBuilder(p, Progress.SILENT).build());
        String m = e.problems().get(0).message();
        assertTrue(m.startsWith("inconsistent: cax-dw: an individual is in two disjoint classes: id:polity/persia"), m);
        assertTrue(m.contains("tg:CollectiveActor owl:disjointWith tg:Person   [ontology axiom]"), m);
    }

    @Test
    void allowedInconsistenciesAreWarningsAndTheDumpsAreWritten() throws IOException {
        // An axiom only the reasoner checks (no SHACL shape repeats it), and a record that breaks it.
        Project p = TestProjects.scratch(dir, TestProjects.VALID.replace("type: FriendshipTreaty",
                "type: [FriendshipTreaty, {value: PeaceTreaty, editorial: \"The editors call it a peace treaty too.\"}]"));
        Files.writeString(p.ontologyFile(), "\ntg:FriendshipTreaty owl:disjointWith tg:PeaceTreaty .\n", java.nio.file.StandardOpenOption.APPEND);
        Path out = dir.resolve("out");
        assertEquals(1, Main.run("build", "-q", "--project", p.root().toString(), "--out", out.toString()));
        assertFalse(Files.exists(out), "nothing is written when the build fails");

        GraphBuilder b = new GraphBuilder(p, Progress.SILENT).allowInconsistencies(true);
        b.build();
        var report = b.report();
        assertTrue(report.conforms());
        assertEquals(1, report.warnings().size(), report.toString());
        Problem allowed = report.warnings().get(0);
        assertEquals(Problem.Severity.ALLOWED, allowed.severity());
        assertEquals("agreement/soviet-persian-treaty-1921", allowed.focus());
        assertEquals("data/records/test.yaml", allowed.location().file());
        assertTrue(allowed.toString().contains("warning (allowed): inconsistent: cax-dw: an individual is in two disjoint classes: id:agreement/soviet-persian-treaty-1921"),
                allowed.toString());
        assertEquals(0, Main.run("build", "-q", "--allow-inconsistencies", "--project", p.root().toString(), "--out", out.toString()));
        assertTrue(Files.size(out.resolve("treaty-graph-inferred.nt.gz")) > 0);
    }

    @Test
    void theTreatyGraphIsConsistent() {
        assertEquals(List.of(), TestProjects.repoGraph().closure().inconsistencies());
        Node kars = IriScheme.iri("agreement/treaty-of-kars-1921");
        assertTrue(TestProjects.repoGraph().inferred().contains(kars, org.apache.jena.vocabulary.RDF.type.asNode(), TG.Instrument));
    }
}

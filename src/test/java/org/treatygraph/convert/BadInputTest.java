package org.treatygraph.convert;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.ontology.TG;

/** Every kind of bad input gets a message that says where (file:line:column) and what. */
class BadInputTest {
    @TempDir Path dir;

    private List<Problem> problems(String records) throws IOException {
        Project p = TestProjects.scratch(dir, records);
        InputException e = assertThrows(InputException.class, () -> new GraphBuilder(p, Progress.SILENT).build());
        return e.problems();
    }

    /** The line a record appended after VALID starts on. */
    private static final int APPENDED = (int) TestProjects.VALID.lines().count() + 1;

    /** The 1-based line of VALID that contains {@code text}. */
    private static int lineOf(String text) {
        List<String> lines = TestProjects.VALID.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " is not in VALID");
    }

    private static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        return problems.get(0);
    }

    @Test
    void validInputBuilds() throws IOException {
        Project p = TestProjects.scratch(dir, TestProjects.VALID);
        GraphBuilder builder = new GraphBuilder(p, Progress.SILENT);
        TreatyGraph g = builder.build();
        Node treaty = TG.entity("agreement/soviet-persian-treaty-1921");
        Node date = TG.entity("agreement/soviet-persian-treaty-1921/signing-1/date-1");
        // What the records say, as triples: the type, both parties, the signing and its date at day precision.
        assertTrue(g.asserted().contains(treaty, RDF.type.asNode(), TG.term("FriendshipTreaty")));
        assertTrue(g.asserted().contains(treaty, TG.term("hasParty"), TG.entity("polity/rsfsr")));
        assertTrue(g.asserted().contains(treaty, TG.term("hasParty"), TG.entity("polity/persia")));
        assertTrue(g.asserted().contains(date, TG.earliest, NodeFactory.createLiteralDT("1921-02-26", XSDDatatype.XSDdate)));
        // What the reasoner adds: the signing date and the status from the signing, the superclass.
        assertTrue(g.inferred().contains(treaty, TG.term("signingDate"), date));
        assertTrue(g.inferred().contains(treaty, TG.term("status"), TG.term("Signed")));
        assertTrue(g.inferred().contains(treaty, RDF.type.asNode(), TG.term("Treaty")));
        // Every asserted fact has its statement, with its basis, in the provenance graph; nothing to warn about.
        for (Triple t : g.asserted().find().toList()) assertTrue(g.provenance().contains(TreatyGraph.statementOf(t), TG.basis, Node.ANY), t::toString);
        assertEquals(List.of(), builder.warnings());
    }

    @Test
    void malformedYamlSaysFileLineAndColumn() throws IOException {
        Problem p = only(problems(TestProjects.VALID + "- id: polity/x\n  type: [State\n  label: X\n"));
        assertEquals("data/records/test.yaml", p.location().file());
        assertEquals(APPENDED + 2, p.location().line(), p.toString());
        assertTrue(p.message().startsWith("malformed YAML"), p.message());
    }

    @Test
    void duplicateYamlKeyIsReported() throws IOException {
        Problem p = only(problems(TestProjects.VALID.replace("  label: Persia\n", "  label: Persia\n  label: Iran\n")));
        assertEquals(lineOf("label: Persia") + 1, p.location().line(), p.toString());
        assertTrue(p.message().contains("duplicate key 'label'"), p.message());
    }

    @Test
    void unknownKeyNamesTheNearestOntologyTerm() throws IOException {
        Problem p = only(problems(TestProjects.VALID.replace("  hasParty:", "  hasPary:")));
        assertEquals(new Location("data/records/test.yaml", lineOf("hasParty:"), 3), p.location());
        assertTrue(p.message().contains("unknown key 'hasPary'") && p.message().endsWith("nearest: hasParty"), p.message());
    }

    @Test
    void unknownClassNamesTheNearestClass() throws IOException {
        Problem p = only(problems(TestProjects.VALID.replace("type: FriendshipTreaty", "type: FriendshipTreatie")));
        assertTrue(p.message().contains("unknown class 'FriendshipTreatie'") && p.message().endsWith("nearest: FriendshipTreaty"), p.message());
    }

    @Test
    void danglingReferenceIsNamed() throws IOException {
        Problem p = only(problems(TestProjects.VALID.replace("[polity/rsfsr, polity/persia]", "[polity/rsfsr, polity/persa]")));
        assertEquals(lineOf("hasParty:"), p.location().line());
        assertTrue(p.message().contains("dangling reference polity/persa") && p.message().endsWith("nearest: polity/persia"), p.message());
    }

    @Test
    void duplicateIdSaysWhereTheFirstIs() throws IOException {
        Problem p = only(problems(TestProjects.VALID + """
            - id: polity/persia
              type: State
              label: Iran
              cite: [{source: "000", quote: "the Russian Soviet Federative Socialist Republic and Persia"}]
            """));
        assertEquals(APPENDED, p.location().line());
        assertTrue(p.message().contains("duplicate id polity/persia (already defined at data/records/test.yaml:5:"), p.message());
    }

    @Test
    void wrongDatatypeSaysExpectedAndFound() throws IOException {
        Problem p = only(problems(TestProjects.VALID.replace("dateValue: \"1921-02-26\"", "dateValue: \"26.02.1921\"")));
        assertEquals(lineOf("dateValue:"), p.location().line());
        assertEquals("wrong datatype for 'dateValue': expected xsd:date, xsd:gYearMonth or xsd:gYear, found '26.02.1921'", p.message());
    }

    @Test
    void referenceOfTheWrongClassIsRejected() throws IOException {
        Problem p = only(problems(TestProjects.VALID.replace("[polity/rsfsr, polity/persia]", "[polity/rsfsr, territory/batumi]")));
        assertTrue(p.message().contains("'hasParty' expects a tg:CollectiveActor, but territory/batumi is a tg:Settlement"), p.message());
    }

    @Test
    void unknownIndividualNamesTheNearest() throws IOException {
        Problem p = only(problems(TestProjects.VALID + "      calendar: GregorianCalender\n"));
        assertTrue(p.message().contains("'GregorianCalender' is neither an id") && p.message().endsWith("nearest: GregorianCalendar"), p.message());
    }

    @Test
    void idKindMustFitTheType() throws IOException {
        Problem p = only(problems(TestProjects.VALID.replace("id: polity/persia", "id: person/persia")
                .replace("polity/persia]", "person/persia]")));
        assertTrue(p.message().contains("an id of kind 'person' must be a tg:Person"), p.message());
    }

    @Test
    void quoteNotInItsSourceShowsTheClosestPassage() throws IOException {
        Problem p = only(problems(TestProjects.VALID.replace("Turkey abandoned its claim to Batumi", "Turkey gave up its claim to Batumi")));
        assertEquals(lineOf("Turkey abandoned"), p.location().line());
        assertTrue(p.message().contains("quote not found in source 000: \"Turkey gave up its claim to Batumi\""), p.message());
        assertTrue(p.message().contains("the closest passage is at 000_d65a8bda9b5a5c10.txt:2:"), p.message());
        assertTrue(p.message().contains("Turkey abandoned its claim to Batumi"), p.message());
    }

    @Test
    void factWithoutCitationIsRejected() throws IOException {
        List<Problem> ps = problems(TestProjects.VALID + """
            - id: territory/kars
              type: Settlement
              label: Kars
            """);
        assertEquals(2, ps.size(), ps.toString());
        assertEquals(APPENDED + 1, ps.get(0).location().line());
        assertTrue(ps.stream().allMatch(p -> p.message().contains("states a fact with no citation")), ps.toString());
    }

    @Test
    void shaclViolationNamesFocusNodePathAndMessage() throws IOException {
        Problem p = only(problems(TestProjects.VALID + """
            - id: change/batumi-nowhere
              type: Cession
              editorial: A cession with no territory, asserted by the editors so that only the shapes can object.
              fromPolity: polity/persia
              toPolity: polity/rsfsr
            """));
        assertEquals(new Location("data/records/test.yaml", APPENDED, 7), p.location());
        assertTrue(p.message().startsWith("SHACL: focus node change/batumi-nowhere, path <https://w3id.org/treaty-graph/ontology#territory>"), p.message());
        assertTrue(p.message().contains("concerns exactly one territory"), p.message());
    }

    @Test
    void dateThatEndsBeforeItStartsIsRejected() throws IOException {
        List<Problem> ps = problems(TestProjects.VALID.replace("dateValue: \"1921-02-26\"", "earliest: \"1921-03-01\"\n      latest: \"1921-02-01\""));
        // The reasoner's consistency rule finds it first, and names both bounds and where they were written.
        Problem p = only(ps);
        assertTrue(p.message().startsWith("inconsistent: tg-date-order: a date range ends before it starts: id:agreement/soviet-persian-treaty-1921/signing-1/date-1"), p.message());
        assertTrue(p.message().contains("tg:latest \"1921-02-01\"^^<http://www.w3.org/2001/XMLSchema#date>   [asserted, data/records/test.yaml:"), p.message());
    }

    @Test
    void dateWordsMustBeInTheCitedPassage() throws IOException {
        Problem p = only(problems(TestProjects.VALID.replace("dateText: \"26 February 1921\"", "dateText: \"26 Feb. 1921\"")));
        assertTrue(p.message().startsWith("dateText \"26 Feb. 1921\" is not in the passage cited"), p.message());
    }

    @Test
    void changedSourceTextFailsItsChecksum() throws IOException {
        Project p = TestProjects.scratch(dir, TestProjects.VALID);
        Path src = dir.resolve("data/sources/000_d65a8bda9b5a5c10.txt");
        Files.writeString(src, Files.readString(src, StandardCharsets.UTF_8).replace("Batumi", "Batum"), StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> new GraphBuilder(p, Progress.SILENT).build());
        Problem problem = only(e.problems());
        assertEquals("data/sources.yaml", problem.location().file());
        assertTrue(problem.message().startsWith("source 000_d65a8bda9b5a5c10.txt has changed: sha256 is "), problem.message());
    }
}

package org.treatygraph.convert;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Problem;
import org.treatygraph.core.Progress;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.PROV;
import org.treatygraph.ontology.TG;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each fact cites only the passages that state it, rests on one of three bases (stated, reading,
 * editorial), and a fact whose passage does not state it is a located error.
 */
class EvidenceTest {
    @TempDir Path dir;

    /** VALID with a figure reported by a named memoirist, and values that carry their own evidence. */
    private static final String RECORDS = TestProjects.VALID + """
        - id: person/ali-fuat-cebesoy
          type: Person
          label: Ali Fuat Cebesoy
          cite: [{source: "001", quote: "According to an interview with Gen. Ali Fuat Gebesoy in 1958"}]
        - id: agreement/aid-to-ankara
          type: {value: Agreement, editorial: "The editors read the aid as agreed between the governments."}
          label: {value: "Soviet aid to Ankara", editorial: "A descriptive title given by the editors."}
          figure:
            - quantity: 10000000
              unit: rubles
              accordingTo: person/ali-fuat-cebesoy
              cite: [{source: "001", quote: "According to an interview with Gen. Ali Fuat Gebesoy in 1958, aid for the Turks was as follows: ten million golden rubles"}]
        - about: polity/persia
          altLabel:
            - value: Persia
              cite: [{source: "000", quote: "SOVIET–PERSIAN TREATY OF FRIENDSHIP (26 February 1921)"}]
              reading: The title's "PERSIAN" names Persia, in capitals.
        """;

    private int projects;

    /** A fresh project for each build: a test may build several variants. */
    private Project project(String records) throws IOException {
        return TestProjects.scratch(dir.resolve("p" + ++projects), records);
    }

    private TreatyGraph build(String records) throws IOException {
        return new GraphBuilder(project(records), Progress.SILENT).build();
    }

    private List<Problem> problems(String records) throws IOException {
        Project p = project(records);
        return assertThrows(InputException.class, () -> new GraphBuilder(p, Progress.SILENT).build()).problems();
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(needle)) return i + 1;
        throw new AssertionError(needle + " is not in the records");
    }

    @Test
    void aBrokenQuoteForALabelADateAFigureAndARelationGivesFourLocatedErrors() throws IOException {
        String broken = RECORDS
                .replace("  label: Persia\n", "  label: {value: Persia, cite: [{source: \"000\", quote: \"Turkey abandoned its claim to Batumi\"}]}\n")
                .replace("      dateText: \"26 February 1921\"\n", "      dateText: \"26 February 1921\"\n      cite: [{source: \"000\", quote: \"Turkey abandoned its claim to Batumi\"}]\n")
                .replace("quantity: 10000000", "quantity: 1000000")
                .replace("hasParty: [polity/rsfsr, polity/persia]", "hasParty: [polity/rsfsr, {ref: polity/persia, cite: [{source: \"000\", quote: \"Turkey abandoned its claim to Batumi\"}]}]");
        List<Problem> ps = problems(broken);
        assertEquals(4, ps.size(), ps::toString);
        Set<Integer> lines = ps.stream().map(p -> p.location().line()).collect(Collectors.toSet());
        assertEquals(Set.of(lineOf(broken, "label: {value: Persia"), lineOf(broken, "dateText: \"26 February 1921\""),
                lineOf(broken, "quantity: 1000000"), lineOf(broken, "hasParty:")), lines, ps::toString);
        assertTrue(ps.stream().allMatch(p -> p.location().file().equals("data/records/test.yaml") && p.location().column() > 1), ps::toString);
        String all = ps.stream().map(Problem::message).collect(Collectors.joining("\n"));
        assertTrue(all.contains("'label' \"Persia\" is not stated by the passage cited for it (looked for its words); 000:2 \"Turkey abandoned its claim to Batumi\""), all);
        assertTrue(all.contains("dateText \"26 February 1921\" is not in the passage cited for the date"), all);
        assertTrue(all.contains("'quantity' \"1000000\" is not stated by the passage cited for it (looked for the number in digits, Roman numerals or words); 001:381 \"According to an interview"), all);
        assertTrue(all.contains("'hasParty' polity/persia is not stated by the passage cited for it (looked for a name of polity/persia: \"persia\")"), all);
    }

    @Test
    void eachFactKeepsOnlyThePassagesThatStateIt() throws IOException {
        TreatyGraph g = build(RECORDS);
        Node treaty = IriScheme.iri("agreement/soviet-persian-treaty-1921");
        // The label is stated by the title passage only; the second passage of the record does not name it.
        Set<Integer> labelLines = citedLines(g, Triple.create(treaty, RDFS.label.asNode(), NodeFactory.createLiteralLang("Soviet–Persian Treaty of Friendship", "en")));
        assertEquals(Set.of(4), labelLines);
        // The party is named by the second passage only.
        assertEquals(Set.of(5), citedLines(g, Triple.create(treaty, TG.hasParty, IriScheme.iri("polity/rsfsr"))));
        assertEquals(TG.Stated, basis(g, Triple.create(treaty, TG.hasParty, IriScheme.iri("polity/rsfsr"))));
    }

    @Test
    void editorialFactsAreAttributedToTheEditorsAndCiteNothing() throws IOException {
        TreatyGraph g = build(RECORDS);
        Triple label = Triple.create(IriScheme.iri("agreement/aid-to-ankara"), RDFS.label.asNode(), NodeFactory.createLiteralLang("Soviet aid to Ankara", "en"));
        Node st = Provenance.statementIri(label);
        assertEquals(TG.Editorial, basis(g, label));
        assertTrue(g.provenance().contains(st, PROV.wasAttributedTo, TG.editors));
        assertTrue(g.provenance().contains(st, TG.editorialReason, NodeFactory.createLiteralString("A descriptive title given by the editors.")));
        assertFalse(g.provenance().contains(st, TG.citation, Node.ANY));
    }

    @Test
    void aReadingKeepsItsPassageAndTheEditorsReason() throws IOException {
        TreatyGraph g = build(RECORDS.replace("value: Persia\n", "value: Persian state\n"));
        Triple alt = Triple.create(IriScheme.iri("polity/persia"), NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#altLabel"), NodeFactory.createLiteralLang("Persian state", "en"));
        assertEquals(TG.Reading, basis(g, alt));
        assertEquals(Set.of(4), citedLines(g, alt));
        assertTrue(g.provenance().contains(Provenance.statementIri(alt), TG.reading, NodeFactory.createLiteralString("The title's \"PERSIAN\" names Persia, in capitals.")));
    }

    @Test
    void aReportedFigureNamesWhoseCountItIs() throws IOException {
        TreatyGraph g = build(RECORDS);
        Node figure = IriScheme.iri("agreement/aid-to-ankara/figure-1");
        Triple quantity = Triple.create(figure, TG.quantity, NodeFactory.createLiteralDT("10000000", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal));
        assertTrue(g.asserted().contains(quantity), "the figure's quantity is asserted");
        Node st = Provenance.statementIri(quantity);
        assertTrue(g.provenance().contains(st, TG.accordingTo, IriScheme.iri("person/ali-fuat-cebesoy")));
        assertEquals(Set.of(381), citedLines(g, quantity));
        // "Gebesoy" is the OCR's spelling of Cebesoy (data/name-variants.yaml); a passage naming no one is refused.
        List<Problem> ps = problems(RECORDS.replace("quote: \"According to an interview with Gen. Ali Fuat Gebesoy in 1958, aid for the Turks was as follows: ten million golden rubles\"",
                "quote: \"aid for the Turks was as follows: ten million golden rubles\""));
        assertEquals(1, ps.size(), ps::toString);
        assertTrue(ps.get(0).message().contains("is given as the claim of person/ali-fuat-cebesoy, but no passage cited for it names person/ali-fuat-cebesoy"), ps::toString);
    }

    @Test
    void everyCitationSaysWhereInTheSourceItSits() throws IOException {
        TreatyGraph g = build(RECORDS);
        List<Triple> citations = g.provenance().find(Node.ANY, RDF.type.asNode(), TG.Citation).toList();
        assertFalse(citations.isEmpty());
        for (Triple c : citations)
            assertEquals(TG.RunningText, g.provenance().find(c.getSubject(), TG.passagePlace, Node.ANY).next().getObject(), c.getSubject()::toString);
    }

    @Test
    void aFootnoteMustSayWhetherItQuotesProseOrATitle() throws IOException {
        // 001 line 381's footnote 99 is a literature title; quoting it without 'in:' is refused at the quote.
        String records = RECORDS.replace("cite: [{source: \"001\", quote: \"According to an interview with Gen. Ali Fuat Gebesoy in 1958\"}]",
                "cite: [{source: \"001\", quote: \"According to an interview with Gen. Ali Fuat Gebesoy in 1958\"}, {source: \"001\", quote: \"Cebesoy, *Moskova Hatıraları*, 108, 118-119.\"}]");
        List<Problem> ps = problems(records);
        assertEquals(1, ps.size(), ps::toString);
        assertEquals(lineOf(records, "Moskova"), ps.get(0).location().line());
        assertTrue(ps.get(0).message().contains("footnote"), ps::toString);
        TreatyGraph g = build(records.replace("108, 118-119.\"}", "108, 118-119.\", in: title}"));
        Triple label = Triple.create(IriScheme.iri("person/ali-fuat-cebesoy"), RDF.type.asNode(), TG.Person);
        assertEquals(TG.Stated, basis(g, label));
    }

    @Test
    void aDayAndMonthTakeTheirYearFromTheRunningTextBeforeThem() throws IOException {
        // 001 line 319 gives "on 16 February" in a paragraph whose last year named is 1921.
        String date = """
            - id: negotiation/crossing-test
              type: {value: Negotiation, editorial: "A test record: the crossing is not a negotiation."}
              label: {value: "Crossing", editorial: "A test title."}
              cite: [{source: "001", quote: "The Eleventh Army crossed the Georgian border on 16 February"}]
              date:
                dateText: "16 February"
                dateValue: "%s"
            """;
        TreatyGraph g = build(TestProjects.VALID + date.formatted("1921-02-16"));
        assertTrue(g.asserted().contains(IriScheme.iri("negotiation/crossing-test/date-1"), TG.dateValue, Node.ANY));
        List<Problem> ps = problems(TestProjects.VALID + date.formatted("1920-02-16"));
        assertEquals(1, ps.size(), ps::toString);
        assertTrue(ps.get(0).message().startsWith("'dateValue' \"1920-02-16\" is not stated"), ps::toString);
    }

    private static Node basis(TreatyGraph g, Triple t) {
        List<Triple> b = g.provenance().find(Provenance.statementIri(t), TG.basis, Node.ANY).toList();
        assertEquals(1, b.size(), () -> "one basis for " + t);
        return b.get(0).getObject();
    }

    private static Set<Integer> citedLines(TreatyGraph g, Triple t) {
        Graph prov = g.provenance();
        return prov.find(Provenance.statementIri(t), TG.citation, Node.ANY).toList().stream()
                .map(c -> Integer.parseInt(prov.find(c.getObject(), TG.lineNumber, Node.ANY).next().getObject().getLiteralLexicalForm()))
                .collect(Collectors.toSet());
    }
}

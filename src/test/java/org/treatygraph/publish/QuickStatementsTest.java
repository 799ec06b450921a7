package org.treatygraph.publish;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.Project;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Progress;

/**
 * The QuickStatements proposals over the repository's records, with the repository's checked links and a few
 * more (test QIDs Q9000xx) for treaties and a negotiation no stored page links yet: a treaty's parties,
 * signatories, mediator, place and date with their precision and references; a person's negotiation; the
 * contested date of the Treaty of Kars skipped; the batch read back as QuickStatements v1.
 */
class QuickStatementsTest {
    @TempDir static Path dir;
    static QuickStatements qs;
    static final LocalDate RETRIEVED = LocalDate.of(2026, 12, 3);
    static final String EXTRA_LINKS = """
          - {entity: agreement/treaty-of-kars-1921, qid: Q900001, how: accepted-candidate, acceptedBy: a test, score: 99, checked: 2026-12-03}
          - {entity: agreement/soviet-persian-treaty-1921, qid: Q900002, how: accepted-candidate, acceptedBy: a test, score: 99, checked: 2026-12-03}
          - {entity: person/chicherin, qid: Q900003, how: accepted-candidate, acceptedBy: a test, score: 99, checked: 2026-12-03}
          - {entity: negotiation/anglo-soviet-trade-negotiations-1920, qid: Q900004, how: accepted-candidate, acceptedBy: a test, score: 99, checked: 2026-12-03}
          - {entity: agreement/treaty-of-moscow-1921, qid: Q900005, how: accepted-candidate, acceptedBy: a test, score: 99, checked: 2026-12-03}
        """;

    @BeforeAll
    static void build() throws Exception {
        Project repo = TestProjects.repo();
        Project p = TestProjects.scratch(dir, "[]\n");
        Files.delete(p.recordsDir().resolve("test.yaml"));
        try (Stream<Path> s = Files.list(repo.recordsDir())) {
            for (Path f : s.toList()) Files.copy(f, p.recordsDir().resolve(f.getFileName()));
        }
        if (Files.exists(repo.placesFile())) Files.copy(repo.placesFile(), p.placesFile());
        Files.createDirectories(p.wikidataLinksFile().getParent());
        String links = Files.readString(repo.wikidataLinksFile(), StandardCharsets.UTF_8);
        Files.writeString(p.wikidataLinksFile(), links.stripTrailing() + "\n" + EXTRA_LINKS, StandardCharsets.UTF_8);
        TreatyGraph graph = new GraphBuilder(p, Progress.SILENT).build();
        // links.yaml links records' entities, not sources: source 001's item is given as a checked link would give it.
        graph.asserted().add(org.apache.jena.graph.Triple.create(org.treatygraph.ontology.IriScheme.iri("source/tsvetkova-turkish-national-movement-and-soviet-russia"),
                org.treatygraph.ontology.TG.wikidataId, org.apache.jena.graph.NodeFactory.createLiteralString("Q900006")));
        WikidataProperties properties = WikidataProperties.load(repo.root().resolve("data/wikidata/properties.yaml"));
        qs = new QuickStatements(graph.queryDataset(), properties, "https://w3id.org/treaty-graph/", RETRIEVED, Map.of());
    }

    private static List<String> lines(String prefix) {
        return qs.lines().stream().filter(l -> l.startsWith(prefix)).toList();
    }

    static final String REFS = "(\tS248\tQ900006)?\tS854\t\"https://w3id\\.org/treaty-graph/sources/00[0-2]_[0-9a-f]+\\.txt\\?start=\\d+&end=\\d+\"\tS1683\ten:\"[^\"\t]+\"\tS813\t\\+2026-12-03T00:00:00Z/11";

    @Test
    void aTreatysSignatoriesDateAndPlaceAreProposedWithTheirReferences() {
        // The Soviet–Persian treaty: its two linked parties (RSFSR Q2184, Qajar Iran Q63158027), Chicherin who signed it, and its day.
        assertTrue(lines("Q900002\tP1891\tQ2184\t").stream().allMatch(l -> l.matches("Q900002\tP1891\tQ2184" + REFS)), qs.lines().toString());
        assertFalse(lines("Q900002\tP1891\tQ2184\t").isEmpty());
        assertFalse(lines("Q900002\tP1891\tQ63158027\t").isEmpty());
        List<String> chicherin = lines("Q900002\tP1891\tQ900003\t");
        assertFalse(chicherin.isEmpty(), "a person who signed is a signatory");
        List<String> day = lines("Q900002\tP585\t");
        assertFalse(day.isEmpty());
        assertTrue(day.stream().allMatch(l -> l.matches("Q900002\tP585\t\\+1921-02-26T00:00:00Z/11" + REFS)), day.toString());
        // The Treaty of Moscow: a month (002) and the day (000, 001) agree: the day is proposed, cited by the passages that give it.
        List<String> moscow = lines("Q900005\tP585\t");
        assertEquals(2, moscow.size(), moscow.toString());
        assertTrue(moscow.stream().allMatch(l -> l.startsWith("Q900005\tP585\t+1921-03-16T00:00:00Z/11\t")), moscow.toString());
        assertTrue(moscow.stream().noneMatch(l -> l.contains("sources/002_")), "the month's source does not state the day");
        // Its place of signing, Moscow (linked), as location.
        assertFalse(lines("Q900005\tP276\tQ649\t").isEmpty(), qs.lines().stream().filter(l -> l.startsWith("Q900005")).toList().toString());
        // Source 001 has an item here: its passages are "stated in" it; 000's are not.
        assertTrue(moscow.stream().filter(l -> l.contains("sources/001_")).allMatch(l -> l.contains("\tS248\tQ900006\tS854\t")), moscow.toString());
        assertTrue(moscow.stream().filter(l -> l.contains("sources/000_")).noneMatch(l -> l.contains("\tS248\t")), moscow.toString());
        // Every proposal is in words with its references.
        QuickStatements.Proposal p = qs.proposals().stream().filter(x -> x.qid().equals("Q900005") && x.property().id().equals("P585")).findFirst().orElseThrow();
        assertEquals("Treaty of Moscow: point in time (P585) 16 March 1921", p.words());
        assertTrue(p.references().stream().allMatch(r -> r.language().equals("en") && !r.quote().isBlank()), p.references().toString());
        assertEquals(List.of("000", "001"), p.references().stream().map(QuickStatements.Reference::source).toList());
    }

    @Test
    void aContestedDateIsSkippedWithItsReasonWhileTheTreatysOtherFactsAreProposed() {
        assertTrue(lines("Q900001\tP585\t").isEmpty(), "the Treaty of Kars's date is contested (13 October 1921 against September 1921)");
        QuickStatements.Skipped s = qs.skipped().stream().filter(x -> x.subject().endsWith("/agreement/treaty-of-kars-1921") && x.fact().startsWith("point in time"))
                .findFirst().orElseThrow();
        assertTrue(s.reason().contains("conflict"), s.toString());
        assertTrue(s.fact().contains("13 October 1921") && s.fact().contains("September 1921"), s.fact());
        // Its linked parties are proposed; the unlinked Grand National Assembly and Kars wait for their links.
        for (String party : List.of("Q130229", "Q132856")) assertFalse(lines("Q900001\tP1891\t" + party + "\t").isEmpty(), party);
        assertFalse(lines("Q900001\tP710\tQ2184\t").isEmpty(), "the mediating RSFSR is a participant");
        assertTrue(qs.skipped().stream().anyMatch(x -> x.subject().endsWith("/agreement/treaty-of-kars-1921") && x.reason().contains("polity/grand-national-assembly")));
        assertTrue(qs.skipped().stream().anyMatch(x -> x.subject().endsWith("/agreement/treaty-of-kars-1921") && x.fact().startsWith("location") && x.reason().contains("territory/kars")));
    }

    @Test
    void aPersonsNegotiationIsProposedOnTheirItem() {
        // Lloyd George (Q134982) negotiated the Anglo-Soviet trade negotiations of 1920 (linked here as Q900004).
        List<String> lg = lines("Q134982\tP1344\tQ900004\t");
        assertFalse(lg.isEmpty(), qs.lines().stream().filter(l -> l.startsWith("Q134982")).toList().toString());
        assertTrue(lg.stream().allMatch(l -> l.matches("Q134982\tP1344\tQ900004" + REFS)), lg.toString());
        assertFalse(lines("Q900004\tP710\tQ134982\t").isEmpty(), "and he is a participant on the negotiation's item");
    }

    @Test
    void aPolitysInceptionKeepsItsOwnProperty() {
        assertFalse(lines("Q132856\tP571\t+1920-12-02T00:00:00Z/11\t").isEmpty(), qs.lines().toString());
        assertTrue(lines("Q132856\tP585\t").isEmpty());
        // The Turkish National Movement (Q6302107): June 1919, a month, goes out at month precision.
        assertFalse(lines("Q6302107\tP571\t+1919-06-00T00:00:00Z/10\t").isEmpty(), qs.lines().toString());
    }

    @Test
    void timesCarryTheirPrecision() {
        assertEquals("+1921-10-13T00:00:00Z/11", QuickStatements.time("1921-10-13"));
        assertEquals("+1921-09-00T00:00:00Z/10", QuickStatements.time("1921-09"));
        assertEquals("+1921-00-00T00:00:00Z/9", QuickStatements.time("1921"));
    }

    // QuickStatements v1: QID, property, value, then source properties and values in pairs, tab-separated.
    private static final Pattern ITEM = Pattern.compile("Q[1-9]\\d*"), PROPERTY = Pattern.compile("P[1-9]\\d*"), SOURCE = Pattern.compile("S[1-9]\\d*");
    private static final Pattern VALUE = Pattern.compile("Q[1-9]\\d*|\\+\\d{4}-\\d{2}-\\d{2}T00:00:00Z/(9|10|11)|\"[^\"\t]*\"|[a-z]{2,3}:\"[^\"\t]*\"");

    @Test
    void theBatchParsesAsQuickStatementsV1() {
        assertFalse(qs.lines().isEmpty());
        for (String line : qs.lines()) {
            String[] f = line.split("\t", -1);
            assertTrue(f.length >= 3 && (f.length - 3) % 2 == 0, line);
            assertTrue(ITEM.matcher(f[0]).matches(), line);
            assertTrue(PROPERTY.matcher(f[1]).matches(), line);
            assertTrue(VALUE.matcher(f[2]).matches(), line);
            if (f[2].matches("\\+.*/9")) assertTrue(f[2].matches("\\+\\d{4}-00-00.*"), line);
            if (f[2].matches("\\+.*/10")) assertTrue(f[2].matches("\\+\\d{4}-\\d{2}-00.*"), line);
            for (int i = 3; i < f.length; i += 2) {
                assertTrue(SOURCE.matcher(f[i]).matches(), line);
                assertTrue(VALUE.matcher(f[i + 1]).matches(), line);
            }
            assertTrue(line.contains("\tS854\t") && line.contains("\tS1683\t") && line.contains("\tS813\t"), line);
        }
    }

    @Test
    void whatTheCachedItemAlreadySaysIsLeftOut(@TempDir Path cache) throws Exception {
        Files.writeString(cache.resolve("0123.json"), """
            {"entities":{"Q900002":{"type":"item","id":"Q900002","claims":{
              "P585":[{"mainsnak":{"snaktype":"value","property":"P585","datavalue":{"value":{"time":"+1921-02-26T00:00:00Z","precision":11},"type":"time"}}}]}}},"success":1}""");
        Map<String, Set<String>> known = QuickStatements.knownClaims(cache);
        assertTrue(known.get("Q900002").contains("P585=+1921-02-26T00:00:00Z"));
    }

    @Test
    void aPropertyFileWithoutItsCheckIsRefusedAtItsLine(@TempDir Path d) throws Exception {
        Path f = d.resolve("properties.yaml");
        Files.writeString(f, """
            properties:
              - role: signatory
                id: P1891
                label: signatory
                checks:
                  - page: "https://example.org/p"
                    excerpt: "something else"
                checked: 2026-12-03
              - role: signatory2
                id: X12
                label: x
                checks: []
                checked: 2026-12-03
            """);
        InputException e = assertThrows(InputException.class, () -> WikidataProperties.load(f));
        String all = e.problems().toString();
        assertTrue(all.contains("data/wikidata/properties.yaml:7:"), all);
        assertTrue(all.contains("shows neither P1891"), all);
        assertTrue(all.contains("unknown role 'signatory2'"), all);
    }

    @Test
    void aFactWhosePropertyWasNotCheckedWaits() throws Exception {
        QuickStatements none = new QuickStatements(TestProjects.repoGraph().queryDataset(), WikidataProperties.none(), "https://w3id.org/treaty-graph/", RETRIEVED, Map.of());
        assertTrue(none.lines().isEmpty());
        assertTrue(none.skipped().stream().anyMatch(s -> s.reason().startsWith("waits for a checked Wikidata property")), none.skipped().toString());
    }
}

package org.treatygraph.history;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.query.Dataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.treatygraph.TestProjects;
import org.treatygraph.cli.Main;
import org.treatygraph.ontology.IriScheme;

import static org.junit.jupiter.api.Assertions.*;

/**
 * CQ13 and CQ14 on the repository's data: who held, was assigned and claimed Kars, Batumi, Alexandropol,
 * Nakhchivan and Zangezur, on a day and over their whole history, at the precision of the sources.
 */
class TerritoryHistoryTest {
    static Dataset ds;

    @BeforeAll
    static void build() {
        ds = TestProjects.repoGraph().queryDataset();
    }

    private static List<TerritoryHistory.Row> on(String territory, String day) {
        return TerritoryHistory.of(ds, IriScheme.ID + territory, day == null ? null : LocalDate.parse(day));
    }

    /** "relation polity certainty" for each row, polities as ids. */
    private static Set<String> rows(List<TerritoryHistory.Row> rows) {
        return rows.stream().map(r -> r.relation() + " " + r.polity().substring(IriScheme.ID.length()) + (r.certainty() == null ? "" : " " + r.certainty()))
                .collect(Collectors.toSet());
    }

    @Test
    void karsOnTheFirstOfJune1921WasHeldAndAssignedByTheTreatyOfMoscowAndNoLongerClaimed() {
        List<TerritoryHistory.Row> r = on("territory/kars", "1921-06-01");
        assertEquals(Set.of("held polity/grand-national-assembly certain", "assigned polity/grand-national-assembly certain"), rows(r));
        TerritoryHistory.Row assigned = r.stream().filter(x -> x.relation().equals("assigned")).findFirst().orElseThrow();
        assertEquals(IriScheme.ID + "agreement/treaty-of-moscow-1921", assigned.start().act());
        // The treaty's date is given to the month by one source and to the day by another: the bound spans March.
        assertEquals(LocalDate.parse("1921-03-01"), assigned.start().earliest());
        assertTrue(r.stream().allMatch(x -> !x.evidence().isEmpty() && x.evidence().stream().anyMatch(e -> e.source() != null)), r::toString);
    }

    @Test
    void karsInOctober1920WasClaimedAndPossiblyAlreadyHeld() {
        // The capture fell some time between the start of the war (end of September) and the truce of 18 November.
        assertEquals(Set.of("claimed polity/grand-national-assembly certain", "held polity/grand-national-assembly possible"),
                rows(on("territory/kars", "1920-10-15")));
    }

    @Test
    void alexandropolInApril1921WasHeldByTheTurksAndAssignedToArmeniaAndInMayOnlyAssigned() {
        assertEquals(Set.of("held polity/grand-national-assembly certain", "assigned polity/armenian-ssr certain"), rows(on("territory/alexandropol", "1921-04-01")));
        assertEquals(Set.of("assigned polity/armenian-ssr certain"), rows(on("territory/alexandropol", "1921-05-01")));
    }

    @Test
    void batumiOnTheEighteenthOfMarch1921IsContestedAndEveryRowSaysItIsOnlyPossible() {
        Set<String> r = rows(on("territory/batumi", "1921-03-18"));
        assertTrue(r.contains("held polity/democratic-republic-of-georgia possible"), r::toString);
        assertTrue(r.contains("held polity/grand-national-assembly possible"), r::toString);
        assertTrue(r.stream().noneMatch(x -> x.startsWith("held") && x.endsWith("certain")), r::toString);
    }

    @Test
    void nakhchivanAndZangezurFollowTheInstrumentsThatAssignedThem() {
        assertTrue(rows(on("territory/zangezur", "1921-01-15")).contains("assigned polity/armenian-ssr certain"));
        Set<String> n = rows(on("territory/nakhchivan", "1921-06-01"));
        assertTrue(n.contains("assigned polity/azerbaijan-ssr certain"), n::toString);
        assertFalse(n.contains("assigned polity/armenian-ssr certain"), "the Treaty of Moscow ended the December 1920 assignment");
    }

    @Test
    void theWholeHistoryOfEachTerritoryHasDatedRowsWithEvidence() {
        for (String t : List.of("territory/kars", "territory/batumi", "territory/alexandropol", "territory/nakhchivan", "territory/zangezur")) {
            List<TerritoryHistory.Row> r = on(t, null);
            assertTrue(r.size() >= 3, t + ": " + r);
            assertTrue(r.stream().allMatch(x -> x.certainty() == null), "no day, no certainty");
            assertTrue(r.stream().anyMatch(x -> x.start().earliest() != null && x.end().latest() != null), t);
            assertTrue(r.stream().flatMap(x -> x.evidence().stream()).anyMatch(e -> e.source() != null && e.line() != null), t);
        }
    }

    private static String[] history(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 3];
        all[0] = "history";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--project";
        all[args.length + 2] = TestProjects.repo().root().toString();
        int exit = cmd.execute(all);
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void theHistoryCommandPrintsADatedTable() {
        String[] r = history("territory/kars");
        assertEquals("0", r[0], r[2]);
        List<String> lines = r[1].lines().toList();
        assertEquals("Kars (territory/kars)", lines.get(0));
        assertTrue(lines.get(1).startsWith("from") && lines.get(1).contains("relation") && lines.get(1).contains("evidence"), lines.get(1));
        assertTrue(r[1].contains("1921-03") && r[1].contains("assigned") && r[1].contains("agreement/treaty-of-moscow-1921"), r[1]);
        assertTrue(r[1].contains("(sources end)") && r[1].contains("001:253"), r[1]);
        String[] onDay = history("territory/kars", "--on", "1921-06-01");
        assertEquals("0", onDay[0], onDay[2]);
        assertTrue(onDay[1].contains("certain") && !onDay[1].contains("claimed"), onDay[1]);
    }

    @Test
    void anUnknownTerritoryOrABadDayIsAClearErrorNotAStackTrace() {
        String[] r = history("territory/karz");
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("territory/karz is not a territory of the graph") && r[2].contains("nearest: territory/kars"), r[2]);
        assertFalse(r[2].contains("Exception"), r[2]);
        String[] d = history("territory/kars", "--on", "1921-13-01");
        assertNotEquals("0", d[0]);
        assertTrue(d[2].contains("--on") && d[2].contains("1921-13-01"), d[2]);
        assertFalse(d[2].contains("\tat "), d[2]);
    }

    @Test
    void theReadmesExampleIsWhatTheCommandPrints() throws Exception {
        String readme = java.nio.file.Files.readString(TestProjects.repo().root().resolve("README.md"));
        String command = "$ java -jar target/treaty-graph.jar history territory/kars --on 1921-06-01\n";
        int at = readme.indexOf(command);
        assertTrue(at >= 0, "the README shows the history command");
        String shown = readme.substring(at + command.length(), readme.indexOf("```", at));
        assertEquals(shown, history("territory/kars", "--on", "1921-06-01")[1]);
    }
}

package org.treatygraph.link;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.cli.Main;

/**
 * `link --evaluate`: every recorded link searched for as if it were not there, against the stand-in for
 * Wikidata built from stored pages (the recorded items and the items they are confused with). The report
 * goes to target/link-evaluation.md; docs/wikidata.md quotes it.
 */
class LeaveOneOutTest {
    @TempDir Path tmp;

    @Test
    void theRecordedItemsAreFoundAndRankedFirst() throws Exception {
        try (WikidataFixture wd = new WikidataFixture(true)) {
            StringWriter out = new StringWriter(), err = new StringWriter();
            var cmd = Main.commandLine();
            cmd.setOut(new PrintWriter(out));
            cmd.setErr(new PrintWriter(err));
            Path report = Path.of("target/link-evaluation.md").toAbsolutePath();
            int exit = cmd.execute("link", "--project", TestProjects.repo().root().toString(), "--api", wd.api(),
                    "--cache", tmp.resolve("cache").toString(), "--evaluate", "--report", report.toString());
            assertEquals(0, exit, err.toString());
            String md = out.toString();
            assertEquals(md, Files.readString(report));
            Matcher m = Pattern.compile("over (\\d+) recorded links").matcher(md);
            assertTrue(m.find(), md);
            assertEquals(Integer.parseInt(m.group(1)), WikidataLinksTestAccess.linkCount());
            // What docs/wikidata.md reports; a change to the scoring that loses ground fails here.
            Matcher first = Pattern.compile("ranked first: (\\d+) of (\\d+)").matcher(md);
            assertTrue(first.find(), md);
            // Of the links the scoring was tuned on, every recorded item ranked first but one: Soviet Ukraine, whose two
            // candidates (the Ukrainian SSR and the Ukrainian People's Republic, both reached from modern Ukraine's
            // "follows") have no dates in the stand-in.
            Matcher held = Pattern.compile("Held back [^:]*: (\\d+); recorded item ranked first: (\\d+) of").matcher(md);
            assertTrue(held.find(), md);
            int heldBack = Integer.parseInt(held.group(1)), heldFirst = Integer.parseInt(held.group(2));
            assertEquals(9, heldBack, md);
            assertEquals(Integer.parseInt(first.group(2)) - heldBack - 1, Integer.parseInt(first.group(1)) - heldFirst, md);
            assertTrue(md.contains("| polity/ukraine | Q133356 | Q243610 ✗ | 61.1 | 2 |"), md);
            // The held-back links, measured as they came (docs/wikidata.md): five of nine first. The town of Trabzon ties
            // with the province of its name (neither has a P31 or a claim in the stand-in); Alexandropol and the two
            // polities are not found by the names we have (the items' names differ: Gyumri, "Mountainous Republic of
            // the Northern Caucasus", "Transcaucasian DFR").
            assertEquals(5, heldFirst, md);
            assertTrue(md.contains("| territory/batumi | Q25475 | Q25475 | 75.0 | 1 (held back) |"), md);
            assertTrue(md.contains("| territory/trabzon | Q45301 | Q388995 ✗ | 67.5 | 2 (held back) |"), md);
            // Negative cases: no false accept at any threshold (regions and polities are left to a person); the review
            // file still offers the towns' items for the regions named after them, which is what a person must refuse.
            Matcher neg = Pattern.compile("\\| (\\d+) \\| (\\d+) \\| (\\d+) \\|\\n").matcher(md.substring(md.indexOf("| threshold | false accepts | false offers |")));
            int thresholds = 0;
            while (neg.find() && thresholds < 7) {
                thresholds++;
                assertEquals("0", neg.group(2), "no false accept at " + neg.group(1) + ": " + md);
            }
            assertEquals(7, thresholds, md);
            assertTrue(md.contains("| 70 | 0 | 8 |"), md);
            assertTrue(md.contains("| territory/kars | Q127063 | 90.0 |"), md);
            // Above 70, nothing wrong would be accepted (polities are left to a person): the threshold docs/wikidata.md recommends.
            Matcher at70 = Pattern.compile("\\| 70 \\| (\\d+) \\| (\\d+) \\|").matcher(md);
            assertTrue(at70.find(), md);
            assertEquals(at70.group(1), at70.group(2), "every link accepted above 70 is the recorded one: " + md);
            assertTrue(Integer.parseInt(at70.group(1)) >= 13, md);
            assertTrue(md.contains("| 70 | 19 | 19 | 1.00 |"), md);
            // The treaty is found by name, type (peace treaty) and date: full marks.
            assertTrue(md.contains("| agreement/treaty-of-versailles-1919 | Q8736 | Q8736 | 100.0 | 1 |"), md);
            // The modern Armenia (founded 1991 on its page) never wins for the republic of 1918-1920, nor modern
            // Japan (1947) for the Japan of our sources: the Empire of Japan is found and ranked first.
            assertFalse(md.contains("| polity/republic-of-armenia | Q139670 | Q399"), md);
            assertTrue(md.contains("| polity/japan | Q188712 | Q188712 |"), md);
            // Our label has two words more than the item's: found once the search drops them.
            assertTrue(md.contains("| polity/ankara-government | Q2949827 | Q2949827 |"), md);
            // "Armenia", the label of two items, no longer beats "First Republic of Armenia" on our label.
            assertTrue(md.contains("| polity/republic-of-armenia | Q139670 | Q139670 |"), md);
            // The German Reich is reached only through the Weimar Republic's "facet of", and ranks before it.
            assertTrue(md.contains("| polity/germany | Q1206012 | Q1206012 |"), md);
            // The RSFSR: the Soviet Union, founded in 1922, holds few of our years and no longer outranks it.
            assertTrue(md.contains("| polity/rsfsr | Q2184 | Q2184 |"), md);
            // Reviewing the top candidates, polities included: above 50, 44 offered (the three not found are held back),
            // all right but Ukraine and Trabzon.
            assertTrue(md.contains("| 50 | 44 | 42 | 0.95 | 0.89 |"), md);
        }
    }

    @Test
    void anEvaluationFileNamingAnUnknownOrALinkedEntityIsRefused() throws Exception {
        var p = TestProjects.scratch(tmp.resolve("project"), TestProjects.VALID);
        Files.createDirectories(p.wikidataLinksFile().getParent());
        Files.writeString(p.wikidataLinksFile(), """
                links:
                  - entity: polity/persia
                    qid: Q900005
                    how: stored-page
                    page: https://example.org/items
                    excerpt: "Persia,900005"
                    itemLabel: Persia
                    checked: 2026-11-22
                """);
        Path evaluation = p.wikidataLinksFile().resolveSibling("evaluation.yaml");
        for (String[] c : new String[][] {
                {"heldBack: [polity/persa]\n", "error: data/wikidata/evaluation.yaml: no entity polity/persa"},
                {"negatives:\n  - entity: polity/persia\n    why: test\n", "error: data/wikidata/evaluation.yaml: polity/persia is a negative case (it must get no link) but data/wikidata/links.yaml links it"}}) {
            Files.writeString(evaluation, c[0]);
            StringWriter out = new StringWriter(), err = new StringWriter();
            var cmd = Main.commandLine();
            cmd.setOut(new PrintWriter(out));
            cmd.setErr(new PrintWriter(err));
            int exit = cmd.execute("link", "--project", p.root().toString(), "--api", "http://127.0.0.1:9/w/api.php",
                    "--cache", tmp.resolve("cache").toString(), "--evaluate");
            assertEquals(2, exit, err.toString());
            assertTrue(err.toString().contains(c[1]), err.toString());
            assertEquals("", out.toString(), "nothing reported");
        }
    }
}

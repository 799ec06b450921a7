package org.treatygraph.link;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.cli.Main;

/** Candidate search against a local stand-in for the Wikidata API: ranking, cache, rate limits, broken answers. */
class LinkTest {
    @TempDir Path tmp;

    static Candidates.Wanted kars(int year) {
        return new Candidates.Wanted(List.of("Treaty of Kars", "Kars"), Set.of("Q131569"), Set.of(year), Candidates.Dates.POINT);
    }

    @Test
    void theTreatyRanksAboveThePlaceAndTypeAndDateCount() throws Exception {
        try (WikidataFixture wd = new WikidataFixture()) {
            Candidates c = new Candidates(new WikidataApi(wd.api(), tmp.resolve("cache"), 10_000));
            List<Candidates.Candidate> found = c.find(kars(1921), 5);
            assertEquals(List.of("Q900001", "Q900002"), found.stream().map(Candidates.Candidate::qid).toList());
            assertEquals(20.0, found.get(0).dateScore());
            assertEquals(20.0, found.get(0).typeScore());
            assertEquals(100.0, found.get(0).score());
            assertEquals(0.0, found.get(1).typeScore(), "a city is not a treaty");
            assertEquals(10.0, found.get(1).dateScore(), "no date on the item: half");
            assertTrue(found.get(0).score() > found.get(1).score() + 10, found.toString());
            List<Candidates.Candidate> wrongYear = c.find(kars(1920), 5);
            assertEquals(0.0, wrongYear.get(0).dateScore(), "a different year earns nothing");
            assertEquals(80.0, wrongYear.get(0).score());
        }
    }

    @Test
    void aPersonsOrPolitysYearsAreCheckedAgainstTheItemsLifetime() throws Exception {
        try (WikidataFixture wd = new WikidataFixture(true)) {
            Candidates c = new Candidates(new WikidataApi(wd.api(), tmp.resolve("cache"), 10_000));
            // The modern country (inception 1991 on its page) cannot be the Armenia of 1918-1920.
            Candidates.Candidate armenia = c.find(new Candidates.Wanted(List.of("Armenia"), Set.of("Q3024240", "Q3624078", "Q6256"), Set.of(1918, 1920),
                    Candidates.Dates.EXISTENCE), 5).stream().filter(x -> x.qid().equals("Q399")).findFirst().orElseThrow();
            assertEquals(0.0, armenia.dateScore());
            assertEquals(20.0, armenia.typeScore());
            Candidates.Candidate later = c.find(new Candidates.Wanted(List.of("Armenia"), Set.of(), Set.of(1995), Candidates.Dates.EXISTENCE), 5)
                    .stream().filter(x -> x.qid().equals("Q399")).findFirst().orElseThrow();
            assertEquals(20.0, later.dateScore());
        }
    }

    @Test
    void abbreviationsAreAlsoSearchedSpeltOut() {
        assertEquals(List.of("Georgian SSR", "Georgian Soviet Socialist Republic"), Profiles.withAbbreviationsExpanded(List.of("Georgian SSR")));
        assertEquals(List.of("Dagestan ASSR", "RSFSR", "Dagestan Autonomous Soviet Socialist Republic", "Russian Soviet Federative Socialist Republic"),
                Profiles.withAbbreviationsExpanded(List.of("Dagestan ASSR", "RSFSR")), "whole words only: SSR inside ASSR is left alone");
        assertEquals(List.of("Soviet Armenia"), Profiles.withAbbreviationsExpanded(List.of("Soviet Armenia")));
    }

    @Test
    void responsesAreCachedSoARerunNeedsNoNetwork() throws Exception {
        Path cache = tmp.resolve("cache");
        try (WikidataFixture wd = new WikidataFixture()) {
            Candidates.Wanted treaty = new Candidates.Wanted(List.of("Treaty of Kars"), Set.of(), Set.of(), Candidates.Dates.POINT);
            new Candidates(new WikidataApi(wd.api(), cache, 10_000)).find(treaty, 5);
            assertEquals(3, wd.requests.get(), "prefix search, full-text search, entities");
            String api = wd.api();
            wd.close();
            List<Candidates.Candidate> again = new Candidates(new WikidataApi(api, cache, 10_000)).find(treaty, 5);
            assertEquals("Q900001", again.get(0).qid(), "answered from the cache with the server gone");
        }
    }

    @Test
    void rateLimitsAreWaitedOutAndBrokenAnswersNamed() throws Exception {
        try (WikidataFixture wd = new WikidataFixture()) {
            wd.rateLimitTimes = 2;
            WikidataApi api = new WikidataApi(wd.api(), tmp.resolve("cache"), 10_000);
            assertEquals("Q900002", api.search("Kars", "en", 5).path("search").get(0).path("id").asText());
            assertEquals(3, wd.requests.get(), "two 429s, then the answer");
            wd.broken = true;
            IOException e = assertThrows(IOException.class, () -> api.search("Artvin", "en", 5));
            assertTrue(e.getMessage().contains("not JSON (<html>Wikimedia Error</html>)"), e.getMessage());
            assertTrue(e.getMessage().contains("action=wbsearchentities"), "the message names the request");
            wd.broken = false;
            wd.rateLimitTimes = 10;
            IOException limited = assertThrows(IOException.class, () -> api.search("Ardahan", "en", 5));
            assertTrue(limited.getMessage().contains("HTTP 429 (rate limited; still after 3 waits)"), limited.getMessage());
        }
        IOException down = assertThrows(IOException.class, () -> new WikidataApi("http://127.0.0.1:9/w/api.php", tmp.resolve("c2"), 1000).search("Kars", "en", 1));
        assertTrue(down.getMessage().startsWith("cannot reach http://127.0.0.1:9/w/api.php"), down.getMessage());
    }

    @Test
    void linkCommandWritesTheReviewFileAndAcceptsAboveTheThreshold() throws Exception {
        try (WikidataFixture wd = new WikidataFixture()) {
            StringWriter out = new StringWriter(), err = new StringWriter();
            var cmd = Main.commandLine();
            cmd.setOut(new PrintWriter(out));
            cmd.setErr(new PrintWriter(err));
            Path review = tmp.resolve("review.yaml"), accepted = tmp.resolve("links.yaml");
            int exit = cmd.execute("link", "--project", TestProjects.repo().root().toString(), "--api", wd.api(), "--cache", tmp.resolve("cache").toString(),
                    "--review", review.toString(), "--links", accepted.toString(), "--accept-above", "90",
                    "--only", "agreement/treaty-of-kars-1921", "--only", "territory/artvin", "--only", "polity/rsfsr");
            assertEquals(0, exit, err.toString());
            String r = Files.readString(review);
            assertTrue(r.contains("id: \"agreement/treaty-of-kars-1921\""), r);
            assertTrue(r.contains("- qid: \"Q900001\"\n    label: \"Treaty of Kars\"") && r.contains("score: 100.0"), "ranked: " + r);
            assertTrue(r.matches("(?s).*- id: \"polity/rsfsr\"\n  label: \"[^\"]+\"\n  candidates: \\[]\n  accept: \"a polity: only a person decides\".*"), r);
            String a = Files.readString(accepted);
            assertTrue(a.startsWith("links:\n  - entity: agreement/treaty-of-kars-1921\n    qid: Q900001\n    how: accepted-candidate\n"), a);
            assertTrue(a.contains("acceptedBy: \"link --accept-above 90.0 against " + wd.api() + "\"") && a.contains("score: 100.0"), a);
            assertFalse(a.contains("territory/artvin"), "nothing found, nothing accepted: " + a);
        }
    }
}

package org.treatygraph.link;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
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
    static final Scoring SCORING = new Scoring(ScoringWeights.standard());
    @TempDir Path tmp;

    static Wanted kars(int year) {
        return new Wanted(List.of("Treaty of Kars", "Kars"), Set.of("Q131569"), Set.of(year), Wanted.Dates.POINT);
    }

    @Test
    void theTreatyRanksAboveThePlaceAndTypeAndDateCount() throws Exception {
        try (WikidataFixture wd = new WikidataFixture()) {
            Candidates c = new Candidates(new WikidataApi(wd.api(), tmp.resolve("cache"), 10_000));
            List<Candidate> found = c.find(kars(1921), 5);
            assertEquals(List.of("Q900001", "Q900002"), found.stream().map(Candidate::qid).toList());
            assertEquals(20.0, found.get(0).dateScore());
            assertEquals(20.0, found.get(0).typeScore());
            assertEquals(100.0, found.get(0).score());
            assertEquals(0.0, found.get(1).typeScore(), "a city is not a treaty");
            assertEquals(10.0, found.get(1).dateScore(), "no date on the item: half");
            assertTrue(found.get(0).score() > found.get(1).score() + 10, found.toString());
            List<Candidate> wrongYear = c.find(kars(1920), 5);
            assertEquals(0.0, wrongYear.get(0).dateScore(), "a different year earns nothing");
            assertEquals(80.0, wrongYear.get(0).score());
        }
    }

    @Test
    void aPersonsOrPolitysYearsAreCheckedAgainstTheItemsLifetime() throws Exception {
        try (WikidataFixture wd = new WikidataFixture(true)) {
            Candidates c = new Candidates(new WikidataApi(wd.api(), tmp.resolve("cache"), 10_000));
            // The modern country (inception 1991 on its page) cannot be the Armenia of 1918-1920.
            Candidate armenia = c.find(new Wanted(List.of("Armenia"), Set.of("Q3024240", "Q3624078", "Q6256"), Set.of(1918, 1920),
                    Wanted.Dates.EXISTENCE), 5).stream().filter(x -> x.qid().equals("Q399")).findFirst().orElseThrow();
            assertEquals(0.0, armenia.dateScore());
            assertEquals(20.0, armenia.typeScore());
            Candidate later = c.find(new Wanted(List.of("Armenia"), Set.of(), Set.of(1995), Wanted.Dates.EXISTENCE), 5)
                    .stream().filter(x -> x.qid().equals("Q399")).findFirst().orElseThrow();
            assertEquals(20.0, later.dateScore());
        }
    }

    /** A made-up item in wbgetentities' shape: English label, P31, inception and dissolution years, and further claims. */
    static String item(String id, String label, String p31, Integer from, Integer to, String... claims) {
        StringBuilder c = new StringBuilder("\"P31\": [" + snak("P31", p31) + "]");
        if (from != null) c.append(", \"P571\": [").append(time("P571", from)).append(']');
        if (to != null) c.append(", \"P576\": [").append(time("P576", to)).append(']');
        for (int i = 0; i < claims.length; i += 2) c.append(", \"").append(claims[i]).append("\": [").append(snak(claims[i], claims[i + 1])).append(']');
        return "{\"type\": \"item\", \"id\": \"" + id + "\", \"labels\": {\"en\": {\"language\": \"en\", \"value\": \"" + label
                + "\"}}, \"descriptions\": {}, \"aliases\": {}, \"claims\": {" + c + "}}";
    }

    private static String snak(String p, String q) {
        return "{\"mainsnak\": {\"snaktype\": \"value\", \"property\": \"" + p + "\", \"datavalue\": {\"type\": \"wikibase-entityid\", \"value\": {\"entity-type\": \"item\", \"id\": \"" + q
                + "\", \"numeric-id\": " + q.substring(1) + "}}}, \"type\": \"statement\", \"rank\": \"normal\"}";
    }

    private static String time(String p, int year) {
        return "{\"mainsnak\": {\"snaktype\": \"value\", \"property\": \"" + p + "\", \"datavalue\": {\"type\": \"time\", \"value\": {\"time\": \"+" + year
                + "-00-00T00:00:00Z\", \"precision\": 9, \"calendarmodel\": \"http://www.wikidata.org/entity/Q1985727\"}}}, \"type\": \"statement\", \"rank\": \"normal\"}";
    }

    static final Wanted RURITANIA_1919 = new Wanted(List.of("Ruritania"), Set.of("Q3024240", "Q3624078"), Set.of(1919), Wanted.Dates.EXISTENCE);

    @Test
    void theHistoricalStateAPresentDayNamesakeIsDifferentFromIsFoundAndWins() throws Exception {
        try (WikidataFixture wd = new WikidataFixture()) {
            Candidates c = new Candidates(new WikidataApi(wd.api(), tmp.resolve("cache"), 10_000));
            wd.add(item("Q900010", "Ruritania", "Q3624078", 1991, null));
            wd.add(item("Q900011", "First Ruritanian Republic", "Q3024240", 1918, 1920));
            // Without a claim pointing to it, the name search never reaches the historical state.
            assertEquals(List.of("Q900010"), c.find(RURITANIA_1919, 5).stream().map(Candidate::qid).toList());

            wd.add(item("Q900010", "Ruritania", "Q3624078", 1991, null, "P1889", "Q900011"));
            List<Candidate> found = new Candidates(new WikidataApi(wd.api(), tmp.resolve("cache2"), 10_000)).find(RURITANIA_1919, 5);
            assertEquals(List.of("Q900011", "Q900010"), found.stream().map(Candidate::qid).toList(), found.toString());
            assertEquals("P1889 of Q900010", found.get(0).foundVia());
            assertNull(found.get(1).foundVia(), "found by the search");
            assertEquals(20.0, found.get(0).dateScore(), "1918-1920 holds 1919");
            assertEquals(0.0, found.get(1).dateScore(), "founded 1991");
        }
    }

    @Test
    void aRegimeRanksAfterItsStateUnlessTheStatesTimeExcludesOurs() throws Exception {
        Wanted ruritania = new Wanted(List.of("Ruritania", "Ruritanian Republic"), Set.of("Q3024240", "Q3624078"), Set.of(1920, 1922),
                Wanted.Dates.EXISTENCE);
        try (WikidataFixture wd = new WikidataFixture()) {
            wd.add(item("Q900030", "Realm of the Ruritanians", "Q900099", null, null));
            wd.add(item("Q900031", "Ruritanian Republic", "Q3024240", 1918, 1933, "P1269", "Q900030"));
            List<Candidate> found = new Candidates(new WikidataApi(wd.api(), tmp.resolve("cache"), 10_000)).find(ruritania, 5);
            assertEquals(List.of("Q900030", "Q900031"), found.stream().map(Candidate::qid).toList(), found.toString());
            assertTrue(found.get(1).score() > found.get(0).score(), "the regime scores higher on name, type and dates, yet follows its state: " + found);
            assertEquals("P1269 of Q900031", found.get(0).foundVia());

            // A state founded after our years cannot be ours: its regime keeps its place.
            wd.add(item("Q900030", "Realm of the Ruritanians", "Q900099", 1991, null));
            found = new Candidates(new WikidataApi(wd.api(), tmp.resolve("cache2"), 10_000)).find(ruritania, 5);
            assertEquals(List.of("Q900031", "Q900030"), found.stream().map(Candidate::qid).toList(), found.toString());
        }
        // Only polities: a person's or a treaty's candidates are ranked by score alone.
        assertEquals(Wanted.Dates.EXISTENCE, ruritania.dates());
    }

    @Test
    void whatTheGraphTiesAnEntityToDecidesBetweenNamesakes() throws Exception {
        // Two towns named Zarkand: one in the country our territory's polity is linked to (Q900050), one elsewhere.
        Wanted zarkand = new Wanted(List.of("Zarkand"), Set.of(), Set.of(), Wanted.Dates.NONE, Set.of("Q900050"));
        try (WikidataFixture wd = new WikidataFixture()) {
            wd.add(item("Q900040", "Zarkand", "Q515", null, null, "P17", "Q900051"));
            wd.add(item("Q900041", "Zarkand", "Q515", null, null, "P17", "Q900050"));
            List<Candidate> found = new Candidates(new WikidataApi(wd.api(), tmp.resolve("cache"), 10_000)).find(zarkand, 5);
            assertEquals(List.of("Q900041", "Q900040"), found.stream().map(Candidate::qid).toList(), found.toString());
            // A name both carry counts 0.9 (54 of 60 points); the context part adds its 20 of 20 to one of them.
            assertEquals(92.5, found.get(0).score(), found.toString());
            assertEquals(20.0, found.get(0).contextScore(), "the review file shows the part");
            assertNull(found.get(1).contextScore());
            assertEquals(90.0, found.get(1).score(), "the namesake is not harmed for naming something else, only not helped");
            // Knowing nothing of the graph, the two tie.
            Wanted bare = new Wanted(List.of("Zarkand"), Set.of(), Set.of(), Wanted.Dates.NONE);
            List<Candidate> tied = new Candidates(new WikidataApi(wd.api(), tmp.resolve("cache2"), 10_000)).find(bare, 5);
            assertEquals(tied.get(0).score(), tied.get(1).score(), tied.toString());
        }
    }

    @Test
    void aNameInAnyScriptOfTheItemMatches() throws Exception {
        Wanted kars = new Wanted(List.of("Карсово"), Set.of(), Set.of(), Wanted.Dates.NONE);
        try (WikidataFixture wd = new WikidataFixture()) {
            // The item's Armenian and Russian labels, besides its English one; Armenian is none of the five languages compared first.
            wd.add("{\"type\": \"item\", \"id\": \"Q900060\", \"labels\": {\"en\": {\"language\": \"en\", \"value\": \"Karsovo\"}, "
                    + "\"hy\": {\"language\": \"hy\", \"value\": \"Կարսովո\"}}, \"descriptions\": {}, \"aliases\": {\"uk\": [{\"language\": \"uk\", \"value\": \"Карсово\"}]}, \"claims\": {}}");
            List<Candidate> found = new Candidates(new WikidataApi(wd.api(), tmp.resolve("cache"), 10_000)).find(kars, 5);
            assertEquals(List.of("Q900060"), found.stream().map(Candidate::qid).toList(), found.toString());
            assertEquals(100.0, found.get(0).nameScore(), "the Ukrainian alias, in Cyrillic, is our name");
        }
    }

    @Test
    void theGraphGivesEachEntityTheItemsOfWhatItIsTiedTo() {
        var ds = TestProjects.repoGraph().queryDataset();
        Profiles profiles = Profiles.load(ds, EntityIndex.load(ds));
        // The Treaty of Kars: its linked parties (the three Soviet republics) and its mediator (the RSFSR).
        Set<String> kars = profiles.wanted("agreement/treaty-of-kars-1921").related();
        assertTrue(kars.containsAll(Set.of("Q130229", "Q132856", "Q131337", "Q2184")), kars.toString());
        // The Treaty of Versailles is tied to nothing linked but its own item, which is never read.
        assertFalse(profiles.wanted("agreement/treaty-of-versailles-1919").related().contains("Q8736"));
        // A polity is tied to its linked predecessor: the Georgian SSR to the Democratic Republic of Georgia.
        Set<String> ssr = profiles.wanted("polity/georgian-ssr").related();
        assertTrue(ssr.contains("Q245160"), ssr.toString());
        assertFalse(ssr.contains("Q130229"), ssr.toString());
        // A person to the polities they acted for or held positions in.
        Set<String> stalin = profiles.wanted("person/stalin").related();
        assertTrue(stalin.contains("Q2184"), stalin.toString());
    }

    @Test
    void anEntitysYearsAreItsOwnNotThoseOfThePolitiesThatNameIt() {
        var ds = TestProjects.repoGraph().queryDataset();
        Profiles profiles = Profiles.load(ds, EntityIndex.load(ds));
        // The Russian Empire is party to the conventions of 1907; the RSFSR, which names it as predecessor, acts
        // from 1918 on, and those years are the RSFSR's, not the Empire's.
        Set<Integer> empire = profiles.wanted("polity/russian-empire").years();
        assertTrue(empire.contains(1907), empire.toString());
        assertTrue(empire.stream().allMatch(y -> y <= 1917), empire.toString());
        assertFalse(profiles.wanted("polity/rsfsr").years().contains(1907), "nor the Empire's the RSFSR's");
        // A polity's own establishment counts: the Armenian SSR, proclaimed on 2 December 1920.
        assertTrue(profiles.wanted("polity/armenian-ssr").years().contains(1920));
    }

    @Test
    void aStateThatExistedForPartOfOurYearsLosesInProportion() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Wanted w = new Wanted(List.of("Ruritania"), Set.of(), Set.of(1918, 1919, 1920, 1921), Wanted.Dates.EXISTENCE);
        // Founded 1920: half our years inside, date part 0.5, then scaled by 0.5 + 0.5 × 0.5.
        assertEquals(round(100 * (60 + 0.5 * 20) / 80.0 * 0.75), SCORING.score(w, new Item(json.readTree(item("Q900040", "Ruritania", "Q1", 1920, null)))).score());
        // All inside: no scaling; none inside: halved; no dates on the item: half the date part, no scaling.
        assertEquals(100.0, SCORING.score(w, new Item(json.readTree(item("Q900041", "Ruritania", "Q1", 1900, 1930)))).score());
        assertEquals(37.5, SCORING.score(w, new Item(json.readTree(item("Q900042", "Ruritania", "Q1", 1991, null)))).score());
        assertEquals(87.5, SCORING.score(w, new Item(json.readTree(item("Q900043", "Ruritania", "Q1", null, null)))).score());
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }

    @Test
    void aNameSeveralItemsCarryCountsLessThanANameOnlyOneCarries() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Wanted armenia = new Wanted(List.of("Republic of Armenia", "Armenia"), Set.of(), Set.of(), Wanted.Dates.NONE);
        var region = new Item(json.readTree(item("Q900020", "Armenia", "Q82794", null, null)));
        var modern = new Item(json.readTree(item("Q900021", "Armenia", "Q3624078", null, null)));
        var republic = new Item(json.readTree(item("Q900022", "First Republic of Armenia", "Q3024240", null, null)));
        assertEquals(Set.of(1), Scoring.sharedNames(armenia, List.of(region, modern, republic)), "two items carry \"Armenia\"");
        assertEquals(Set.of(), Scoring.sharedNames(armenia, List.of(region, republic)));
        // Alone, the exact match on our alternative name beats containment of our label (0.95 against 0.9) ...
        assertTrue(SCORING.score(armenia, region).score() > SCORING.score(armenia, republic).score());
        // ... shared with another item, it counts 0.9 of that, and the republic comes first.
        Set<Integer> shared = Scoring.sharedNames(armenia, List.of(region, modern, republic));
        assertEquals(85.5, SCORING.score(armenia, region, shared, null).score());
        assertEquals(90.0, SCORING.score(armenia, republic, shared, null).score());
    }

    @Test
    void moreThanFiftyItemsAreAskedForInBatchesOfFifty() throws Exception {
        try (WikidataFixture wd = new WikidataFixture()) {
            CandidateSearch c = new CandidateSearch(new WikidataApi(wd.api(), tmp.resolve("cache"), 10_000));
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) ids.add("Q" + (800000 + i));
            ids.add("Q900001");
            var items = c.fetch(ids);
            assertEquals(Set.of("Q900001"), items.keySet(), "unknown ids are left out");
            assertEquals(2, wd.requests.get(), "61 ids: a request of 50 and one of 11 (the stand-in refuses more than 50, as Wikidata does)");
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
            Wanted treaty = new Wanted(List.of("Treaty of Kars"), Set.of(), Set.of(), Wanted.Dates.POINT);
            new Candidates(new WikidataApi(wd.api(), cache, 10_000)).find(treaty, 5);
            assertEquals(3, wd.requests.get(), "prefix search, full-text search, entities");
            String api = wd.api();
            wd.close();
            List<Candidate> again = new Candidates(new WikidataApi(api, cache, 10_000)).find(treaty, 5);
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
                    "--only", "agreement/treaty-of-kars-1921", "--only", "territory/artvin", "--only", "polity/afghanistan");
            assertEquals(0, exit, err.toString());
            String r = Files.readString(review);
            assertTrue(r.contains("id: \"agreement/treaty-of-kars-1921\""), r);
            assertTrue(r.contains("- qid: \"Q900001\"\n    label: \"Treaty of Kars\"") && r.contains("score: 100.0"), "ranked: " + r);
            assertTrue(r.matches("(?s).*- id: \"polity/afghanistan\"\n  label: \"[^\"]+\"\n  candidates: \\[]\n  accept: \"a polity: only a person decides\".*"), r);
            String a = Files.readString(accepted);
            assertTrue(a.startsWith("links:\n  - entity: agreement/treaty-of-kars-1921\n    qid: Q900001\n    how: accepted-candidate\n"), a);
            var link = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(a).path("links").path(0);
            assertEquals("link --accept-above 90.0 against " + wd.api(), link.path("acceptedBy").asText(), a);
            assertEquals(100.0, link.path("score").asDouble(), a);
            assertFalse(a.contains("territory/artvin"), "nothing found, nothing accepted: " + a);
        }
    }
    @Test
    void aRunInterruptedByTheApiGoingDownKeepsWhatItAcceptedAndFound() throws Exception {
        String[] kars = {"--only", "agreement/treaty-of-kars-1921"};
        int perEntity;
        try (WikidataFixture wd = new WikidataFixture()) {   // how many requests the treaty takes
            assertEquals(0, Main.commandLine().execute("link", "--project", TestProjects.repo().root().toString(), "--api", wd.api(),
                    "--cache", tmp.resolve("count").toString(), "--review", tmp.resolve("count.yaml").toString(), kars[0], kars[1]));
            perEntity = wd.requests.get();
        }
        try (WikidataFixture wd = new WikidataFixture()) {
            wd.downAfter = perEntity;   // the treaty is answered, then the API stops answering
            StringWriter out = new StringWriter(), err = new StringWriter();
            var cmd = Main.commandLine();
            cmd.setOut(new PrintWriter(out));
            cmd.setErr(new PrintWriter(err));
            Path review = tmp.resolve("review.yaml"), links = tmp.resolve("links.yaml");
            Files.writeString(links, "links:\n  - entity: polity/persia\n    qid: Q900011\n");
            int exit = cmd.execute("link", "--project", TestProjects.repo().root().toString(), "--api", wd.api(), "--cache", tmp.resolve("cache").toString(),
                    "--review", review.toString(), "--links", links.toString(), "--accept-above", "90", kars[0], kars[1], "--only", "territory/artvin");
            assertNotEquals(0, exit);
            assertTrue(err.toString().contains("HTTP 503"), err.toString());
            String l = Files.readString(links);
            assertTrue(l.startsWith("links:\n  - entity: polity/persia\n    qid: Q900011\n  - entity: agreement/treaty-of-kars-1921\n    qid: Q900001\n"),
                    "what was there, and the link accepted before the failure: " + l);
            String r = Files.readString(review);
            assertTrue(r.contains("id: \"agreement/treaty-of-kars-1921\"") && !r.contains("territory/artvin"), r);
        }
    }
}

package org.treatygraph.link;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The weights of candidate scoring come from scoring.properties: a changed weight changes the scores, a missing one is named. */
class ScoringWeightsTest {
    /** Ruritania of 1919, a historical country; the item is a "Ruritania" of class Q1 (not ours) existing 1900–1930. */
    private static final Wanted RURITANIA = new Wanted(List.of("Ruritania"), Set.of("Q3024240"), Set.of(1919), Wanted.Dates.EXISTENCE);

    private static Item item(Integer from, Integer to) throws IOException {
        return new Item(new ObjectMapper().readTree(LinkTest.item("Q900041", "Ruritania", "Q1", from, to)));
    }

    /** A copy of scoring.properties, to change. */
    private static Properties standard() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ScoringWeights.class.getResourceAsStream("scoring.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Candidate score(Properties weights, Item item) {
        return new Scoring(ScoringWeights.from(weights, "a copy of scoring.properties")).score(RURITANIA, item);
    }

    @Test
    void theFileHoldsTheWeightsScoringWasMadeWith() {
        assertEquals(new ScoringWeights(60, 20, 20, 0.5, 0.5, 0.95, 0.9, 0.9, 20), ScoringWeights.standard());
    }

    @Test
    void aChangedWeightChangesTheScore() throws IOException {
        Item inside = item(1900, 1930);
        // Name 1 × 60, type 0 × 20, dates 1 × 20, of 100.
        Candidate standard = score(standard(), inside);
        assertEquals(80.0, standard.score());
        assertEquals(0.0, standard.typeScore());
        assertEquals(20.0, standard.dateScore());

        Properties typeCountsMore = standard();
        typeCountsMore.setProperty("type", "40");
        assertEquals(66.7, score(typeCountsMore, inside).score(), "60 + 0 + 20 of 120");

        Properties datesCountMore = standard();
        datesCountMore.setProperty("date", "40");
        Candidate dated = score(datesCountMore, inside);
        assertEquals(83.3, dated.score(), "60 + 0 + 40 of 120");
        assertEquals(40.0, dated.dateScore());

        // Founded after our year: name 60 and dates 0 of 100, halved (standard) or quartered.
        Item later = item(1991, null);
        assertEquals(30.0, score(standard(), later).score());
        Properties harsher = standard();
        harsher.setProperty("outside-our-years", "0.25");
        assertEquals(15.0, score(harsher, later).score());

        // No dates on the item: half the date part (standard), or none of it.
        Item undated = item(null, null);
        assertEquals(70.0, score(standard(), undated).score(), "60 + 0 + 0.5 × 20 of 100");
        Properties unknownIsNothing = standard();
        unknownIsNothing.setProperty("date-unknown", "0");
        assertEquals(60.0, score(unknownIsNothing, undated).score(), "60 + 0 + 0 of 100");
    }

    @Test
    void aMissingOrBrokenWeightIsNamedWithItsFile() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            Properties p = standard();
            p.remove("shared-name");
            ScoringWeights.from(p, ScoringWeights.FILE);
        });
        assertEquals("org/treatygraph/link/scoring.properties: no weight 'shared-name' (every weight of candidate scoring is required)", e.getMessage());
        IllegalStateException nan = assertThrows(IllegalStateException.class, () -> {
            Properties p = standard();
            p.setProperty("date", "twenty");
            ScoringWeights.from(p, ScoringWeights.FILE);
        });
        assertEquals("org/treatygraph/link/scoring.properties: weight 'date' is not a number: 'twenty'", nan.getMessage());
    }
}

package org.treatygraph.search;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** How a hit's date reads, at the precision of the date. */
class KeyDateTest {
    static KeyDate d(String earliest, String latest) {
        return new KeyDate(LocalDate.parse(earliest), LocalDate.parse(latest));
    }

    @Test
    void writtenAtItsPrecision() {
        assertEquals("13 October 1921", d("1921-10-13", "1921-10-13").text());
        assertEquals("September 1921", d("1921-09-01", "1921-09-30").text());
        assertEquals("February 1920", d("1920-02-01", "1920-02-29").text());
        assertEquals("1921", d("1921-01-01", "1921-12-31").text());
        assertEquals("between 20 September and 18 November 1920", d("1920-09-20", "1920-11-18").text());
        assertEquals("between 2 December 1920 and 18 February 1921", d("1920-12-02", "1921-02-18").text());
    }

    @Test
    void theMostPreciseThenTheEarliestIsShown() {
        KeyDate day = d("1921-10-13", "1921-10-13"), month = d("1921-09-01", "1921-09-30"), earlierDay = d("1921-03-16", "1921-03-16");
        assertTrue(day.betterThan(null));
        assertTrue(day.betterThan(month), "a day before a month, though the month is earlier");
        assertFalse(month.betterThan(day));
        assertTrue(earlierDay.betterThan(day));
        assertFalse(day.betterThan(earlierDay));
    }
}

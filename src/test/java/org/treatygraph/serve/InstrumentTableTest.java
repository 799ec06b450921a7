package org.treatygraph.serve;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.treatygraph.serve.InstrumentTable.Span;

import static org.junit.jupiter.api.Assertions.*;

/** Dates in words as the browse page writes them, and the year and month they are filed under. */
class InstrumentTableTest {
    static Span span(String from, String to, String precision) {
        return new Span(LocalDate.parse(from), LocalDate.parse(to), precision);
    }

    @Test
    void aDateIsWrittenAsPreciselyAsTheSourceGivesIt() {
        assertEquals("13 October 1921", span("1921-10-13", "1921-10-13", "day").words());
        assertEquals("February 1921", span("1921-02-01", "1921-02-28", "month").words());
        assertEquals("1921", span("1921-01-01", "1921-12-31", "year").words());
    }

    @Test
    void aSpanSaysEachBoundAsCoarselyAsItIsAndWhatTheyShareOnce() {
        assertEquals("between 1919 and March 1920", span("1919-01-01", "1920-03-31", "span").words());
        assertEquals("between October 1917 and 20 March 1920", span("1917-10-01", "1920-03-20", "span").words());
        assertEquals("between June and December 1920", span("1920-06-01", "1920-12-31", "span").words());
        assertEquals("between 3 June and 10 August 1920", span("1920-06-03", "1920-08-10", "span").words());
        assertEquals("between 2 and 31 December 1920", span("1920-12-02", "1920-12-31", "span").words());
        assertEquals("December 1920", span("1920-12-01", "1920-12-31", "span").words(), "a whole month");
        assertEquals("1920", span("1920-01-01", "1920-12-31", "span").words(), "a whole year");
    }

    @Test
    void aDateIsFiledUnderTheYearAndMonthItLiesWithin() {
        Span february = span("1921-02-01", "1921-02-28", "month");
        assertEquals("1921", february.year());
        assertEquals("1921-02", february.month());
        Span winter = span("1920-12-02", "1921-02-18", "span");
        assertNull(winter.year(), "a span across years is in no year");
        assertNull(winter.month());
        Span spring = span("1921-03-01", "1921-05-31", "span");
        assertEquals("1921", spring.year());
        assertNull(spring.month());
    }
}

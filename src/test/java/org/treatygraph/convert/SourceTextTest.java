package org.treatygraph.convert;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SourceTextTest {
    /** Offsets are counted in code points: a pair of surrogates is one, an unpaired surrogate one too (as String counts them). */
    @Test
    void codePointOffsetsCountASurrogatePairOnceAtEveryIndex() {
        String text = "a\uD83D\uDCDC b \uD800x\uDC00 \uD83D\uD83D\uDCDC\uDC00\n\uD835\uDD04\uD835\uDD05 end";
        SourceText s = new SourceText("000", "000.txt", null, text);
        for (int i = 0; i <= text.length(); i++)
            assertEquals(text.codePointCount(0, i), s.codePointOffset(i), "at char index " + i);
        assertEquals(text.length() - 4, s.codePointOffset(text.length()), "four pairs");
        assertEquals(7, new SourceText("000", "000.txt", null, "no pair").codePointOffset(7));
    }

    @Test
    void aQuoteAfterSurrogatePairsIsFoundWhereItIs() {
        String text = "\uD83D\uDCDC \u201cTreaty\u201d of Kars \uD83D\uDCDC Treaty of Kars";
        QuoteLocator.Span s = new QuoteLocator(text).find("\"Treaty\" of Kars").orElseThrow();
        assertEquals(3, s.start());
        assertEquals(2, new SourceText("000", "000.txt", null, text).codePointOffset(s.start()));
    }

    /** The last year the text named before a point; numbers that only look like years (1920.5, x1921, 1,922) are not. */
    @Test
    void theYearInForceIsTheLastYearNamedBefore() {
        String text = "Early on 1 May. In 1920 it was signed; 1920.5 x1921 a 1922b. On 13 April 1921 it came into force.";
        SourceText s = new SourceText("000", "000.txt", null, text);
        int in1920 = text.indexOf("1920"), onApril = text.indexOf("13 April"), in1921 = text.indexOf("1921 it");
        assertEquals(-1, s.yearInForce(text.indexOf("1 May")));
        assertEquals(-1, s.yearInForce(in1920), "a year begins at the point: not before it");
        assertEquals(1920, s.yearInForce(in1920 + 1));
        assertEquals(1920, s.yearInForce(onApril));
        assertEquals(1921, s.yearInForce(in1921 + 1));
        assertEquals(1921, s.yearInForce(text.length()));
    }
}

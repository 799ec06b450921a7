package org.treatygraph.convert;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuoteLocatorTest {
    private static String found(String text, String quote) {
        Optional<QuoteLocator.Span> s = new QuoteLocator(text).find(quote);
        return s.map(x -> text.substring(x.start(), x.end())).orElse(null);
    }

    @Test
    void exactQuoteIsFoundWithItsOffsets() {
        QuoteLocator.Span s = new QuoteLocator("abc Treaty of Kars def").find("Treaty of Kars").orElseThrow();
        assertEquals(new QuoteLocator.Span(4, 18), s);
    }

    @Test
    void whitespaceAndLineBreaksAreForgiven() {
        assertEquals("Treaty of Kars\n(13 October", found("under Article V of the Treaty of Kars\n(13 October 1921)", "Treaty of Kars (13 October"));
        assertEquals("a  b", found("x a  b y", "a b"));
    }

    @Test
    void ocrHyphenationIsForgivenButTheSpanIsTheOriginal() {
        assertEquals("sphere of in- fluence", found("gave Russia a sphere of in- fluence in the north", "sphere of influence"));
        assertEquals("an all- out offensive", found("began planning an all- out offensive in", "an all-out offensive"));
        assertEquals("in- fluence", found("a sphere of in- fluence", "in- fluence"));
    }

    @Test
    void curlyAndStraightQuotesAndDashesMatch() {
        assertEquals("“Treaty of Brotherhood”", found("a final “Treaty of Brotherhood” between", "\"Treaty of Brotherhood\""));
        assertEquals("SOVIET–PERSIAN", found("SOVIET–PERSIAN TREATY", "SOVIET-PERSIAN"));
    }

    @Test
    void differentWordsDoNotMatch() {
        assertNull(found("Turkey abandoned its claim to Batumi", "Turkey gave up its claim to Batumi"));
        assertNull(found("influence", "in fluence"));
    }

    @Test
    void closestPassageLinesUpTheMostWords() {
        String text = "First sentence here. Turkey abandoned its claim to Batumi in exchange for concessions. Last.";
        QuoteLocator.Span s = new QuoteLocator(text).closest("Turkey gave up its claim to Batumi in exchange").orElseThrow();
        assertTrue(text.substring(s.start(), s.end()).startsWith("Turkey abandoned its claim to Batumi"), text.substring(s.start(), s.end()));
    }
}

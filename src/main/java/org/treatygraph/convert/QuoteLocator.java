package org.treatygraph.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a quote in a source text and gives its exact span. Matching forgives what OCR and copying change
 * but the words do not: runs of whitespace and line breaks, curly versus straight quotation marks, dash
 * variants, soft hyphens, and hyphenated line breaks ("in- fluence" in the text matches "influence", and
 * "all- out" matches "all-out"). The span is always into the original text.
 *
 * <p>Written here rather than taken from a library: Jena and the JDK have no text matcher that maps a
 * normalised match back to offsets in the original, which the Web Annotation selectors need.
 */
public final class QuoteLocator {
    /** A span of the source text, in UTF-16 char indexes [start, end). */
    public record Span(int start, int end) {}

    private final String text;
    /** The text with each char made {@link #canonical}: the same length, so its indexes are the text's. */
    private final String canonicalText;
    private List<int[]> words;          // [start, end) of each word, built on first use
    private Map<String, List<Integer>> wordIndex;

    public QuoteLocator(String text) {
        this.text = text;
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) c[i] = canonical(c[i]);
        this.canonicalText = new String(c);
    }

    /** The first place the quote occurs, if it does. */
    public Optional<Span> find(String quote) {
        String q = quote.strip();
        if (q.isEmpty()) return Optional.empty();
        char first = canonical(q.charAt(0));
        // indexOf finds the candidate starts far faster than a loop over the chars (one locator serves every quote of a source).
        for (int i = canonicalText.indexOf(first); i >= 0; i = canonicalText.indexOf(first, i + 1)) {
            int end = matchAt(i, q);
            if (end >= 0) return Optional.of(new Span(i, end));
        }
        return Optional.empty();
    }

    /** Returns the end index of a match of {@code q} starting at {@code start}, or -1. */
    private int matchAt(int start, String q) {
        int i = start, j = 0;
        int n = text.length(), m = q.length();
        while (j < m) {
            char qc = q.charAt(j);
            if (Character.isWhitespace(qc)) {
                if (i >= n || !Character.isWhitespace(text.charAt(i))) return -1;
                while (j < m && Character.isWhitespace(q.charAt(j))) j++;
                while (i < n && Character.isWhitespace(text.charAt(i))) i++;
                continue;
            }
            if (i >= n) return -1;
            char tc = text.charAt(i);
            if (tc == '\u00ad') { i++; continue; }
            if (tc == '-' && qc != '-' && isHyphenBreak(i)) {
                i = skipWhitespace(i + 1);
                continue;
            }
            if (canonicalText.charAt(i) != canonical(qc)) return -1;
            i++;
            j++;
            // "all-out" in the quote against "all- out" in the text.
            if (qc == '-' && j < m && !Character.isWhitespace(q.charAt(j)) && i < n && Character.isWhitespace(text.charAt(i)))
                i = skipWhitespace(i);
        }
        return i;
    }

    private boolean isHyphenBreak(int i) {
        return i > 0 && Character.isLetter(text.charAt(i - 1)) && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1));
    }

    private int skipWhitespace(int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i;
    }

    static char canonical(char c) {
        return switch (c) {
            case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb' -> '"';
            case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '`' -> '\'';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> '-';
            case '\u00a0' -> ' ';
            default -> c;
        };
    }

    /**
     * The passage most like the quote, for an error message when the quote is not found: the stretch of
     * text, as long as the quote, whose words line up with most of the quote's words.
     */
    public Optional<Span> closest(String quote) {
        indexWords();
        List<String> qWords = tokens(quote);
        if (qWords.isEmpty() || words.isEmpty()) return Optional.empty();
        Map<Integer, Integer> votes = new HashMap<>();
        for (int j = 0; j < qWords.size(); j++) {
            for (int k : wordIndex.getOrDefault(qWords.get(j), List.of())) votes.merge(k - j, 1, Integer::sum);
        }
        int best = Integer.MIN_VALUE, bestVotes = 0;
        for (Map.Entry<Integer, Integer> e : votes.entrySet()) {
            if (e.getValue() > bestVotes || (e.getValue() == bestVotes && e.getKey() < best)) {
                best = e.getKey();
                bestVotes = e.getValue();
            }
        }
        if (bestVotes == 0) return Optional.empty();
        // The words that line up near the best alignment (a changed word shifts the rest by one or two) bound the passage.
        int from = Integer.MAX_VALUE, to = -1;
        for (int j = 0; j < qWords.size(); j++) {
            for (int k : wordIndex.getOrDefault(qWords.get(j), List.of())) {
                if (Math.abs(k - j - best) <= 2) {
                    from = Math.min(from, k);
                    to = Math.max(to, k);
                }
            }
        }
        return Optional.of(new Span(words.get(from)[0], words.get(to)[1]));
    }

    private void indexWords() {
        if (words != null) return;
        words = new ArrayList<>();
        wordIndex = new HashMap<>();
        int i = 0, n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) i++;
            int s = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) i++;
            if (i > s) {
                wordIndex.computeIfAbsent(text.substring(s, i).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(words.size());
                words.add(new int[] {s, i});
            }
        }
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) if (!w.isEmpty()) out.add(w);
        return out;
    }
}

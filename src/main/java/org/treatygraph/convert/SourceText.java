package org.treatygraph.convert;

import java.util.Arrays;
import org.apache.jena.graph.Node;

/**
 * A source document's text, with what citations need: character offsets counted in Unicode code points
 * (as Web Annotation's TextPositionSelector requires), line numbers, and prefix/suffix context.
 */
public final class SourceText {
    private final String code;
    private final String fileName;
    private final Node iri;
    private final String text;
    private final int[] lineStarts;
    /** The char index of the second half of each surrogate pair, ascending: what a code-point offset skips. */
    private final int[] pairEnds;
    private final SourceLayout layout;
    private volatile int[][] years;   // see years()

    public SourceText(String code, String fileName, Node iri, String text) {
        this(code, fileName, iri, text, SourceLayout.ALL_RUNNING_TEXT);
    }

    SourceText(String code, String fileName, Node iri, String text, SourceLayout layout) {
        this.layout = layout;
        this.code = code;
        this.fileName = fileName;
        this.iri = iri;
        this.text = text;
        this.lineStarts = lineStarts(text);
        this.pairEnds = pairEnds(text);
    }

    public String code() { return code; }
    public String fileName() { return fileName; }
    public Node iri() { return iri; }
    public String text() { return text; }

    SourceLayout layout() { return layout; }

    /** The code-point offset of a UTF-16 char index. */
    public int codePointOffset(int charIndex) {
        // As text.codePointCount(0, charIndex), without counting from the start for each of thousands of citations.
        int i = Arrays.binarySearch(pairEnds, charIndex);
        return charIndex - (i >= 0 ? i : -i - 1);
    }

    private static int[] pairEnds(String text) {
        int[] out = new int[0];
        int n = 0;
        for (int i = 1; i < text.length(); i++) {
            if (Character.isLowSurrogate(text.charAt(i)) && Character.isHighSurrogate(text.charAt(i - 1))) {
                if (n == out.length) out = Arrays.copyOf(out, Math.max(8, 2 * n));
                out[n++] = i;
                i++;   // a low surrogate cannot begin another pair
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The 1-based line a char index lies on. */
    public int lineOf(int charIndex) {
        int i = Arrays.binarySearch(lineStarts, charIndex);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** The 1-based column of a char index on its line. */
    public int columnOf(int charIndex) {
        return charIndex - lineStarts[lineOf(charIndex) - 1] + 1;
    }

    /** Up to {@code n} characters before {@code charIndex}, not splitting a surrogate pair. */
    public String before(int charIndex, int n) {
        int from = Math.max(0, charIndex - n);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) from++;
        return text.substring(from, charIndex);
    }

    /** Up to {@code n} characters after {@code charIndex}, not splitting a surrogate pair. */
    public String after(int charIndex, int n) {
        int to = Math.min(text.length(), charIndex + n);
        if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) to--;
        return text.substring(charIndex, to);
    }

    /**
     * The year a reader has in mind at a point of the running text: the last year (1800–1999) the running
     * text named before it, skipping footnotes and the bibliography; -1 if none. It is how "on 13 April"
     * gets its year from the paragraph around it.
     */
    public int yearInForce(int charIndex) {
        int[][] y = years();
        int i = Arrays.binarySearch(y[0], charIndex);
        int before = i >= 0 ? i : -i - 1;   // the years that begin before charIndex
        return before == 0 ? -1 : y[1][before - 1];
    }

    /** Where each year of the running text begins, and the year: found once, for the many dates that ask. */
    private int[][] years() {
        int[][] y = years;
        if (y != null) return y;
        java.util.regex.Matcher m = YEAR.matcher(text);
        int[] starts = new int[16], values = new int[16];
        int n = 0;
        while (m.find()) {
            if (layout.regionOf(lineOf(m.start())) != SourceLayout.Region.RUNNING_TEXT) continue;
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, 2 * n);
                values = Arrays.copyOf(values, 2 * n);
            }
            starts[n] = m.start();
            values[n++] = Integer.parseInt(m.group());
        }
        y = new int[][] {Arrays.copyOf(starts, n), Arrays.copyOf(values, n)};
        years = y;
        return y;
    }

    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("(?<![\\p{Alnum}.,])1[89]\\d\\d(?![\\p{Alnum}]|[.,]\\d)");

    private static int[] lineStarts(String s) {
        int count = 1;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') count++;
        int[] starts = new int[count];
        int k = 1;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') starts[k++] = i + 1;
        return starts;
    }
}

package org.treatygraph.convert;

import java.util.BitSet;
import java.util.List;
import org.treatygraph.core.Location;
import org.treatygraph.core.Problem;

/**
 * Which lines of a source text are footnotes and where its bibliography starts, as data/sources.yaml
 * records them ({@code footnoteLines}, {@code bibliographyStartLine}). The editors read the layout once
 * and write it down; the build then knows for every citation whether it quotes running text.
 */
final class SourceLayout {
    enum Region { RUNNING_TEXT, FOOTNOTE, BIBLIOGRAPHY }

    static final SourceLayout ALL_RUNNING_TEXT = new SourceLayout(new BitSet(), Integer.MAX_VALUE);

    private final BitSet footnoteLines;
    private final int bibliographyStartLine;

    private SourceLayout(BitSet footnoteLines, int bibliographyStartLine) {
        this.footnoteLines = footnoteLines;
        this.bibliographyStartLine = bibliographyStartLine;
    }

    /**
     * @param footnoteLines "5, 11-15, 21" or null
     * @param bibliographyStartLine the first line of the bibliography, or null
     */
    static SourceLayout parse(String footnoteLines, String bibliographyStartLine, Location at, List<Problem> problems) {
        BitSet lines = new BitSet();
        if (footnoteLines != null) {
            for (String part : footnoteLines.split(",")) {
                String p = part.strip();
                if (p.isEmpty()) continue;
                String[] ends = p.split("-", 2);
                try {
                    int from = Integer.parseInt(ends[0].strip());
                    int to = ends.length == 1 ? from : Integer.parseInt(ends[1].strip());
                    if (from < 1 || to < from) throw new NumberFormatException();
                    lines.set(from, to + 1);
                } catch (NumberFormatException e) {
                    problems.add(new Problem(at, "footnoteLines: '" + p + "' is not a line or a range of lines (e.g. 11-15)"));
                }
            }
        }
        int bib = Integer.MAX_VALUE;
        if (bibliographyStartLine != null) {
            try {
                bib = Integer.parseInt(bibliographyStartLine.strip());
            } catch (NumberFormatException e) {
                problems.add(new Problem(at, "bibliographyStartLine: '" + bibliographyStartLine + "' is not a line number"));
            }
        }
        return new SourceLayout(lines, bib);
    }

    Region regionOf(int line) {
        if (line >= bibliographyStartLine) return Region.BIBLIOGRAPHY;
        return footnoteLines.get(line) ? Region.FOOTNOTE : Region.RUNNING_TEXT;
    }
}

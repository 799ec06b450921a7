package org.treatygraph.serve.view;

import java.util.List;

/**
 * The page of a cited passage (/sources/{file}?start=&amp;end=): the source (title, author, its record and
 * its whole text), the passage highlighted within its paragraph (the lines it spans), and the facts whose
 * citations overlap it.
 */
public record SourcePassage(String title, String author, String label, Link record, String textHref,
        int start, int end, int line, String before, String passage, String after, List<Citing> facts) {
    /** A fact whose citation overlaps the passage, with the words that citation quotes and their place. */
    public record Citing(Fact fact, String exact, String href) {}
}

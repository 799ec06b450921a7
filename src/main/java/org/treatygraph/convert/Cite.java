package org.treatygraph.convert;

import org.apache.jena.graph.Node;
import org.treatygraph.ontology.IriScheme;

/**
 * A located quote: the passage [start, end) of a source (UTF-16 indexes), the words the record gave, and
 * where in the source the passage sits.
 */
public record Cite(SourceText source, int start, int end, String quotedAs, PassagePlace place) implements Comparable<Cite> {
    public String exact() {
        return source.text().substring(start, end);
    }

    public int startOffset() {
        return source.codePointOffset(start);
    }

    public int endOffset() {
        return source.codePointOffset(end);
    }

    /** A stable IRI: the same passage of the same source is one citation node however often it is cited. */
    public Node iri() {
        return IriScheme.citation(source.code(), startOffset(), endOffset());
    }

    @Override
    public int compareTo(Cite o) {
        int c = source.code().compareTo(o.source.code());
        if (c != 0) return c;
        c = Integer.compare(start, o.start);
        return c != 0 ? c : Integer.compare(end, o.end);
    }
}

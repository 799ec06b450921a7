package org.treatygraph.convert;

import org.apache.jena.graph.Node;
import org.treatygraph.ontology.TG;

/** Where in its source a cited passage sits: a literature title is weaker evidence than the running text. */
public enum PassagePlace {
    RUNNING_TEXT("RunningText"),
    FOOTNOTE_TEXT("FootnoteText"),
    LITERATURE_TITLE("LiteratureTitle");

    private final String localName;

    PassagePlace(String localName) {
        this.localName = localName;
    }

    public Node node() {
        return TG.term(localName);
    }
}

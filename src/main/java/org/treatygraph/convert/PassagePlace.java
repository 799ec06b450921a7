package org.treatygraph.convert;

import org.apache.jena.graph.Node;
import org.treatygraph.ontology.TG;

/** Where in its source a cited passage sits: a literature title is weaker evidence than the running text. */
public enum PassagePlace {
    RUNNING_TEXT(TG.RunningText),
    FOOTNOTE_TEXT(TG.FootnoteText),
    LITERATURE_TITLE(TG.LiteratureTitle);

    private final Node node;

    PassagePlace(Node node) {
        this.node = node;
    }

    public Node node() {
        return node;
    }
}

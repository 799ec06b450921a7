package org.treatygraph.convert;

import org.apache.jena.graph.Node;
import org.treatygraph.ontology.TG;

/** What a fact rests on, strongest first. */
public enum Basis {
    STATED(TG.Stated),
    READING(TG.Reading),
    EDITORIAL(TG.Editorial);

    private final Node node;

    Basis(Node node) {
        this.node = node;
    }

    public Node node() {
        return node;
    }
}

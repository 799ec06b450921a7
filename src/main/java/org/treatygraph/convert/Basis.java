package org.treatygraph.convert;

import org.apache.jena.graph.Node;
import org.treatygraph.ontology.TG;

/** What a fact rests on, strongest first. */
public enum Basis {
    STATED("Stated"),
    READING("Reading"),
    EDITORIAL("Editorial");

    private final String localName;

    Basis(String localName) {
        this.localName = localName;
    }

    public Node node() {
        return TG.term(localName);
    }
}

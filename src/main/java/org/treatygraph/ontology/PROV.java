package org.treatygraph.ontology;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The PROV-O terms the graph writes. Jena ships vocabulary classes for OA, VOID, DCAT, SKOS and more, but none for PROV. */
public final class PROV {
    private PROV() {}

    public static final String NS = Prefixes.MAPPING.getNsPrefixURI("prov");

    public static final Node wasAttributedTo = NodeFactory.createURI(NS + "wasAttributedTo");
    public static final Node wasDerivedFrom = NodeFactory.createURI(NS + "wasDerivedFrom");
}

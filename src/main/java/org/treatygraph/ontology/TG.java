package org.treatygraph.ontology;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The IRIs of the treaty graph: namespaces, named graphs and the few ontology terms code needs by name. */
public final class TG {
    private TG() {}

    public static final String BASE = "https://w3id.org/treaty-graph/";
    public static final String NS = BASE + "ontology#";
    public static final String ONTOLOGY = BASE + "ontology";
    public static final String SHAPES = BASE + "shapes";
    public static final String ID = BASE + "id/";
    public static final String GRAPH = BASE + "graph/";
    public static final String CONTEXT = BASE + "context.jsonld";

    public static final Node ASSERTED_GRAPH = NodeFactory.createURI(GRAPH + "asserted");
    public static final Node PROVENANCE_GRAPH = NodeFactory.createURI(GRAPH + "provenance");
    public static final Node ONTOLOGY_GRAPH = NodeFactory.createURI(GRAPH + "ontology");
    public static final Node INFERRED_GRAPH = NodeFactory.createURI(GRAPH + "inferred");

    public static final String OA = "http://www.w3.org/ns/oa#";
    /** PROV-O: Jena ships no vocabulary class for it. */
    public static final String PROV = "http://www.w3.org/ns/prov#";
    /** Wikidata's item namespace: what a checked link (skos:exactMatch) points into. */
    public static final String WIKIDATA_ENTITY = "http://www.wikidata.org/entity/";

    public static Node term(String localName) {
        return NodeFactory.createURI(NS + localName);
    }

    public static Node oa(String localName) {
        return NodeFactory.createURI(OA + localName);
    }

    public static Node entity(String id) {
        return IriScheme.iri(id);
    }

    // Terms the converter treats specially (annotations it reads, dates it completes, citations it writes).
    public static final Node recordKey = term("recordKey");
    public static final Node idKind = term("idKind");
    public static final Node dateValue = term("dateValue");
    public static final Node dateText = term("dateText");
    public static final Node earliest = term("earliest");
    public static final Node latest = term("latest");
    public static final Node citation = term("citation");
    public static final Node Citation = term("Citation");
    public static final Node SourceDocument = term("SourceDocument");
    public static final Node sourceCode = term("sourceCode");
    public static final Node sourceFile = term("sourceFile");
    public static final Node sha256 = term("sha256");
    public static final Node quotedAs = term("quotedAs");
    public static final Node lineNumber = term("lineNumber");
    public static final Node note = term("note");
    public static final Node basis = term("basis");
    public static final Node reading = term("reading");
    public static final Node accordingTo = term("accordingTo");
    public static final Node ofEntity = term("ofEntity");
    public static final Node derivedFrom = term("derivedFrom");
    public static final Node editorialReason = term("editorialReason");
    public static final Node editors = term("editors");
    public static final Node passagePlace = term("passagePlace");
    public static final Node onlyLiteratureTitle = term("onlyLiteratureTitle");
}

package org.treatygraph.ontology;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The one owner of the graph's IRI scheme: an entity is {@code id/{kind}/{slug}}, a node of it
 * {@code id/{kind}/{slug}/{slug}/…}, a fact's statement {@code id/statement/{hash}}. Everything else asks
 * here rather than cutting strings; queries use the ownership triples ({@code tg:ofEntity}) the build
 * writes from these answers.
 */
public final class IriScheme {
    private IriScheme() {}

    /** The IRI of an id ("agreement/treaty-of-kars-1921", or a nested "agreement/treaty-of-kars-1921/article-5"). */
    public static Node iri(String id) {
        return NodeFactory.createURI(TG.ID + id);
    }

    /** The id of an IRI of the graph ("agreement/treaty-of-kars-1921"), or null for any other node. */
    public static String id(Node n) {
        return n != null && n.isURI() ? id(n.getURI()) : null;
    }

    /** The id of an IRI string of the graph, or null for any other IRI. */
    public static String id(String iri) {
        return iri != null && iri.startsWith(TG.ID) ? iri.substring(TG.ID.length()) : null;
    }

    /** Whether a node is one of the graph's (an entity, a nested node, a statement, a citation). */
    public static boolean isOurs(Node n) {
        return id(n) != null;
    }

    /** The id, or the node's own text where it is not one of the graph's (for messages). */
    public static String show(Node n) {
        String id = id(n);
        return id != null ? id : n.toString();
    }

    /** The id of an IRI string, or the IRI itself where it is not one of the graph's (for messages and tables). */
    public static String show(String iri) {
        String id = id(iri);
        return id != null ? id : iri;
    }

    /** The entity a node of the graph belongs to (itself for an entity), or null for a statement or an outside node. */
    public static Node owner(Node n) {
        String id = id(n);
        if (id == null || id.startsWith("statement/") || id.startsWith("citation/")) return null;
        String[] parts = id.split("/", 3);
        return parts.length < 2 ? null : iri(parts[0] + "/" + parts[1]);
    }
}

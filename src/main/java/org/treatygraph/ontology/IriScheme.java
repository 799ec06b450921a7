package org.treatygraph.ontology;

import java.util.regex.Pattern;
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

    public static final String BASE = "https://w3id.org/treaty-graph/";
    /** The ontology document (its terms are {@link TG}). */
    public static final String ONTOLOGY = BASE + "ontology";
    public static final String SHAPES = BASE + "shapes";
    /** Where entities, their nodes and statements live. */
    public static final String ID = BASE + "id/";
    public static final String GRAPH = BASE + "graph/";
    public static final String CONTEXT = BASE + "context.jsonld";

    public static final Node ASSERTED_GRAPH = NodeFactory.createURI(GRAPH + "asserted");
    public static final Node PROVENANCE_GRAPH = NodeFactory.createURI(GRAPH + "provenance");
    public static final Node ONTOLOGY_GRAPH = NodeFactory.createURI(GRAPH + "ontology");
    public static final Node INFERRED_GRAPH = NodeFactory.createURI(GRAPH + "inferred");

    /** Wikidata's item namespace: what a checked link (skos:exactMatch) points into (the ontology's wd: prefix). */
    public static final String WIKIDATA_ITEM = Prefixes.MAPPING.getNsPrefixURI("wd");

    /** An entity's id: {kind}/{slug}, a lower-case, hyphenated slug (groups: kind, slug). */
    public static final Pattern ENTITY_ID = Pattern.compile("([a-z]+)/([a-z0-9]+(?:-[a-z0-9]+)*)");

    /** Whether text is an entity's id ("polity/persia"), whether or not the graph has such an entity. */
    public static boolean isEntityId(String text) {
        return text != null && ENTITY_ID.matcher(text).matches();
    }

    /** The IRI of an id ("agreement/treaty-of-kars-1921", or a nested "agreement/treaty-of-kars-1921/article-5"). */
    public static Node iri(String id) {
        return NodeFactory.createURI(ID + id);
    }

    /** The node of an entity's geometry (its point on a map): {@code id/territory/kars/geometry}, a node of the entity. */
    public static Node geometry(Node entity) {
        return NodeFactory.createURI(entity.getURI() + "/geometry");
    }

    /** The node of a cited passage: one per passage of a source however often it is cited. */
    public static Node citation(String sourceCode, int startOffset, int endOffset) {
        return iri("citation/" + sourceCode + "-" + startOffset + "-" + endOffset);
    }

    /** The node of a fact's statement, named by the hash of the fact. */
    public static Node statement(String hash) {
        return iri("statement/" + hash);
    }

    /** The id of an IRI of the graph ("agreement/treaty-of-kars-1921"), or null for any other node. */
    public static String id(Node n) {
        return n != null && n.isURI() ? id(n.getURI()) : null;
    }

    /** The id of an IRI string of the graph, or null for any other IRI. */
    public static String id(String iri) {
        return iri != null && iri.startsWith(ID) ? iri.substring(ID.length()) : null;
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

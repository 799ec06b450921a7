package org.treatygraph.reason;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.TriplePattern;
import org.apache.jena.reasoner.rulesys.Functor;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Which triples are schema (ontology axioms) and which are data, as the reasoner splits them: schema
 * triples use the RDFS or OWL vocabulary (or list cells, or the rules' own helpers); rdf:type is schema
 * when its class is an RDFS or OWL meta-class such as owl:TransitiveProperty.
 */
final class Vocabulary {
    private Vocabulary() {}

    /** The rule file's namespace for helper triples that never leave the reasoner. */
    static final String RULES = "https://w3id.org/treaty-graph/rules#";
    /** What an inconsistency rule derives: (?x tgr:violation error('rule', 'message', args…)). */
    static final Node VIOLATION = NodeFactory.createURI(RULES + "violation");

    static boolean isSchema(Node p, Node o) {
        if (!p.isURI()) return false;
        if (p.equals(RDF.type.asNode())) return o.isURI() && isMetaClass(o);
        if (p.equals(RDF.first.asNode()) || p.equals(RDF.rest.asNode())) return true;
        if (p.equals(OWL.sameAs.asNode()) || p.equals(OWL.differentFrom.asNode())) return false;
        String ns = p.getNameSpace();
        return ns.equals(RDFS.uri) || ns.equals(OWL.NS) || ns.equals(RULES);
    }

    static boolean isSchema(Triple t) {
        return isSchema(t.getPredicate(), t.getObject());
    }

    static boolean isSchema(TriplePattern t) {
        return !t.getPredicate().isVariable() && isSchema(t.getPredicate(), t.getObject());
    }

    private static boolean isMetaClass(Node c) {
        if (c.equals(OWL.Thing.asNode()) || c.equals(OWL.Nothing.asNode())) return false;
        String ns = c.getNameSpace();
        return ns.equals(RDFS.uri) || ns.equals(OWL.NS) || c.equals(RDF.Property.asNode());
    }

    static boolean isHelper(Triple t) {
        return t.getPredicate().isURI() && t.getPredicate().getNameSpace().equals(RULES);
    }

    static boolean isViolation(Triple t) {
        return t.getPredicate().equals(VIOLATION) && Functor.isFunctor(t.getObject());
    }

    /** Whether an inferred triple belongs in the published closure (not a helper, report or literal subject). */
    static boolean isPublishable(Triple t) {
        return !isHelper(t) && !isViolation(t) && !t.getSubject().isLiteral() && !Functor.isFunctor(t.getObject())
                && !t.getPredicate().isLiteral();
    }

    static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}

package org.treatygraph.ontology;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;

/** Reading a variable of a query's answer, beside {@link Prefixes#query}: the one way the project's code does it. */
public final class Solutions {
    private Solutions() {}

    /** A literal's lexical form, a resource's IRI (or blank node label), or null where the variable is unbound. */
    public static String text(QuerySolution s, String var) {
        RDFNode n = s.get(var);
        return n == null ? null : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
    }

    /** The IRI bound to the variable, or null where it is unbound or not an IRI. */
    public static String uri(QuerySolution s, String var) {
        RDFNode n = s.get(var);
        return n != null && n.isURIResource() ? n.asResource().getURI() : null;
    }
}

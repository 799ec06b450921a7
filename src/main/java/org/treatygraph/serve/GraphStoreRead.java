package org.treatygraph.serve;

import org.apache.jena.fuseki.servlets.GSP_R;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

/**
 * Fuseki's read-only Graph Store Protocol, refusing a graph= that is not an absolute IRI with a 400 that
 * says so. Fuseki answers it "No such graph" (404) and logs a warning besides.
 */
final class GraphStoreRead extends GSP_R {
    @Override
    public void validate(HttpAction action) {
        String graph = action.getRequestParameter("graph");
        if (graph != null && !isAbsoluteIri(graph))
            ServletOps.errorBadRequest(Refusals.ascii("graph=\"" + Refusals.oneLine(graph, 100) + "\" is not an absolute IRI (the graphs are listed at /treaties/sparql)"));
        super.validate(action);
    }

    private static boolean isAbsoluteIri(String s) {
        try {
            return IRIx.create(s).isAbsolute();
        } catch (IRIException e) {
            return false;
        }
    }
}

package org.treatygraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.Project;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Progress;
import org.treatygraph.reason.Explanation;

/**
 * /explain?s=IRI&amp;p=IRI&amp;o=IRI: why a fact holds, step by step in words (ExplainPage). The derivations live in
 * the reasoner's memory, not in the store: the graph this server's start built ({@link Site#built}), or for a
 * server that opened an existing store, the graph built once, at the first request.
 */
final class ExplainServlet extends HttpServlet {
    private final Site site;
    private final Project project;
    private volatile TreatyGraph graph;

    ExplainServlet(Site site, Project project) {
        this.site = site;
        this.project = project;
    }

    private TreatyGraph graph() throws IOException {
        TreatyGraph g = site.built();
        if (g != null) return g;
        g = graph;
        if (g != null) return g;
        synchronized (this) {
            if (graph == null) graph = new GraphBuilder(project, Progress.SILENT).build();
            return graph;
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String s = req.getParameter("s"), p = req.getParameter("p"), o = req.getParameter("o");
        if (s == null || p == null || o == null) {
            resp.sendError(400, "give the fact as ?s=IRI&p=IRI&o=IRI (o may be a literal in N-Triples form, e.g. \"1921\"^^<http://www.w3.org/2001/XMLSchema#gYear>)");
            return;
        }
        Node object;
        try {
            object = o.startsWith("\"") ? org.apache.jena.sparql.util.NodeFactoryExtra.parseNode(o) : NodeFactory.createURI(o);
        } catch (RuntimeException e) {
            resp.sendError(400, "o: " + e.getMessage());
            return;
        }
        TreatyGraph g = graph();
        Triple t = Triple.create(NodeFactory.createURI(s), NodeFactory.createURI(p), object);
        Optional<Explanation> why = g.closure().explain(t);
        if (why.isEmpty()) Refusals.reason(req, Explanation.show(t, g.displayPrefixes()) + " is neither asserted nor inferred");
        Replies.html(resp, why.isEmpty() ? 404 : 200, ExplainPage.render(site, g, t, why));
    }
}

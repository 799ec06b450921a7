package org.treatygraph.serve;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.eclipse.jetty.http.HttpStatus;

/**
 * Fuseki's query operation, except that answers are computed in full before the first byte is sent, and
 * only up to the configured size. Fuseki streams rows as they come, so a timeout that strikes while they
 * stream can only truncate them under a 200 (measured: status 200, 1.2 KB or 48 MB of JSON ending in
 * "Query cancelled due to timeout"; a response buffer does not help, Fuseki writes the marker and keeps the
 * 200). Computed in full, a timeout happens before anything is written, and Fuseki answers 503. Fuseki also
 * builds CONSTRUCT and DESCRIBE graphs in memory with no bound. Here every kind of answer is counted as it is
 * computed (rows or triples, and the bytes of their terms), and one that grows past the limits ends in a 503
 * that says so before it can take the heap (measured before: one SELECT * { ?a ?b ?c . ?d ?e ?f } took the
 * JVM to 6.5 GB).
 */
final class AllOrNothingQuery extends SPARQL_QueryDataset {
    private final Limits limits;

    AllOrNothingQuery(Limits limits) {
        this.limits = limits;
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query query, String queryStringLog) {
        try {
            return execute(action, queryExec, query, queryStringLog);
        } catch (BoundedExecution.TooMuchWork e) {
            ServletOps.error(HttpStatus.SERVICE_UNAVAILABLE_503, e.getMessage());
            return null;   // not reached: error() throws
        }
    }

    private QueryExecResult execute(HttpAction action, QueryExec queryExec, Query query, String queryStringLog) {
        if (query.isSelectType()) return new QueryExecResult(rows(queryExec.select()));
        if (query.isConstructType() && query.isConstructQuad()) {
            DatasetGraph d = DatasetGraphFactory.create();
            Budget budget = new Budget("quads");
            for (Iterator<Quad> it = queryExec.constructQuads(); it.hasNext(); ) {
                Quad q = it.next();
                budget.spend(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
                d.add(q);
            }
            return new QueryExecResult(d);
        }
        if (query.isConstructType()) return new QueryExecResult(graph(queryExec.constructTriples()));
        if (query.isDescribeType()) return new QueryExecResult(graph(queryExec.describeTriples()));
        return super.executeQuery(action, queryExec, query, queryStringLog);   // ASK, JSON
    }

    private RowSet rows(RowSet rs) {
        List<Var> vars = rs.getResultVars();
        List<Binding> rows = new ArrayList<>();
        Budget budget = new Budget("rows");
        while (rs.hasNext()) {
            Binding b = rs.next();
            Node[] terms = new Node[vars.size()];
            for (int i = 0; i < terms.length; i++) terms[i] = b.get(vars.get(i));
            budget.spend(terms);
            rows.add(b);
        }
        return RowSetStream.create(vars, rows.iterator());
    }

    private Graph graph(Iterator<Triple> triples) {
        Graph g = GraphFactory.createDefaultGraph();
        Budget budget = new Budget("triples");
        while (triples.hasNext()) {
            Triple t = triples.next();
            budget.spend(t.getSubject(), t.getPredicate(), t.getObject());
            g.add(t);
        }
        return g;
    }

    /** What one answer has used so far; past a limit it ends the request with a 503 saying which. */
    private final class Budget {
        private final String unit;
        private long count, bytes;

        Budget(String unit) {
            this.unit = unit;
        }

        void spend(Node... terms) {
            count++;
            for (Node n : terms) bytes += n == null ? 0 : size(n);
            if (count > limits.resultRows())
                ServletOps.error(HttpStatus.SERVICE_UNAVAILABLE_503, "The answer has more than " + limits.resultRows() + " " + unit
                        + ", this endpoint's limit: ask for fewer (LIMIT, or a narrower pattern), or use the dumps (/dumps/).");
            if (bytes > limits.resultBytes())
                ServletOps.error(HttpStatus.SERVICE_UNAVAILABLE_503, "The answer holds more than " + limits.resultBytes() / (1024 * 1024)
                        + " MB of terms, this endpoint's limit: ask for fewer (LIMIT, or a narrower pattern), or use the dumps (/dumps/).");
        }

        private static long size(Node n) {
            if (n.isURI()) return n.getURI().length();
            if (n.isLiteral()) return n.getLiteralLexicalForm().length() + n.getLiteralDatatypeURI().length() / 4;
            return 16;
        }
    }
}

package org.treatygraph.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
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
 * Fuseki's query operation as this server runs it.
 * <ul>
 * <li>Answers are computed in full before the first byte is sent, and only up to the configured size.
 * Fuseki streams rows as they come, so a timeout that strikes while they stream can only truncate them
 * under a 200 (measured: status 200, 1.2 KB or 48 MB of JSON ending in "Query cancelled due to timeout"; a
 * response buffer does not help, Fuseki writes the marker and keeps the 200). Computed in full, a timeout
 * happens before anything is written, and Fuseki answers 503. Fuseki also builds CONSTRUCT and DESCRIBE
 * graphs in memory with no bound. Here every kind of answer is counted as it is computed (rows or triples,
 * and the bytes of their terms), and one that grows past the limits ends in a 503 that says so before it
 * can take the heap (measured before: one SELECT * { ?a ?b ?c . ?d ?e ?f } took the JVM to 6.5 GB).</li>
 * <li>A GET without a query is answered with the endpoint's SPARQL 1.1 service description
 * ({@link ServiceDescription}), or the query page for a browser, where Fuseki says 404.</li>
 * <li>A client's mistakes are refused with a 4xx and a message where Fuseki would fail with a 500 and a
 * stack trace in the log: a query body that is not UTF-8, a query nested deeper than the parser's or the
 * evaluator's stack (thousands of UNIONs or property-path steps), a SERVICE the allow-list refuses.</li>
 * </ul>
 */
final class QueryOperation extends SPARQL_QueryDataset {
    private static final String TOO_DEEP = "the query nests too deeply for this endpoint to evaluate (thousands of UNIONs, property-path steps, "
            + "OPTIONALs or nested groups in one chain); split it into smaller queries";
    private final Site site;
    private final Limits limits;

    QueryOperation(Site site, Limits limits) {
        this.site = site;
        this.limits = limits;
    }

    @Override
    public void execGet(HttpAction action) {
        if (action.getRequestQueryString() == null) describe(action);
        else super.execGet(action);
    }

    private void describe(HttpAction action) {
        Replies.vary(action.getResponse(), "Accept, Accept-Encoding");   // one path, several formats, gzipped when large
        Formats[] offered = {Formats.TURTLE, Formats.HTML, Formats.JSONLD, Formats.RDFXML, Formats.NTRIPLES};
        String accept = action.getRequestHeader("Accept");
        Formats f = Formats.negotiate(accept, offered);
        if (f == null) ServletOps.error(406, Formats.notAcceptable(accept, offered));
        String endpoint = action.getRequestRequestURL();
        if (f == Formats.HTML) QueryPageServlet.allowEditorStyles(action.getResponse());
        byte[] body = (f == Formats.HTML ? site.queryPage : ServiceDescription.of(endpoint, site.dataset(), f)).getBytes(StandardCharsets.UTF_8);
        action.setResponseStatus(200);
        action.setResponseContentType(f.contentType());
        action.setResponseContentLength(body.length);
        try (OutputStream out = action.getResponseOutputStream()) {
            out.write(body);
        } catch (IOException e) {
            ServletOps.errorOccurred(e);
        }
    }

    /** The query of an application/sparql-query POST: UTF-8, as the SPARQL 1.1 Protocol says (Fuseki would replace bad bytes silently). */
    @Override
    protected void executeBody(HttpAction action) {
        String charset = action.getRequestCharacterEncoding();
        if (charset != null && !charset.equalsIgnoreCase("UTF-8"))
            ServletOps.error(415, "a query sent as application/sparql-query is UTF-8 (SPARQL 1.1 Protocol); this one says charset=" + Refusals.ascii(charset));
        String query = null;
        try {
            byte[] bytes = action.getRequestInputStream().readAllBytes();
            query = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            ServletOps.errorBadRequest("the query in the body is not UTF-8 text");
        } catch (IOException e) {
            ServletOps.errorOccurred(e);
        }
        execute(query, action);
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        try {
            // Parsed here first (Fuseki parses it again; little beside running it): a syntax error is refused with
            // Fuseki's message but without the WARN line Fuseki logs besides the refusal's, and a parser whose
            // stack overflowed on nested groups says so rather than "StackOverflowError".
            if (queryString != null && !queryString.isBlank()) QueryFactory.create(queryString, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
            super.execute(queryString, action);
        } catch (QueryParseException e) {
            ServletOps.errorBadRequest(e.getCause() instanceof StackOverflowError ? TOO_DEEP : Refusals.ascii(SPARQLProtocol.messageForParseException(e)));
        } catch (StackOverflowError e) {   // the stack unwound to here: the server is fine, the query was too deep to evaluate
            ServletOps.errorBadRequest(TOO_DEEP);
        } catch (ServiceAllowList.NotAllowed e) {
            ServletOps.error(403, Refusals.ascii(e.getMessage()));
        }
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

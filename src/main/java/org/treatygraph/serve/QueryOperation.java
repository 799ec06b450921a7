package org.treatygraph.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;

/**
 * Fuseki's query operation as this server runs it.
 * <ul>
 * <li>SELECT results are computed in full before the first byte is sent. Fuseki streams rows as they come,
 * so a timeout that strikes while they stream can only truncate them under a 200 (measured: status 200,
 * 1.2 KB or 48 MB of JSON ending in "Query cancelled due to timeout"; a response buffer does not help,
 * Fuseki writes the marker and keeps the 200). Computed in full, a timeout happens before anything is
 * written, and Fuseki answers 503. The cost is memory for a large result, bounded by what the query
 * timeout lets a query produce.</li>
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

    QueryOperation(Site site) {
        this.site = site;
    }

    @Override
    public void execGet(HttpAction action) {
        if (action.getRequestQueryString() == null) describe(action);
        else super.execGet(action);
    }

    private void describe(HttpAction action) {
        action.setResponseHeader("Vary", "Accept");
        Formats[] offered = {Formats.TURTLE, Formats.HTML, Formats.JSONLD, Formats.RDFXML, Formats.NTRIPLES};
        String accept = action.getRequestHeader("Accept");
        Formats f = Formats.negotiate(accept, offered);
        if (f == null) ServletOps.error(406, Formats.notAcceptable(accept, offered));
        String endpoint = action.getRequestRequestURL();
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
        QueryExecResult result = super.executeQuery(action, queryExec, query, queryStringLog);
        return result.isRowSet() ? new QueryExecResult(result.rowSet().materialize()) : result;
    }
}

package org.treatygraph.serve;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;

/**
 * Fuseki's query operation, except that SELECT results are computed in full before the first byte is
 * sent. Fuseki streams rows as they come, so a timeout that strikes while they stream can only truncate
 * them under a 200 (measured: status 200, 1.2 KB or 48 MB of JSON ending in "Query cancelled due to
 * timeout"; a response buffer does not help, Fuseki writes the marker and keeps the 200). Computed in
 * full, a timeout happens before anything is written, and Fuseki answers 503. The cost is memory for a
 * large result, bounded by what the query timeout lets a query produce.
 */
final class AllOrNothingQuery extends SPARQL_QueryDataset {
    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query query, String queryStringLog) {
        QueryExecResult result = super.executeQuery(action, queryExec, query, queryStringLog);
        return result.isRowSet() ? new QueryExecResult(result.rowSet().materialize()) : result;
    }
}

package org.treatygraph.serve;

/**
 * How much work one request may cause, from the configuration (fuseki-config/treaty-graph.ttl). A public
 * endpoint answers everyone: without these, a handful of cheap requests (a cross product, a 12 MB query,
 * a batch of a thousand reconciliation queries) take every thread and the heap.
 *
 * @param serverThreads     request threads in all (Jetty's pool)
 * @param concurrentQueries SPARQL queries that run at once; the other request threads stay free for pages,
 *                          dumps and ping
 * @param queuedQueries     queries that may wait for a free slot; one more is refused at once (503, Retry-After)
 * @param queueWaitMillis   how long a query waits for a slot before it is refused
 * @param resultRows        rows (or triples) an answer may hold; computed in full before it is sent (all or nothing)
 * @param resultBytes       bytes of terms an answer may hold, counted as it is computed
 * @param heldRows          rows a query may hand to an operator that holds them all (ORDER BY, DISTINCT, GROUP BY)
 * @param requestBytes      a request's body, or its query string, in bytes (413 beyond)
 * @param reconcileQueries  queries in one reconciliation batch
 * @param reconcileLimit    candidates one reconciliation query may ask for
 */
record Limits(int serverThreads, int concurrentQueries, int queuedQueries, long queueWaitMillis, long resultRows, long resultBytes, long heldRows,
              long requestBytes, int reconcileQueries, int reconcileLimit) {

    static Limits from(ConfigContext c) {
        Limits l = new Limits((int) c.number("tg:serverThreads", 8), (int) c.number("tg:concurrentQueries", 1), (int) c.number("tg:queuedQueries", 0), c.number("tg:queueWaitMillis", 0),
                c.number("tg:resultRows", 1), c.number("tg:resultBytes", 1024), c.number("tg:heldRows", 1), c.number("tg:requestBytes", 1024),
                (int) c.number("tg:reconcileQueries", 1), (int) c.number("tg:reconcileLimit", 1));
        int reserve = l.serverThreads - l.concurrentQueries - l.queuedQueries;
        if (reserve < 4)   // Jetty's acceptors and selectors take threads of the pool too
            throw new IllegalArgumentException(c.file() + ": tg:serverThreads (" + l.serverThreads + ") leaves " + reserve
                    + " thread(s) beside the SPARQL queries that run and wait (tg:concurrentQueries + tg:queuedQueries); pages and ping need at least 4");
        return l;
    }
}

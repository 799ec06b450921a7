package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** /wikidata/proposals over the served graph: the proposals in words with their lines, what waits and why, the properties' checks. */
class WikidataProposalsPageTest {
    @Test
    void theReviewPageListsProposalsSkippedFactsAndProperties() throws Exception {
        var resp = SiteServer.get("/wikidata/proposals");
        assertEquals(200, resp.statusCode());
        Document page = SiteServer.page("/wikidata/proposals");
        // The Armenian SSR (Q132856) was proclaimed on 2 December 1920 (source 001): its inception, with its line.
        String proposals = page.select("ol.proposals").text();
        assertTrue(proposals.contains("Armenian SSR") || proposals.contains("Armenian Soviet"), proposals);
        assertTrue(proposals.contains("inception (P571): 2 December 1920"), proposals);
        assertTrue(page.select("pre.qs-lines").text().contains("Q132856\tP571\t+1920-12-02T00:00:00Z/11\tS854\t"), page.select("pre.qs-lines").text());
        assertFalse(page.select("ol.proposals a[href*=/sources/]").isEmpty(), "each reference links to its passage");
        // What is not proposed, with a reason: a linked entity's fact whose value has no link.
        String skipped = page.select("#skipped + table").text();
        assertTrue(skipped.contains("has no checked Wikidata link"), skipped);
        // The properties, each with where it was checked.
        String props = page.select("#properties + table").text();
        assertTrue(props.contains("P1891 (signatory)") && props.contains("P1683 (quote)") && props.contains("P813 (retrieved)"), props);
        assertFalse(page.select("#properties + table a[href^=https://github.com/hiropppe/neo4j-js-ng2/]").isEmpty());
    }
}

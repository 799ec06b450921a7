package org.treatygraph.serve;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.ontology.IriScheme;

/** The ontology's documentation page, generated once per server (kept by its Site) from the ontology and the data's examples. */
final class OntologyPages {
    private OntologyPages() {}

    static String html(Site site) {
        TreatyGraph built = site.built();
        String page = site.ontologyPage;
        if (page != null) return page;
        Graph ontology = RDFDataMgr.loadGraph(site.ontologyFile.toString());
        Graph data = built != null ? built.asserted() : Txn.calculateRead(site.dataset(), () -> {
            Graph g = GraphFactory.createDefaultGraph();
            site.dataset().getGraph(IriScheme.ASSERTED_GRAPH).find().forEach(g::add);
            return g;
        });
        page = OntologyDocumentation.render(ontology, null, data, site::local);
        site.ontologyPage = page;
        return page;
    }
}

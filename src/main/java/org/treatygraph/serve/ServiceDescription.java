package org.treatygraph.serve;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.treatygraph.core.Resources;

/** The SPARQL 1.1 Service Description of the query endpoint: service-description.ttl, with the store's named graphs and their sizes. */
final class ServiceDescription {
    private ServiceDescription() {}

    /** The description of the endpoint at {@code endpoint} (its URL, the base of the file) over {@code store}, in {@code format}. */
    static String of(String endpoint, DatasetGraph store, Formats format) {
        List<String> named = new ArrayList<>();
        Txn.executeRead(store, () -> store.listGraphNodes().forEachRemaining(g -> named.add("[ a sd:NamedGraph ; sd:name " + NodeFmtLib.strNT(g)
                + " ; sd:graph [ a sd:Graph ; void:triples " + store.getGraph(g).size() + " ] ]")));
        named.sort(null);
        String turtle = Resources.text(ServiceDescription.class, "service-description.ttl").replace("NAMED_GRAPHS", String.join(" ,\n        ", named));
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).base(endpoint).parse(g);
        return RDFWriter.source(g).format(format.format).asString();
    }
}

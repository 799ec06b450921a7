package org.treatygraph.convert;

import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.treatygraph.ontology.TG;

/**
 * The built graph: the asserted facts, their provenance and the ontology, each in its named graph, and
 * where in the records each entity and fact was written (for error messages that point at a line).
 */
public final class TreatyGraph {
    private final Graph asserted;
    private final Graph provenance;
    private final Graph ontology;
    private final Map<Node, Location> locations;

    TreatyGraph(Graph asserted, Graph provenance, Graph ontology, Map<Node, Location> locations) {
        this.asserted = asserted;
        this.provenance = provenance;
        this.ontology = ontology;
        this.locations = locations;
    }

    public Graph asserted() { return asserted; }
    public Graph provenance() { return provenance; }
    public Graph ontology() { return ontology; }

    /** Where an entity, nested node or statement was written. */
    public Location locationOf(Node n) {
        return locations.get(n);
    }

    /** The prefixes every dump uses: the ontology's, and id: for the entities. */
    public Map<String, String> prefixes() {
        Map<String, String> p = new java.util.TreeMap<>(ontology.getPrefixMapping().getNsPrefixMap());
        p.put("id", TG.ID);
        return p;
    }

    /** The facts and their provenance in one graph: what the Turtle, N-Triples and JSON-LD dumps hold. */
    public Graph factsAndProvenance() {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(prefixes());
        asserted.find().forEach(g::add);
        provenance.find().forEach(g::add);
        return g;
    }

    /** Every named graph, as the TriG dump holds them. */
    public DatasetGraph namedGraphs() {
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        dsg.addGraph(TG.ASSERTED_GRAPH, asserted);
        dsg.addGraph(TG.PROVENANCE_GRAPH, provenance);
        dsg.addGraph(TG.ONTOLOGY_GRAPH, ontology);
        dsg.prefixes().putAll(prefixes());
        return dsg;
    }

    /** Facts, provenance and ontology in one graph: what SHACL validates and the default graph queries see. */
    public Graph union() {
        Graph union = GraphFactory.createDefaultGraph();
        asserted.find().forEach(union::add);
        provenance.find().forEach(union::add);
        ontology.find().forEach(union::add);
        return union;
    }

    /** The named graphs with their union as the default graph, as the service answers queries. */
    public Dataset queryDataset() {
        DatasetGraph dsg = DatasetGraphFactory.create(union());
        DatasetGraph named = namedGraphs();
        named.listGraphNodes().forEachRemaining(g -> dsg.addGraph(g, named.getGraph(g)));
        return DatasetFactory.wrap(dsg);
    }
}

package org.treatygraph.convert;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.SKOS;
import org.treatygraph.core.Location;
import org.treatygraph.ontology.GEO;
import org.treatygraph.ontology.Hierarchy;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;
import org.treatygraph.ontology.TG;
import org.treatygraph.reason.Closure;

/**
 * The built graph: the asserted facts, their provenance, the ontology and the inferred closure, each in
 * its named graph; where in the records each entity and fact was written (for error messages that point
 * at a line); and the reasoner's derivations, to explain inferred facts.
 */
public final class TreatyGraph {
    private final Graph asserted;
    private final Graph provenance;
    private final Graph ontology;
    private Hierarchy hierarchy;
    private final Closure closure;
    private final Graph inferred;
    private final Map<Node, Location> locations;

    TreatyGraph(Graph asserted, Graph provenance, Graph ontology, Closure closure, Map<Node, Location> locations) {
        this.asserted = asserted;
        this.provenance = provenance;
        this.ontology = ontology;
        this.closure = closure;
        this.locations = locations;
        // Inferences about the ontology's anonymous class expressions (blank nodes) say nothing about an
        // entity, and their blank node labels would change from build to build: they stay out.
        this.inferred = GraphFactory.createDefaultGraph();
        closure.inferred().find().filterDrop(t -> t.getSubject().isBlank() || t.getObject().isBlank()).forEach(inferred::add);
    }

    public Graph asserted() { return asserted; }
    public Graph provenance() { return provenance; }
    public Graph ontology() { return ontology; }
    /** The ontology's class and property hierarchy: the one place that walks rdfs:subClassOf and rdfs:subPropertyOf. */
    public synchronized Hierarchy hierarchy() {
        if (hierarchy == null) hierarchy = new Hierarchy(ontology);
        return hierarchy;
    }
    /** What the ontology entails beyond the asserted facts and the ontology itself. */
    public Graph inferred() { return inferred; }
    /** The materialised closure with its derivations, for explanations. */
    public Closure closure() { return closure; }

    /** The checked Wikidata links: the asserted skos:exactMatch triples into Wikidata's item namespace. */
    public List<Triple> wikidataLinks() {
        return asserted.find(Node.ANY, SKOS.exactMatch.asNode(), Node.ANY)
                .filterKeep(t -> t.getObject().isURI() && t.getObject().getURI().startsWith(IriScheme.WIKIDATA_ITEM)).toList();
    }

    /** The territories with checked coordinates (data/places.yaml): their asserted geo:hasGeometry triples. */
    public List<Triple> geometries() {
        return asserted.find(Node.ANY, GEO.hasGeometry, Node.ANY).toList();
    }

    /** The territories that say why they have no coordinates: their asserted tg:noCoordinatesReason triples. */
    public List<Triple> noCoordinates() {
        return asserted.find(Node.ANY, TG.noCoordinatesReason, Node.ANY).toList();
    }

    /** The node of an asserted fact's statement in the provenance graph: its basis, citations, reading. */
    public static Node statementOf(Triple t) {
        return Provenance.statementIri(t);
    }

    /** Where an asserted fact was written in the records, or null. */
    public Location locationOfFact(Triple t) {
        return locations.get(Provenance.statementIri(t));
    }

    /** Where an entity, nested node or statement was written. */
    public Location locationOf(Node n) {
        return locations.get(n);
    }

    /** The prefixes every dump uses: the project's one mapping (the ontology's, and id: for the entities). */
    public Map<String, String> prefixes() {
        return new java.util.TreeMap<>(Prefixes.MAPPING.getNsPrefixMap());
    }

    /** The dump prefixes as a Jena prefix mapping, for showing IRIs to people. */
    public PrefixMapping displayPrefixes() {
        return Prefixes.MAPPING;
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
        dsg.addGraph(IriScheme.ASSERTED_GRAPH, asserted);
        dsg.addGraph(IriScheme.PROVENANCE_GRAPH, provenance);
        dsg.addGraph(IriScheme.ONTOLOGY_GRAPH, ontology);
        dsg.addGraph(IriScheme.INFERRED_GRAPH, inferred);
        dsg.prefixes().putAll(prefixes());
        return dsg;
    }

    /** Facts, provenance and ontology in one graph: what SHACL validates. */
    public Graph union() {
        Graph union = GraphFactory.createDefaultGraph();
        asserted.find().forEach(union::add);
        provenance.find().forEach(union::add);
        ontology.find().forEach(union::add);
        return union;
    }

    /** Every named graph in one, inferred triples included: the default graph queries see. */
    public Graph unionWithInferred() {
        Graph union = union();
        inferred.find().forEach(union::add);
        return union;
    }

    /** The named graphs with their union as the default graph, as the service answers queries. */
    public Dataset queryDataset() {
        DatasetGraph dsg = DatasetGraphFactory.create(unionWithInferred());
        DatasetGraph named = namedGraphs();
        named.listGraphNodes().forEachRemaining(g -> dsg.addGraph(g, named.getGraph(g)));
        return DatasetFactory.wrap(dsg);
    }
}

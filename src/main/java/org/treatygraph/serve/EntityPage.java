package org.treatygraph.serve;

import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.treatygraph.ontology.TG;

/**
 * The page for people about one entity (entity.jte), rendered from its description alone: what
 * describe-entity.rq made for the RDF views, read as a document by {@link EntityDocument}.
 */
final class EntityPage {
    private EntityPage() {}

    static String render(Site site, DatasetGraph description, String iri) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("e", new EntityDocument(site, description, NodeFactory.createURI(iri)).view());
        // A territory's page also shows its history as a strip, from the store (HistoryStrips: the history query).
        if (description.getUnionGraph().contains(NodeFactory.createURI(iri), RDF.type.asNode(), TG.Territory))
            params.put("strip", HistoryStrips.of(site, site.dataset(), iri));
        // An entity with places that have coordinates gets a small map of them (place-map.js draws its .geojson).
        if (site.places.hasPoints(iri)) params.put("placesJson", site.local(iri) + ".geojson");
        return Templates.render("entity.jte", params);
    }
}

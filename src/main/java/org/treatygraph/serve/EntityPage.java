package org.treatygraph.serve;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.TG;
import org.treatygraph.serve.view.EntityTimeline;

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
        // A polity's or a territory's page also shows the instruments and events that concern it on the timeline's axis.
        if (description.getUnionGraph().contains(NodeFactory.createURI(iri), RDF.type.asNode(), TG.Territory)
                || description.getUnionGraph().contains(NodeFactory.createURI(iri), RDF.type.asNode(), TG.Polity)) {
            EntityTimeline timeline = timeline(site, iri);
            if (timeline != null) params.put("timeline", timeline);
        }
        // An entity with places that have coordinates gets a small map of them (place-map.js draws its .geojson).
        if (site.places.hasPoints(iri)) params.put("placesJson", site.local(iri) + ".geojson");
        return Templates.render("entity.jte", params);
    }

    /** The timeline of what concerns the entity, or null when nothing on the timeline does. */
    static EntityTimeline timeline(Site site, String iri) {
        List<Timeline.Item> items = site.timeline().concerning(site.dataset(), iri);
        if (items.isEmpty()) return null;
        TimelineServlet.Rows rows = TimelineServlet.Rows.of(site, items);
        // The browse facet that lists its instruments: a polity is a party value, a territory a territory value.
        String id = IriScheme.id(iri);
        InstrumentTable.Facet facet = id.startsWith("territory/") ? InstrumentTable.Facet.TERRITORY : InstrumentTable.Facet.PARTY;
        boolean listed = site.instruments().rows.stream().anyMatch(i -> i.values(facet).contains(id));
        return new EntityTimeline(Timeline.axis(), rows.drawn(), rows.outside(), rows.undated(), listed ? "/timeline?" + facet.param + "=" + id : null);
    }
}

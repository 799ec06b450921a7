package org.treatygraph.serve;

import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The page for people about one entity (entity.jte), rendered from its description alone: what
 * describe-entity.rq made for the RDF views, read as a document by {@link EntityDocument}.
 */
final class EntityPage {
    private EntityPage() {}

    static String render(Site site, DatasetGraph description, String iri) {
        return Templates.render("entity.jte", Map.of("e", new EntityDocument(site, description, NodeFactory.createURI(iri)).view()));
    }
}

package org.treatygraph.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.treatygraph.ontology.Prefixes;

/**
 * Entity descriptions: one query (describe-entity.rq) makes an entity's description from the store, and
 * every view of the entity, its RDF in each syntax and its page, is rendered from that description alone.
 * The rendered views one server has served are kept, most recently used first. The service is read-only
 * (fuseki-config: query and GSP-read only) and its store is loaded before it opens, so a description cannot
 * change while the server runs. Measured (docs/entity-description-benchmark.md): a description is an index
 * lookup of ~1,700 triples, about 7 times the work of Fuseki's DESCRIBE of the same entity's own triples;
 * served again from here it costs nothing but the copy.
 * Size from -Dtreatygraph.descriptionCache (default 512 entries; 0 turns it off).
 */
final class Descriptions {
    private static final Query DESCRIBE = Prefixes.query(Descriptions.class, "describe-entity.rq");

    private final int capacity = Integer.getInteger("treatygraph.descriptionCache", 512);
    private final Map<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > capacity;
        }
    };

    /**
     * An entity's view in a format: {@code render} turns its description into bytes the first time; null
     * when the store says nothing about the entity (not kept, so a 404 is never cached).
     */
    byte[] view(Dataset store, Node entity, Formats format, Function<DatasetGraph, byte[]> render) {
        String key = format.name() + " " + entity.getURI();
        if (capacity > 0) {
            synchronized (entries) {
                byte[] b = entries.get(key);
                if (b != null) return b;
            }
        }
        DatasetGraph description = Txn.calculateRead(store, () -> describe(store, entity));
        if (!description.getDefaultGraph().contains(entity, Node.ANY, Node.ANY)) return null;
        byte[] made = render.apply(description);
        if (capacity > 0) {
            synchronized (entries) {
                entries.put(key, made);
            }
        }
        return made;
    }

    /**
     * The description: each triple in its graph (asserted, inferred, provenance, ontology), and in the
     * default graph their union, which is what the RDF views serve.
     */
    static DatasetGraph describe(Dataset store, Node entity) {
        try (QueryExecution qe = QueryExecution.dataset(store).query(DESCRIBE).substitution("entity", ResourceFactory.createResource(entity.getURI())).build()) {
            DatasetGraph named = qe.execConstructDataset().asDatasetGraph();
            DatasetGraph d = DatasetGraphFactory.createGeneral();
            named.find().forEachRemaining(q -> {
                d.add(q);
                d.getDefaultGraph().add(q.asTriple());
            });
            d.getDefaultGraph().getPrefixMapping().setNsPrefixes(Prefixes.MAPPING);
            return d;
        }
    }
}

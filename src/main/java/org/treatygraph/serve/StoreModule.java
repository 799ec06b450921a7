package org.treatygraph.serve;

import java.util.List;
import java.util.Set;
import org.apache.jena.fuseki.FusekiConfigException;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Progress;

/**
 * The store behind the one service the configuration declares: loads a fresh build into it when it is in
 * memory (a store on disk comes from {@link Rebuild}), hands it to the site's pages, and puts the
 * {@link StartGate} in front of every route, which holds requests while a fresh build's store on disk loads.
 */
final class StoreModule implements FusekiModule {
    private final Site site;
    private final TreatyGraph toLoad;
    private final Readiness loaded;
    private final Progress progress;

    /**
     * @param toLoad the graph to load into an in-memory store, or null when the store on disk holds the build or will
     * @param loaded whether the store on disk is loaded: what every request waits for
     */
    StoreModule(Site site, TreatyGraph toLoad, Readiness loaded, Progress progress) {
        this.site = site;
        this.toLoad = toLoad;
        this.loaded = loaded;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "treaty-graph store";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model config) {
        // The first of the builder's filters (this module comes right after the HTTP policy, whose filter and
        // Fuseki's CORS filter come first): before every route, ping and the SPARQL service's gate too.
        builder.addFilter("/*", new StartGate(loaded));
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model config) {
        List<DataAccessPoint> points = registry.accessPoints();
        if (points.size() != 1) throw new FusekiConfigException("expected one service in the configuration, found " + points.size());
        DatasetGraph dsg = points.get(0).getDataService().getDataset();
        if (toLoad != null) {
            progress.step("loading the named graphs into the store");
            Txn.executeWrite(dsg, () -> copy(toLoad.namedGraphs(), dsg));
        }
        site.dataset(dsg);
    }

    /** Adds every named graph of {@code named} to {@code dsg}, in the caller's write transaction. */
    static void copy(DatasetGraph named, DatasetGraph dsg) {
        named.listGraphNodes().forEachRemaining(gn -> named.getGraph(gn).find().forEach(t -> dsg.add(gn, t.getSubject(), t.getPredicate(), t.getObject())));
    }
}

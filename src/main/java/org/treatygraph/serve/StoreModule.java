package org.treatygraph.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
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
 * The store behind the one service the configuration declares: loads the named graphs of a fresh build into
 * it (and marks it current), and hands it to the site's pages.
 */
final class StoreModule implements FusekiModule {
    private final Site site;
    private final TreatyGraph toLoad;
    private final Store store;
    private final Progress progress;

    /**
     * @param toLoad the graph to load, or null when the store already holds the current build
     * @param store the on-disk store to mark current after loading, or null for an in-memory one
     */
    StoreModule(Site site, TreatyGraph toLoad, Store store, Progress progress) {
        this.site = site;
        this.toLoad = toLoad;
        this.store = store;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "treaty-graph store";
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model config) {
        List<DataAccessPoint> points = registry.accessPoints();
        if (points.size() != 1) throw new FusekiConfigException("expected one service in the configuration, found " + points.size());
        DatasetGraph dsg = points.get(0).getDataService().getDataset();
        if (toLoad != null) {
            progress.step("loading the named graphs into the store");
            Txn.executeWrite(dsg, () -> {
                var named = toLoad.namedGraphs();
                named.listGraphNodes().forEachRemaining(gn -> named.getGraph(gn).find().forEach(t -> dsg.add(gn, t.getSubject(), t.getPredicate(), t.getObject())));
            });
            if (store != null) {
                try {
                    store.markCurrent();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        site.dataset(dsg);
    }
}

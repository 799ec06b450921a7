package org.treatygraph.serve;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.rdf.model.Model;

/**
 * How the SPARQL endpoint answers: every query all or nothing (no truncated 200), a service description
 * where no query is given, a client's mistakes as 4xx ({@link QueryOperation}, {@link GraphStoreRead}), and
 * SERVICE calls only to the endpoints the configuration (and the command line) allow.
 */
final class SparqlModule implements FusekiModule {
    private final Site site;
    private final List<String> alsoAllowed;

    /** @param alsoAllowed SERVICE endpoints allowed beside the configuration's (from the command line) */
    SparqlModule(Site site, List<String> alsoAllowed) {
        this.site = site;
        this.alsoAllowed = List.copyOf(alsoAllowed);
    }

    @Override
    public String name() {
        return "treaty-graph sparql";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model config) {
        builder.registerOperation(Operation.Query, new QueryOperation(site));
        builder.registerOperation(Operation.GSP_R, new GraphStoreRead());
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model config) {
        Set<String> services = new HashSet<>(ServiceAllowList.fromConfig(config));
        services.addAll(alsoAllowed);
        String userAgent = ServiceAllowList.userAgent(config);
        for (DataAccessPoint point : registry.accessPoints())
            ServiceAllowList.apply(point.getDataService().getDataset(), services, userAgent);
    }
}

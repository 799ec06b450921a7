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
 * How the SPARQL endpoint answers: a bounded number of queries at once and requests of a bounded size
 * ({@link QueryGate}), every answer all or nothing and of a bounded size, a service description where no
 * query is given, a client's mistakes as 4xx ({@link QueryOperation}, {@link GraphStoreRead}), rows held
 * by sorting and grouping bounded ({@link BoundedExecution}), and
 * SERVICE calls only to the endpoints the configuration (and the command line) allow.
 */
final class SparqlModule implements FusekiModule {
    private final Site site;
    private final List<String> alsoAllowed;
    private final Limits limits;

    /** @param alsoAllowed SERVICE endpoints allowed beside the configuration's (from the command line) */
    SparqlModule(Site site, List<String> alsoAllowed, Limits limits) {
        this.site = site;
        this.alsoAllowed = List.copyOf(alsoAllowed);
        this.limits = limits;
    }

    @Override
    public String name() {
        return "treaty-graph sparql";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model config) {
        builder.registerOperation(Operation.Query, new QueryOperation(site, limits));
        builder.registerOperation(Operation.GSP_R, new GraphStoreRead());
        // A form's body is read by the container (for any filter that asks for a parameter): the same limit.
        builder.addServletAttribute("org.eclipse.jetty.server.Request.maxFormContentSize", (int) limits.requestBytes());
        QueryGate gate = new QueryGate(limits);   // one gate for all of a dataset's endpoints: the limit is the server's
        for (String dataset : datasetNames) builder.addFilter(dataset + "/*", gate);
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model config) {
        Set<String> services = new HashSet<>(ServiceAllowList.fromConfig(config));
        services.addAll(alsoAllowed);
        String userAgent = ServiceAllowList.userAgent(config);
        for (DataAccessPoint point : registry.accessPoints()) {
            ServiceAllowList.apply(point.getDataService().getDataset(), services, userAgent);
            BoundedExecution.apply(point.getDataService().getDataset(), limits.heldRows());
        }
    }
}

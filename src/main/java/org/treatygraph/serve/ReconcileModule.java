package org.treatygraph.serve;

import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;

/** The reconciliation service (/reconcile and its routes, {@link ReconcileServlet}) that OpenRefine and other reconciling clients speak. */
final class ReconcileModule implements FusekiModule {
    private final Site site;
    private final Limits limits;

    ReconcileModule(Site site, Limits limits) {
        this.site = site;
        this.limits = limits;
    }

    @Override
    public String name() {
        return "treaty-graph reconciliation";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model config) {
        ReconcileServlet servlet = new ReconcileServlet(site, limits);
        builder.addServlet("/reconcile", servlet).addServlet("/reconcile/*", servlet);
    }
}

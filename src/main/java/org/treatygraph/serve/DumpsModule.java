package org.treatygraph.serve;

import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;

/** The dumps this server's build wrote, their checksums, the dataset description at /.well-known/void, the releases and their ontologies. */
final class DumpsModule implements FusekiModule {
    private final Site site;

    DumpsModule(Site site) {
        this.site = site;
    }

    @Override
    public String name() {
        return "treaty-graph dumps";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model config) {
        DumpsServlet dumps = new DumpsServlet(site);
        builder.addServlet("/dumps/*", dumps).addServlet("/dumps", dumps).addServlet("/.well-known/void", dumps)
                .addServlet("/ontology/*", dumps);   // an ontology version IRI: the ontology as that release has it
    }
}

package org.treatygraph.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.Project;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Progress;
import org.treatygraph.publish.DumpWriter;

/**
 * The embedded server: Fuseki configured from fuseki-config/treaty-graph.ttl (only the store's location
 * is set here), with the Linked Data, ontology and dump routes beside the SPARQL service. On start it
 * builds the graph and loads the store when the inputs changed since the store was loaded; otherwise it
 * opens the store as it is.
 */
public final class TreatyServer implements AutoCloseable {
    /**
     * How to run: the project, the configuration file, the store (null: in memory), port, public base for
     * links, loopback only, and the query timeout in seconds (null: the configuration's).
     */
    public record Options(Project project, Path config, Path db, int port, String baseIri, boolean loopback, Integer timeoutSeconds,
                          List<String> allowedServices) {
        public Options(Project project, Path config, Path db, int port, String baseIri, boolean loopback, Integer timeoutSeconds) {
            this(project, config, db, port, baseIri, loopback, timeoutSeconds, List.of());
        }
    }

    private final FusekiServer fuseki;
    private final DatasetGraph dataset;
    private final String url;

    private TreatyServer(FusekiServer fuseki, DatasetGraph dataset, String url) {
        this.fuseki = fuseki;
        this.dataset = dataset;
        this.url = url;
    }

    public static TreatyServer start(Options o, Progress progress) throws IOException {
        Path runDir = o.db() == null ? o.project().root().resolve("run") : o.db().toAbsolutePath().getParent();
        Path dumps = runDir.resolve("dumps");
        Store store = o.db() == null ? null : new Store(o.project(), o.db().toAbsolutePath());
        boolean rebuild = store == null || !store.isCurrent() || !java.nio.file.Files.isDirectory(dumps);
        TreatyGraph graph = null;
        if (rebuild) {
            progress.step(store == null ? "building the graph for an in-memory store" : "the inputs changed since the store was loaded: building the graph");
            graph = new GraphBuilder(o.project(), progress).build();   // bad input stops here, before anything is touched
            new DumpWriter(progress, o.project().wikidataCacheDir()).write(graph, dumps);
            if (store != null) store.delete();
        } else {
            progress.step("opening the store " + o.db() + " (loaded from the current inputs)");
        }

        Model config = RDFDataMgr.loadModel(o.config().toString());
        Property location = config.createProperty("http://jena.apache.org/2016/tdb#", "location");
        List<Resource> stores = config.listSubjectsWithProperty(location).toList();
        if (stores.size() != 1) throw new IOException(o.config() + ": expected one tdb2:location, found " + stores.size());
        stores.get(0).removeAll(location).addProperty(location, o.db() == null ? "--mem--" : o.db().toAbsolutePath().toString());

        if (o.timeoutSeconds() != null) setTimeout(config, o.timeoutSeconds());
        int port = o.port();
        String base = o.baseIri();
        Site site = new Site(dumps, o.project().sourcesDir(), o.project().ontologyFile(), o.project().shapesFile(), base);
        TreatyGraph built = graph;
        Supplier<String> ontologyPage = () -> OntologyPages.html(site, built);
        FusekiServer.Builder builder = FusekiServer.create().registerOperation(org.apache.jena.fuseki.server.Operation.Query, new AllOrNothingQuery())
                .port(port).loopback(o.loopback()).parseConfig(config)
                .enablePing(true).enableCors(true, null);
        OntologyServlet ontologyServlet = new OntologyServlet(o.project().ontologyFile(), ontologyPage);
        OntologyServlet shapesServlet = new OntologyServlet(o.project().shapesFile(),
                () -> ShapesPage.render(RDFDataMgr.loadGraph(o.project().shapesFile().toString())));
        builder.addServlet("/ontology", ontologyServlet).addServlet("/shapes", shapesServlet);
        for (Formats f : Formats.values()) {
            if (f == Formats.HTML) continue;
            builder.addServlet("/ontology." + f.suffix, ontologyServlet).addServlet("/shapes." + f.suffix, shapesServlet);
        }
        FusekiServer fuseki = builder
                .addServlet("/id/*", new EntityServlet(site))
                .addServlet("/explain", new ExplainServlet(o.project(), graph))
                .addServlet("/reconcile", new ReconcileServlet(site))
                .addServlet("/query", new QueryPageServlet(o.project().root().resolve("queries")))
                .addServlet("/dumps/*", new DumpsServlet(site))
                .addServlet("/dumps", new DumpsServlet(site))
                .addServlet("/.well-known/void", new DumpsServlet(site))
                .addServlet("/sources/*", new SourcesServlet(site))
                .addServlet("", new HomeServlet())
                .addServlet("/favicon.ico", new HomeServlet())
                .build();
        List<DataAccessPoint> points = fuseki.getDataAccessPointRegistry().accessPoints();
        if (points.size() != 1) throw new IOException(o.config() + ": expected one service, found " + points.size());
        DatasetGraph dsg = points.get(0).getDataService().getDataset();
        if (rebuild) {
            progress.step("loading the named graphs into the store");
            TreatyGraph g = graph;
            Txn.executeWrite(dsg, () -> {
                var named = g.namedGraphs();
                named.listGraphNodes().forEachRemaining(gn -> named.getGraph(gn).find().forEach(t -> dsg.add(gn, t.getSubject(), t.getPredicate(), t.getObject())));
            });
            if (store != null) store.markCurrent();
        }
        java.util.Set<String> services = ServiceAllowList.fromConfig(config);
        services.addAll(o.allowedServices());
        ServiceAllowList.apply(dsg, services, ServiceAllowList.userAgent(config));
        site.dataset(dsg);
        compress(fuseki);
        fuseki.start();
        String url = "http://localhost:" + fuseki.getPort() + "/";
        return new TreatyServer(fuseki, dsg, url);
    }

    /**
     * Fuseki Main does not compress responses: Jetty's GzipHandler goes around everything, for clients that
     * send Accept-Encoding: gzip (the .gz dumps are already compressed and pass as they are).
     */
    private static void compress(FusekiServer fuseki) {
        org.eclipse.jetty.server.Server jetty = fuseki.getJettyServer();
        org.eclipse.jetty.server.handler.gzip.GzipHandler gzip = new org.eclipse.jetty.server.handler.gzip.GzipHandler();
        gzip.setMinGzipSize(1024);
        gzip.addIncludedMethods("GET", "POST");
        gzip.setHandler(jetty.getHandler());
        jetty.setHandler(gzip);
    }

    /** Overrides the configuration's arq:queryTimeout (milliseconds, to the first result and overall). */
    private static void setTimeout(Model config, int seconds) throws IOException {
        String ja = "http://jena.hpl.hp.com/2005/11/Assembler#";
        List<Resource> settings = config.listSubjectsWithProperty(config.createProperty(ja, "cxtName"), "arq:queryTimeout").toList();
        if (settings.isEmpty()) throw new IOException("the configuration sets no arq:queryTimeout to override");
        String ms = seconds * 1000 + "," + seconds * 1000;
        for (Resource r : settings) r.removeAll(config.createProperty(ja, "cxtValue")).addProperty(config.createProperty(ja, "cxtValue"), ms);
    }

    public int port() {
        return fuseki.getPort();
    }

    /** The server's own address, e.g. http://localhost:3030/. */
    public String url() {
        return url;
    }

    public void join() {
        fuseki.join();
    }

    /** Stops the server and closes the store (Fuseki's stop leaves datasets open). */
    @Override
    public void close() {
        fuseki.stop();
        dataset.close();
        try {
            TDBInternal.expel(dataset);
        } catch (RuntimeException notTdb) {
            // an in-memory store has nothing more to release
        }
    }
}

package org.treatygraph.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.assembler.JA;
import org.apache.jena.fuseki.FusekiConfigException;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.assembler.VocabTDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.Project;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Progress;
import org.treatygraph.publish.DumpWriter;

/**
 * The embedded server: Fuseki configured from fuseki-config/treaty-graph.ttl (only the store's location
 * and the timeout are set here), assembled from Fuseki modules, one a concern: how it speaks HTTP (CORS,
 * headers, refusals, from the files beside the configuration: {@link HttpPolicyModule}), the store
 * ({@link StoreModule}), the SPARQL endpoint's policies ({@link SparqlModule}), the pages
 * ({@link PagesModule}), the dumps ({@link DumpsModule}), reconciliation ({@link ReconcileModule}) and
 * compression ({@link CompressionModule}). On start it builds the graph and loads the store when the
 * inputs changed since the store was loaded; otherwise it opens the store as it is.
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
        Property location = VocabTDB2.pLocation;
        List<Resource> stores = config.listSubjectsWithProperty(location).toList();
        if (stores.size() != 1) throw new IOException(o.config() + ": expected one tdb2:location, found " + stores.size());
        stores.get(0).removeAll(location).addProperty(location, o.db() == null ? "--mem--" : o.db().toAbsolutePath().toString());
        if (o.timeoutSeconds() != null) setTimeout(config, o.timeoutSeconds());

        // Everything a route keeps lives in this server's Site and modules, never in statics: two servers in
        // one JVM keep their own state.
        Site site = new Site(dumps, o.project().sourcesDir(), o.project().ontologyFile(), o.project().shapesFile(), o.baseIri());
        FusekiModules modules = FusekiModules.create(
                new HttpPolicyModule(o.config().toAbsolutePath().getParent()),
                new StoreModule(site, graph, store, progress),
                new SparqlModule(site, o.allowedServices()),
                new PagesModule(site, o.project(), graph),
                new DumpsModule(site),
                new ReconcileModule(site),
                new CompressionModule());
        FusekiServer fuseki;
        try {
            fuseki = FusekiServer.create().fusekiModules(modules)
                    .port(o.port()).loopback(o.loopback()).parseConfig(config)
                    .enablePing(true)
                    .build();
        } catch (FusekiConfigException e) {
            throw new IOException(o.config() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {   // from a module: the store could not be marked, the query folder not read
            throw e.getCause();
        }
        fuseki.start();
        return new TreatyServer(fuseki, site.dataset(), "http://localhost:" + fuseki.getPort() + "/");
    }

    /** Overrides the configuration's arq:queryTimeout (milliseconds, to the first result and overall). */
    private static void setTimeout(Model config, int seconds) throws IOException {
        List<Resource> settings = config.listSubjectsWithProperty(JA.cxtName, "arq:queryTimeout").toList();
        if (settings.isEmpty()) throw new IOException("the configuration sets no arq:queryTimeout to override");
        String ms = seconds * 1000 + "," + seconds * 1000;
        for (Resource r : settings) r.removeAll(JA.cxtValue).addProperty(JA.cxtValue, ms);
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

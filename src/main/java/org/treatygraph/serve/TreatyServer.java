package org.treatygraph.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
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
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.Project;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Progress;
import org.treatygraph.publish.DumpWriter;
import org.treatygraph.serve.Store.Generation;

/**
 * The embedded server: Fuseki configured from fuseki-config/treaty-graph.ttl (only the store's location
 * and the timeout are set here), assembled from Fuseki modules, one a concern: how it speaks HTTP (CORS,
 * headers, refusals, from the files beside the configuration: {@link HttpPolicyModule}), the store
 * ({@link StoreModule}), the SPARQL endpoint's policies ({@link SparqlModule}), the pages
 * ({@link PagesModule}), search ({@link SearchModule}), the dumps ({@link DumpsModule}), reconciliation ({@link ReconcileModule}) and
 * compression ({@link CompressionModule}). On start it claims the store directory ({@link Store}), and
 * serves its current generation when that was built from the current inputs; otherwise it builds the graph
 * and a new generation beside the current one ({@link Rebuild}), or serves the current one on when the
 * inputs are broken.
 */
public final class TreatyServer implements AutoCloseable {
    /** Where a server listens unless told otherwise: this machine only. */
    public static final String LOOPBACK = "localhost";

    /**
     * How to run: the project, the configuration file, the store directory (null: in memory), port, public
     * base for links, the address to listen on ({@link #LOOPBACK}, an address of this machine, or 0.0.0.0 for
     * every interface), the query timeout in seconds (null: the configuration's), the SERVICE endpoints
     * allowed, the bytes a rebuild must leave free on the store's disk, the releases directory to serve (null: none),
     * and a published snapshot to serve a copy of instead of building (null: build from the inputs; see {@link Snapshot}).
     */
    public record Options(Project project, Path config, Path db, int port, String baseIri, String host, Integer timeoutSeconds,
                          List<String> allowedServices, long keepFreeBytes, Path releases, Path snapshot) {
        public static final long DEFAULT_KEEP_FREE = 64L << 20;

        /** Without a releases directory (nothing under /dumps/releases/) and without a snapshot (built from the inputs). */
        public Options(Project project, Path config, Path db, int port, String baseIri, String host, Integer timeoutSeconds,
                       List<String> allowedServices, long keepFreeBytes) {
            this(project, config, db, port, baseIri, host, timeoutSeconds, allowedServices, keepFreeBytes, null, null);
        }

        public Options(Project project, Path config, Path db, int port, String baseIri, String host, Integer timeoutSeconds,
                       List<String> allowedServices) {
            this(project, config, db, port, baseIri, host, timeoutSeconds, allowedServices, DEFAULT_KEEP_FREE);
        }

        public Options(Project project, Path config, Path db, int port, String baseIri, String host, Integer timeoutSeconds) {
            this(project, config, db, port, baseIri, host, timeoutSeconds, List.of());
        }
    }

    /**
     * What this start serves: the TDB2 database (null: in memory) and the dumps of the same build, the graph
     * when this start built it before the server was set up (in memory; else null), why it is not the build of the
     * current inputs (else null), the fingerprint of what it was built from (inputs and code: what a page's ETag
     * names), when it was built (what a page's Last-Modified names), and whether it is a fresh build on disk, whose
     * store loads while the server listens, its requests held at the gate until {@link #settle}.
     */
    private record Served(Path tdb2, Path dumps, TreatyGraph built, String stale, String fingerprint, java.time.Instant builtAt,
                          boolean fresh) {
        Served(Path tdb2, Path dumps, TreatyGraph built, String stale, String fingerprint, java.time.Instant builtAt) {
            this(tdb2, dumps, built, stale, fingerprint, builtAt, false);
        }
    }

    /** What a fresh build does once the server answers: writes its dumps and makes its generation current. */
    private interface Finish {
        void run() throws IOException;
    }

    private static final String FINGERPRINTING = "fingerprinting the inputs";

    private final FusekiServer fuseki;
    private final DatasetGraph dataset;
    private final String shownHost;
    private final Store store;        // null in memory
    private final Path scratch;       // an in-memory server's own dumps directory, removed on close; else null
    private final String stale;
    private final Site site;
    private final Readiness loaded;       // a fresh build's store: what every request waits for (StartGate)
    private final Readiness dumpsReady;
    private volatile Thread finishing;   // writes a fresh build's dumps after the start; null when there is none

    private TreatyServer(FusekiServer fuseki, Site site, String shownHost, Store store, Path scratch, String stale, Readiness loaded,
                         Readiness dumpsReady) {
        this.fuseki = fuseki;
        this.dataset = site.dataset();
        this.site = site;
        this.shownHost = shownHost;
        this.store = store;
        this.scratch = scratch;
        this.stale = stale;
        this.loaded = loaded;
        this.dumpsReady = dumpsReady;
    }

    /** What a build of the project is made from (inputs and the running code): a release records it, so a server knows its build. */
    public static String fingerprint(Project project) throws IOException {
        return Fingerprint.of(project);
    }

    public static TreatyServer start(Options o, Progress progress) throws IOException {
        InetAddress listen;
        try {
            listen = InetAddress.getByName(o.host());   // before the build: a mistyped host fails at once
        } catch (UnknownHostException e) {
            throw new IOException("cannot listen on '" + o.host() + "': no such host or address");
        }
        // The lock comes first: nothing in the directory is read, written or removed unless it is ours.
        Store store = o.db() == null ? null : Store.lock(o.db());
        Path scratch = null;
        try {
            if (store != null) return onDisk(store, o, listen, progress);
            progress.step("building the graph for an in-memory store");
            TreatyGraph graph = new GraphBuilder(o.project(), progress).build();
            // Its own directory, so no other server's build is ever served beside this one.
            scratch = Files.createTempDirectory("treaty-graph-");
            Path dumps = scratch.resolve("dumps");
            // Written before it answers: an in-memory store (tests, trials) has no generation to switch, and
            // a load test that starts at once finds its dumps there.
            new DumpWriter(progress, o.project().wikidataCacheDir()).write(graph, dumps);
            return serve(o, listen, new Served(null, dumps, graph, null, Fingerprint.of(o.project()), java.time.Instant.now()), store, scratch, progress);
        } catch (IOException | RuntimeException | Error e) {
            if (store != null) store.close();
            if (scratch != null) Store.deleteTree(scratch);
            throw e;
        }
    }

    /**
     * The current generation when it was built from the current inputs; else a new one, built beside it and
     * switched to when complete ({@link #fresh}). When the inputs are broken, the current generation serves on,
     * and says why.
     */
    private static TreatyServer onDisk(Store store, Options o, InetAddress listen, Progress progress) throws IOException {
        if (store.holdsEarlierLayout()) {
            progress.step("note: " + store.dir() + " also holds a store of the earlier layout (Data-0001, tdb.lock; "
                    + store.dir().getFileName() + ".fingerprint and dumps/ beside it); it is no longer read and can be deleted");
        }
        if (o.snapshot() != null) {   // a replica: a copy of the published build, never one of its own
            Generation copy = Snapshot.install(store, o.snapshot(), Fingerprint.of(o.project()), o.keepFreeBytes(), progress);
            return serve(o, listen, new Served(copy.tdb2(), copy.dumps(), null, null, copy.fingerprint(), copy.builtAt()), store, null, progress);
        }
        Generation current = store.current();
        store.removeOthers(current, progress);   // what a killed rebuild left
        // The inputs are hashed now (the running jar's 60 MB too); with no store yet, nothing waits for the hash
        // before the server is set up, so it is taken on the other core while the graph is built.
        var hashing = Background.run("treaty-graph-fingerprint", () -> Fingerprint.of(o.project()));
        if (current != null && Background.await(hashing, FINGERPRINTING).equals(current.fingerprint())) {
            progress.step("opening the store " + current.tdb2() + " (loaded from the current inputs)");
            return serve(o, listen, new Served(current.tdb2(), current.dumps(), null, null, current.fingerprint(), current.builtAt()),
                    store, null, progress);
        }
        progress.step(current == null ? "no store yet in " + store.dir() + ": building the graph"
                : "the inputs changed since the store was loaded: building the graph");
        return fresh(store, current, hashing, o, listen, progress);
    }

    /**
     * A fresh build into a new generation, the work spread over the cores (docs/first-start-benchmark.md): the
     * server is set up and starts listening on a thread of its own while the graph is built here, its requests held
     * at its gate; then the store loads while the graph is validated and its search index made ({@link FreshBuild}),
     * and the gate opens once all are done ({@link #settle}). When the inputs are broken, that server stops before
     * answering anything, the generation is removed, and the previous build serves, or with none the problems end
     * the start.
     */
    private static TreatyServer fresh(Store store, Generation current, java.util.concurrent.CompletableFuture<String> hashing, Options o,
                                      InetAddress listen, Progress progress) throws IOException {
        org.apache.jena.sys.JenaSystem.init();   // here, before two threads use Jena: its initialisation is not for two at once
        long freeBefore = store.usableSpace();   // before the generation's own empty store takes any of it
        Generation gen = store.create();
        java.time.Instant builtAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var starting = Background.run("treaty-graph-server",
                () -> serve(o, listen, new Served(gen.tdb2(), gen.dumps(), null, null, Background.await(hashing, FINGERPRINTING), builtAt, true),
                        store, null, progress));
        GraphBuilder builder = new GraphBuilder(o.project(), progress);
        TreatyGraph graph;
        FreshBuild fresh;
        try {
            graph = builder.buildUnvalidated();
            // The proposals' properties are read by the dumps: their problems, too, leave the previous build serving.
            org.treatygraph.publish.WikidataProperties.load(o.project().wikidataLinksFile().resolveSibling(org.treatygraph.publish.WikidataProperties.FILE_NAME));
            fresh = FreshBuild.begin(store, gen, freeBefore, builder, graph, Background.await(hashing, FINGERPRINTING), o.keepFreeBytes(), o.project(), progress);
        } catch (IOException | RuntimeException | Error e) {
            // Nothing was answered: the server set up for this build stops, and its generation goes.
            TreatyServer unused = awaitQuietly(starting);
            if (unused != null) unused.stopBeforeAnswering();
            Rebuild.remove(gen);
            if (e instanceof InputException invalid) return serve(o, listen, previous(current, invalid, progress), store, null, progress);
            throw e;
        }
        TreatyServer server;
        try {
            server = Background.await(starting, "the server started");
        } catch (IOException | RuntimeException | Error e) {
            IOException located = fresh.abandon(e);
            if (located != null) throw located;
            throw e;
        }
        return server.settle(fresh, graph, current, o, listen, progress);
    }

    /** The server set up beside the build once its setup ended, or null when that failed (the build's own failure is the news). */
    private static TreatyServer awaitQuietly(java.util.concurrent.CompletableFuture<TreatyServer> starting) {
        try {
            return Background.await(starting, "the server started");
        } catch (IOException | RuntimeException | Error e) {
            return null;
        }
    }

    /** The inputs are broken: the current generation serves on and says why; with none, the problems end the start. */
    private static Served previous(Generation current, InputException e, Progress progress) throws IOException {
        if (current == null) throw e;
        e.problems().forEach(p -> progress.step(p.toString()));
        String why = e.problems().size() + " problem(s) in the inputs: serving the previous build (" + current.describe()
                + ") until they are fixed";
        progress.step(why);
        return new Served(current.tdb2(), current.dumps(), null, why, current.fingerprint(), current.builtAt());
    }

    private static TreatyServer serve(Options o, InetAddress listen, Served served, Store store, Path scratch, Progress progress) throws IOException {
        Model config = RDFDataMgr.loadModel(o.config().toString());
        Property location = VocabTDB2.pLocation;
        List<Resource> stores = config.listSubjectsWithProperty(location).toList();
        if (stores.size() != 1) throw new IOException(o.config() + ": expected one tdb2:location, found " + stores.size());
        stores.get(0).removeAll(location).addProperty(location, served.tdb2() == null ? "--mem--" : served.tdb2().toString());
        if (o.timeoutSeconds() != null) setTimeout(config, o.timeoutSeconds());
        Limits limits;
        try {
            limits = Limits.from(new ConfigContext(config, o.config().toString()));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }

        // Everything a route keeps lives in this server's Site and modules, never in statics: two servers in
        // one JVM keep their own state.
        // The latest release made from what this server serves is its current dumps too, byte for byte.
        org.treatygraph.publish.Releases releases = o.releases() == null ? null : new org.treatygraph.publish.Releases(o.releases());
        Path dumps = served.dumps();
        String latest = releases == null ? null : releases.latest();
        if (latest != null && served.fingerprint().equals(releases.builtFrom(latest))) {
            progress.step("serving release " + latest + " as the current dumps (made from the same inputs and code)");
            dumps = releases.files(latest);
        }
        Site site = new Site(dumps, releases, o.project().sourcesDir(), o.project().ontologyFile(), o.project().shapesFile(), o.baseIri());
        site.build(served.fingerprint());
        site.builtAt(served.builtAt());
        site.built(served.built());
        // A fresh build on disk: the server listens while its store loads, requests wait at the gate (settle).
        Readiness loaded = served.fresh() ? Readiness.store() : Readiness.already();
        Readiness dumpsReady = served.fresh() ? Readiness.dumps() : Readiness.already();
        site.dumpsReady(dumpsReady);
        FusekiModules modules = FusekiModules.create(
                new HttpPolicyModule(o.config().toAbsolutePath().getParent()),
                new StoreModule(site, served.tdb2() == null ? served.built() : null, loaded, progress),
                new SparqlModule(site, o.allowedServices(), limits),
                new PagesModule(site, o.project()),
                new SearchModule(site, o.project(), progress, served.fresh()),
                new DumpsModule(site),
                new ReconcileModule(site, limits),
                new CompressionModule());
        FusekiServer fuseki;
        try {
            fuseki = FusekiServer.create().fusekiModules(modules).numServerThreads(Math.min(8, limits.serverThreads()), limits.serverThreads())
                    .port(o.port()).parseConfig(config)
                    .enablePing(true)
                    .build();
        } catch (FusekiConfigException e) {
            throw new IOException(o.config() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {   // from a module: the query folder could not be read
            throw e.getCause();
        }
        // Fuseki's builder knows only loopback(true) ("localhost") or every interface; any other address is
        // the Jetty connector's host, set the way Fuseki sets "localhost".
        for (Connector c : fuseki.getJettyServer().getConnectors())
            if (c instanceof ServerConnector sc) sc.setHost(o.host());
        String shown = listen.isAnyLocalAddress() || listen.isLoopbackAddress() ? "localhost"
                : o.host().contains(":") ? "[" + o.host() + "]" : o.host();
        TreatyServer server = new TreatyServer(fuseki, site, shown, store, scratch, served.stale(), loaded, dumpsReady);
        try {
            fuseki.start();
        } catch (RuntimeException e) {   // the address is not this machine's, or the port is taken
            server.close();
            throw new IOException("cannot listen on " + o.host() + ":" + o.port() + ": " + rootMessage(e), e);
        }
        if (served.fresh()) progress.step("listening at " + server.url() + "; requests wait until the new build's store is loaded");
        return server;
    }

    /**
     * Once a fresh build's store is loaded, its graph valid and its search index made ({@link FreshBuild}), the gate
     * opens and the dumps are written behind it. When the graph is invalid, this server stops before answering and
     * the previous build serves (a new server, on the same port), or with none the problems end the start; when
     * the load failed, this server stops, and the error says where and why. The generation is then removed.
     */
    private TreatyServer settle(FreshBuild fresh, TreatyGraph graph, Generation previous, Options o, InetAddress listen, Progress progress)
            throws IOException {
        org.treatygraph.search.SearchIndex index;
        try {
            index = fresh.await();
        } catch (IOException | RuntimeException | Error e) {
            stopBeforeAnswering();   // the store directory stays claimed: the previous build may serve from it
            IOException located = fresh.abandon(e);
            if (located != null) throw located;
            if (e instanceof InputException invalid) return serve(o, listen, previous(previous, invalid, progress), store, null, progress);
            throw e;
        }
        site.built(graph);
        site.searchIndex(index);
        progress.step("search: " + index.size() + " entities indexed (beside the load)");
        loaded.done();
        finish(() -> Rebuild.finish(fresh.generation(), graph, site.builtAt(), o.project().wikidataCacheDir(), progress), progress);
        return this;
    }

    /** A fresh build's server whose build failed: the requests it holds are told, and it stops; its store is the caller's to remove. */
    private void stopBeforeAnswering() {
        loaded.failed("The new build could not be served (the server's log says why): try again in " + Readiness.RETRY_AFTER_SECONDS + " s.");
        fuseki.stop();
    }

    /**
     * A fresh build's dumps are written once the server answers, on a thread of their own; until they are in
     * place (and, on disk, the generation is current) a request for them waits or is told to come back
     * ({@link Readiness#dumps}). A failure is reported and leaves the server serving the store without dumps.
     */
    private void finish(Finish finish, Progress progress) {
        Thread t = new Thread(() -> {
            try {
                finish.run();
                dumpsReady.done();
            } catch (IOException | RuntimeException | Error e) {
                String why = "the dumps of this build could not be written: " + e.getMessage();
                progress.step("error: " + why);
                dumpsReady.failed(why);
            }
        }, "treaty-graph-dumps");
        t.setDaemon(true);
        finishing = t;
        t.start();
    }

    /**
     * Waits until this start's dumps are written and, on disk, its generation is current; at once when it
     * built nothing. False when they could not be written.
     */
    public boolean awaitDumps() throws InterruptedException {
        dumpsReady.await();
        Thread t = finishing;
        if (t != null) t.join();
        return dumpsReady.failure() == null;
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return e.getMessage();
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

    /** The server's own address, e.g. http://localhost:3030/, or the address it was told to listen on. */
    public String url() {
        return "http://" + shownHost + ":" + port() + "/";
    }

    /** Why what this server serves is not the build of the current inputs, or null when it is. */
    public String stale() {
        return stale;
    }

    public void join() {
        fuseki.join();
    }

    /** Stops the server, closes the store (Fuseki's stop leaves datasets open) and lets go of its directory. */
    @Override
    public void close() {
        fuseki.stop();
        // The dumps being written are finished first: they, the mark and the switch are the generation's last steps.
        Thread t = finishing;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dataset.close();
        try {
            TDBInternal.expel(dataset);
        } catch (RuntimeException notTdb) {
            // an in-memory store has nothing more to release
        }
        if (store != null) store.close();
        if (scratch != null) {
            try {
                Store.deleteTree(scratch);
            } catch (IOException e) {
                // a temporary directory: the system's to clear
            }
        }
    }
}

package org.treatygraph.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Progress;
import org.treatygraph.publish.DumpWriter;
import org.treatygraph.serve.Store.Generation;

/**
 * Makes a new generation of the store from a built graph, beside the current one. {@link #begin} checks the free
 * space and makes the generation's directory, {@link #open} its TDB2 database, and {@link #load} bulk-loads the
 * named graphs into it, straight from the graph in memory; the server serves that database (a fresh build's
 * server listens meanwhile: {@link FreshBuild}). {@link #finish} writes the dumps beside it, records the
 * fingerprint, and only then switches the store to it. A kill at any point before the switch leaves the current
 * generation as it was (the next start removes the unfinished one); a failure removes what it can of the new
 * one ({@link #abandon}).
 */
final class Rebuild {
    /**
     * Space a quad takes, dumps and store together: 0.63 KiB on the bundled data (61,380 quads: 0.28 KiB of dumps,
     * 0.36 KiB of TDB2 files as allocated), doubled for the journal and for data that compresses less well.
     */
    static final long BYTES_A_QUAD = 1280;
    /** What an empty TDB2 database and the dumps' fixed parts take, with room to spare. */
    static final long BYTES_FIXED = 4L << 20;

    /** The steps a test can stop a rebuild before (see {@link #pauseAt}), in order. */
    static final List<String> STEPS = List.of("load", "commit", "dumps", "mark", "switch", "cleanup");

    /** A new generation, not yet current: its store loading or loaded, its dumps still to be written. */
    record NewGeneration(Store store, Generation gen, Generation previous, long needed, String fingerprint) {}

    private Rebuild() {}

    /**
     * A new generation for a graph, in a directory already made for it ({@link Store#create}) while the graph was
     * built; refused when the disk had too little space for it when the build began ({@code freeBefore}, measured
     * before anything of the new generation was written, so that its own empty store does not count against it).
     *
     * @param keepFree bytes that must stay free on the store's disk after the new generation is written
     */
    static NewGeneration begin(Store store, Generation gen, TreatyGraph graph, String fingerprint, long keepFree, long freeBefore) throws IOException {
        Generation previous = store.current();
        return new NewGeneration(store, gen, previous, checkSpace(store, graph, keepFree, previous, freeBefore), fingerprint);
    }

    /** The bytes a new generation for the graph needs; an error when they, and {@code keepFree}, are not among the {@code free}. */
    private static long checkSpace(Store store, TreatyGraph graph, long keepFree, Generation previous, long free) throws IOException {
        long needed = estimate(graph);
        if (free < needed + keepFree) {
            throw new IOException("not enough space for a new build in " + store.dir() + ": it needs about " + mib(needed)
                    + (keepFree > 0 ? " and --keep-free asks for " + mib(keepFree) + " to stay free" : "") + ", but " + mib(free)
                    + " are free. " + kept(previous));
        }
        return needed;
    }

    /** Removes a generation nothing is served from, letting go of its store first where one was opened. */
    static void remove(Generation gen) throws IOException {
        if (Files.isDirectory(gen.tdb2())) {
            try {
                TDBInternal.expel(DatabaseMgr.connectDatasetGraph(gen.tdb2().toString()), true);
            } catch (RuntimeException | InternalError unopenable) {
                // a store that never came to be: its files go all the same
            }
        }
        Store.deleteTree(gen.dir());
    }

    /**
     * The new generation's TDB2 database, created empty. TDB2 keeps one database object per location in a JVM, so
     * the server's configuration, naming the same location, is handed this same one.
     */
    static DatasetGraph open(NewGeneration n) throws IOException {
        try {
            return DatabaseMgr.connectDatasetGraph(n.gen().tdb2().toString());
        } catch (RuntimeException | InternalError e) {
            throw abandon(n, null, e);
        }
    }

    /**
     * Builds a new generation's store and lets go of it, all on this thread (a snapshot: no server serves it).
     * Its dumps are then {@link #finish}'s to write.
     */
    static NewGeneration load(Store store, TreatyGraph graph, String fingerprint, long keepFree, Progress progress) throws IOException {
        Generation previous = store.current();
        long needed = checkSpace(store, graph, keepFree, previous, store.usableSpace());
        NewGeneration n = new NewGeneration(store, store.create(), previous, needed, fingerprint);
        DatasetGraph dsg = open(n);
        try {
            load(graph, dsg, n.gen().tdb2(), progress);
        } catch (RuntimeException | InternalError e) {
            throw abandon(n, dsg, e);
        }
        TDBInternal.expel(dsg, true);   // closes it and lets go of its lock
        return n;
    }

    /**
     * After a failure (of the load, or of anything else before the generation was served): lets go of its store,
     * removes the generation, and says what failed, where, and what space it needed.
     *
     * @param dsg its store, or null when it was never opened
     */
    static IOException abandon(NewGeneration n, DatasetGraph dsg, Throwable e) throws IOException {
        if (dsg != null) {
            try {
                TDBInternal.expel(dsg, true);
            } catch (RuntimeException | InternalError alreadyFailing) {
                // only after a failed load, whose generation is removed anyway
            }
        }
        return failed(n.store(), n.gen(), n.previous(), n.needed(), e, true);
    }

    /**
     * Writes the dumps into the loaded generation, marks it complete and makes it current; then removes the
     * others. {@code builtAt} becomes the fingerprint's time, which later starts read as when it was built.
     */
    static void finish(NewGeneration l, TreatyGraph graph, java.time.Instant builtAt, Path wikidataCache, Progress progress) throws IOException {
        Generation gen = l.gen();
        try {
            pauseAt("dumps");
            new DumpWriter(progress, wikidataCache).write(graph, gen.dumps());
            pauseAt("mark");
            Store.complete(gen, l.fingerprint());
            java.nio.file.Files.setLastModifiedTime(gen.fingerprintFile(), java.nio.file.attribute.FileTime.from(builtAt));
        } catch (IOException | RuntimeException | InternalError e) {
            // Its store is open and served by this server: the next start removes the generation.
            throw failed(l.store(), gen, l.previous(), l.needed(), e, false);
        }
        pauseAt("switch");
        l.store().switchTo(gen);
        progress.step("switched " + l.store().dir() + " to " + gen.name());
        pauseAt("cleanup");
        l.store().removeOthers(gen, progress);
    }

    private static IOException failed(Store store, Generation gen, Generation previous, long needed, Throwable e, boolean remove) throws IOException {
        // InternalError: TDB2 writes its indexes through memory-mapped files, where a full disk strikes as SIGBUS.
        if (remove) Store.deleteTree(gen.dir());
        else Store.deleteTree(gen.dumps());
        return new IOException("could not write the new build to " + gen.dir() + " (" + cause(e) + "); it needs about " + mib(needed)
                + ", and " + mib(store.usableSpace()) + " are free there without it. " + kept(previous), e);
    }

    private static long estimate(TreatyGraph graph) {
        DatasetGraph named = graph.namedGraphs();
        long quads = 0;
        for (var it = named.listGraphNodes(); it.hasNext(); ) quads += named.getGraph(it.next()).size();
        return BYTES_FIXED + quads * BYTES_A_QUAD;
    }

    /**
     * TDB2's bulk loader, fed the quads from memory into the new generation's open store: no file in between;
     * it commits once, at the end. The basic plan, which loads on the calling thread: the phased and parallel
     * plans (tdb2.tdbloader's) hand the quads to worker threads, and a worker that meets a full disk leaves the
     * caller waiting for ever (seen in StoreTest); on 2 cores they were no faster on this data
     * (docs/first-start-benchmark.md). What it throws is the caller's to {@link #abandon}.
     */
    static void load(TreatyGraph graph, DatasetGraph dsg, Path location, Progress progress) {
        pauseAt("load");
        progress.step("loading the named graphs into the store " + location);
        DataLoader loader = LoaderFactory.basicLoader(dsg, (fmt, args) -> {});
        loader.startBulk();
        try {
            StreamRDF to = loader.stream();
            graph.namedGraphs().find().forEachRemaining(to::quad);
            pauseAt("commit");
        } catch (RuntimeException | Error e) {
            loader.finishException(e instanceof Exception ex ? ex : new RuntimeException(e));
            throw e;
        }
        loader.finishBulk();
        progress.step("the store is loaded");
    }

    private static String kept(Generation previous) throws IOException {
        return previous == null ? "There was no earlier build; nothing is served from this directory."
                : "The previous build (" + previous.describe() + ") is kept and stays the one served.";
    }

    /** The innermost message, which says what the system refused ("No space left on device"). */
    private static String cause(Throwable e) {
        String what = e.toString();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) what = t.getMessage();
        }
        return e instanceof InternalError ? "the disk filled under TDB2's memory-mapped files: " + what : what;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /**
     * Test seam: with -Dtreatygraph.pauseAt=STEP a rebuild stops before that step, says so on stderr and waits
     * for a line on stdin, so a test can kill -9 the process there, or fill the disk and let it go on.
     */
    private static void pauseAt(String step) {
        if (!step.equals(System.getProperty("treatygraph.pauseAt"))) return;
        System.err.println("paused at " + step);
        System.err.flush();
        try {
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

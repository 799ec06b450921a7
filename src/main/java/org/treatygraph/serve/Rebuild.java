package org.treatygraph.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Progress;
import org.treatygraph.publish.DumpWriter;
import org.treatygraph.serve.Store.Generation;

/**
 * Makes a new generation of the store from a built graph, beside the current one: checks the free space,
 * writes the dumps, loads the named graphs into a fresh TDB2 database, records the fingerprint, and only then
 * switches the store to it. A failure removes the new generation and leaves the current one as it was.
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
    static final List<String> STEPS = List.of("dumps", "load", "commit", "mark", "switch", "cleanup");

    private Rebuild() {}

    /**
     * @param keepFree bytes that must stay free on the store's disk after the new generation is written
     * @return the new generation, now current
     */
    static Generation run(Store store, TreatyGraph graph, String fingerprint, long keepFree, Path wikidataCache, Progress progress)
            throws IOException {
        Generation previous = store.current();
        long needed = estimate(graph);
        long free = store.usableSpace();
        if (free < needed + keepFree) {
            throw new IOException("not enough space for a new build in " + store.dir() + ": it needs about " + mib(needed)
                    + (keepFree > 0 ? " and --keep-free asks for " + mib(keepFree) + " to stay free" : "") + ", but " + mib(free)
                    + " are free. " + kept(previous));
        }
        Generation gen = store.create();
        try {
            pauseAt("dumps");
            new DumpWriter(progress, wikidataCache).write(graph, gen.dumps());
            pauseAt("load");
            load(graph, gen.tdb2(), progress);
            pauseAt("mark");
            Store.complete(gen, fingerprint);
        } catch (IOException | RuntimeException | InternalError e) {
            // InternalError: TDB2 writes its indexes through memory-mapped files, where a full disk strikes as SIGBUS.
            Store.deleteTree(gen.dir());
            throw new IOException("could not write the new build to " + gen.dir() + " (" + cause(e) + "); it needs about " + mib(needed)
                    + ", and " + mib(store.usableSpace()) + " are free there without it. " + kept(previous), e);
        }
        pauseAt("switch");
        store.switchTo(gen);
        progress.step("switched " + store.dir() + " to " + gen.name());
        pauseAt("cleanup");
        store.removeOthers(gen, progress);
        return gen;
    }

    private static long estimate(TreatyGraph graph) {
        DatasetGraph named = graph.namedGraphs();
        long quads = 0;
        for (var it = named.listGraphNodes(); it.hasNext(); ) quads += named.getGraph(it.next()).size();
        return BYTES_FIXED + quads * BYTES_A_QUAD;
    }

    private static void load(TreatyGraph graph, Path location, Progress progress) {
        progress.step("loading the named graphs into the store " + location);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(location.toString());
        try {
            Txn.executeWrite(dsg, () -> {
                StoreModule.copy(graph.namedGraphs(), dsg);
                pauseAt("commit");
            });
        } finally {
            try {
                TDBInternal.expel(dsg, true);   // closes it and lets go of its lock, for Fuseki to open
            } catch (RuntimeException | InternalError alreadyFailing) {
                // only after a failed load, whose generation is removed anyway
            }
        }
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

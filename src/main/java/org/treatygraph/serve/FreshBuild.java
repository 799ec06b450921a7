package org.treatygraph.serve;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.Project;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Progress;
import org.treatygraph.search.SearchIndex;

/**
 * A fresh build's new generation made ready beside the server's own start: the bulk load of its store on one
 * thread ({@link Rebuild#load}), and on another the SHACL validation of the graph and then the search index
 * from the graph in memory. The server, set up while the graph was built, listens, its requests held at its
 * {@link StartGate}; {@link #await} says whether the generation may answer. On 2 cores three threads beside the
 * load measured slower than two (docs/first-start-benchmark.md), hence the validation and the index share one.
 */
final class FreshBuild {
    private final Rebuild.NewGeneration generation;
    private final DatasetGraph store;   // its TDB2 database, open; the one the server's configuration is handed
    private final CompletableFuture<Void> loaded;
    private final CompletableFuture<Void> validated;
    private final CompletableFuture<SearchIndex> searchIndex;

    private FreshBuild(Rebuild.NewGeneration generation, DatasetGraph store, CompletableFuture<Void> loaded,
                       CompletableFuture<Void> validated, CompletableFuture<SearchIndex> searchIndex) {
        this.generation = generation;
        this.store = store;
        this.loaded = loaded;
        this.validated = validated;
        this.searchIndex = searchIndex;
    }

    /**
     * Checks the space for the graph in the generation made for it (against what was free before it was made),
     * opens its store (the one the server's configuration names: TDB2 keeps one per location), then starts its
     * load, validation and search index.
     */
    static FreshBuild begin(Store store, Store.Generation gen, long freeBefore, GraphBuilder builder, TreatyGraph graph, String fingerprint,
                            long keepFree, Project project, Progress progress) throws IOException {
        Rebuild.NewGeneration n = Rebuild.begin(store, gen, graph, fingerprint, keepFree, freeBefore);
        DatasetGraph dsg = Rebuild.open(n);
        CompletableFuture<Void> loaded = Background.run("treaty-graph-load", () -> {
            Rebuild.load(graph, dsg, n.gen().tdb2(), progress);
            return null;
        });
        CompletableFuture<Void> validated = Background.run("treaty-graph-validate", () -> {
            builder.validate(graph);
            progress.step("SHACL validation passed (beside the load)");
            return null;
        });
        var index = validated.thenCompose(valid -> SearchModule.inBackground(graph, project, progress));
        return new FreshBuild(n, dsg, loaded, validated, index);
    }

    Rebuild.NewGeneration generation() {
        return generation;
    }

    /**
     * Waits for the load, the validation and the search index, and returns the index. Throws what the validation
     * found ({@link org.treatygraph.core.InputException}: its problems come first, as when it ran before the load),
     * else what the load threw, else what the index threw; then the generation is the caller's to {@link #abandon}.
     */
    SearchIndex await() throws IOException {
        Throwable invalid = failure(validated);
        Throwable loadFailed = failure(loaded);
        if (invalid != null) throw rethrown(invalid);
        if (loadFailed != null) throw new LoadFailed(loadFailed);
        Throwable noIndex = failure(searchIndex);
        if (noIndex != null) throw rethrown(noIndex);
        return searchIndex.join();
    }

    /**
     * Once the server no longer serves it: waits for the threads still at work, lets go of the store and removes
     * the generation. Returns, when {@code why} is a failed load, what to throw instead: where the load failed and
     * what space it needed; else null.
     */
    IOException abandon(Throwable why) throws IOException {
        failure(loaded);
        failure(searchIndex);
        IOException located = Rebuild.abandon(generation, store, why instanceof LoadFailed lf ? lf.getCause() : why);
        return why instanceof LoadFailed ? located : null;
    }

    /** The store's load failed: what {@link #abandon} turns into the located message. */
    static final class LoadFailed extends IOException {
        LoadFailed(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Waits for a future; what it threw, or null. */
    private static Throwable failure(CompletableFuture<?> f) {
        try {
            f.get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }

    private static IOException rethrown(Throwable t) {
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error err) throw err;
        return t instanceof IOException io ? io : new IOException(t.getMessage(), t);
    }
}

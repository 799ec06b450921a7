package org.treatygraph.serve;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Work a start does beside its main line, each piece on a daemon thread of its own, named for it in a thread dump. */
final class Background {
    private Background() {}

    /** Starts {@code work} on a new daemon thread; the future holds its result, or what it threw. */
    static <T> CompletableFuture<T> run(String name, Supplier<T> work) {
        var f = new CompletableFuture<T>();
        Thread t = new Thread(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return f;
    }
}

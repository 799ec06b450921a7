package org.treatygraph.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Work a start does beside its main line, each piece on a daemon thread of its own, named for it in a thread dump. */
final class Background {
    private Background() {}

    /** A piece of work, which may fail as reading files does. */
    interface Work<T> {
        T get() throws IOException;
    }

    /** Starts {@code work} on a new daemon thread; the future holds its result, or what it threw. */
    static <T> CompletableFuture<T> run(String name, Work<T> work) {
        var f = new CompletableFuture<T>();
        Thread t = new Thread(() -> {
            try {
                f.complete(work.get());
            } catch (IOException e) {
                f.completeExceptionally(new UncheckedIOException(e));
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** The work's result once done; what it threw, thrown here as it was there ({@code what}: the work, for an interruption). */
    static <T> T await(CompletableFuture<T> f, String what) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IOException(e.getCause());
        }
    }
}

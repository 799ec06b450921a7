package org.treatygraph.serve;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the served build's dumps are written. A fresh build serves its store first and writes its dumps
 * beside it afterwards ({@link Rebuild#finish}); until they are moved into place, a request that needs them
 * waits for them, a few at a time and for a bounded while, so waiting never takes the threads that ping and
 * the pages need; past that it is told to come back (503 with Retry-After).
 */
final class DumpsReady {
    /** How long a request waits for dumps being written before it is told to come back (a test shortens it). */
    static final long WAIT_SECONDS = Long.getLong("treatygraph.dumpsWaitSeconds", 30);
    /** Requests waiting at once; the others are told to come back at once. */
    static final int WAITERS = 4;
    /** What Retry-After says. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final CompletableFuture<Void> written = new CompletableFuture<>();
    private final Semaphore waiters = new Semaphore(WAITERS);

    /** The state of a server whose dumps were there when it started. */
    static DumpsReady already() {
        DumpsReady r = new DumpsReady();
        r.written();
        return r;
    }

    void written() {
        written.complete(null);
    }

    /** The dumps could not be written: {@code why} is what a request for them is told. */
    void failed(String why) {
        written.completeExceptionally(new IllegalStateException(why));
    }

    /** Why the dumps could not be written, or null when they were or are still being written. */
    String failure() {
        if (!written.isCompletedExceptionally()) return null;
        try {
            written.join();
            return null;
        } catch (RuntimeException e) {
            return e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        }
    }

    /** Whether they are written (or failed): nothing to wait for. */
    boolean settled() {
        return written.isDone();
    }

    /**
     * Waits, as one of the few requests that may, until they are written or failed. False when they are still
     * being written after {@link #WAIT_SECONDS}, or when too many requests wait already.
     */
    boolean awaitBriefly() throws InterruptedException {
        if (written.isDone()) return true;
        if (!waiters.tryAcquire()) return false;
        try {
            written.get(WAIT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException failed) {
            return true;
        } catch (TimeoutException stillWriting) {
            return false;
        } finally {
            waiters.release();
        }
    }

    /** Waits until they are written or failed (for the server's own work, not for a request's). */
    void await() throws InterruptedException {
        try {
            written.get();
        } catch (ExecutionException failed) {
            // settled: failure() says why
        }
    }
}

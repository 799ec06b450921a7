package org.treatygraph.serve;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * Work a request may have to wait for: the store of a fresh build, which loads while the server already listens
 * ({@link #store}, awaited by {@link StartGate} in front of every request), or its dumps, written once it answers
 * ({@link #dumps}, awaited by a dump request or a page with places). A request waits, a few at a time and for a
 * bounded while, so waiting never takes every request thread; past that it is told to come back (503 with
 * Retry-After), and once the work failed, why.
 */
final class Readiness {
    /** What Retry-After says. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Semaphore waiters;
    private final long waitSeconds;

    private Readiness(int waiters, long waitSeconds) {
        this.waiters = new Semaphore(waiters);
        this.waitSeconds = waitSeconds;
    }

    /**
     * A fresh build's store, loading while the server listens: every request (ping too) waits for it. Most of the
     * request threads may wait (there is nothing else to answer meanwhile), each for as long as a large load takes.
     */
    static Readiness store() {
        return new Readiness(32, Long.getLong("treatygraph.startWaitSeconds", 120));
    }

    /** A fresh build's dumps, written after the server answers: a few requests wait for them, the pages and queries go on. */
    static Readiness dumps() {
        return new Readiness(4, Long.getLong("treatygraph.dumpsWaitSeconds", 30));
    }

    /** Nothing to wait for: the work was done before the server started. */
    static Readiness already() {
        Readiness r = new Readiness(1, 0);
        r.done();
        return r;
    }

    void done() {
        done.complete(null);
    }

    /** The work failed: {@code why} is what a request is told. */
    void failed(String why) {
        done.completeExceptionally(new IllegalStateException(why));
    }

    /** Why the work failed, or null when it was done or is still under way. */
    String failure() {
        if (!done.isCompletedExceptionally()) return null;
        try {
            done.join();
            return null;
        } catch (RuntimeException e) {
            return e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        }
    }

    /** Whether it is done (or failed): nothing to wait for. */
    boolean settled() {
        return done.isDone();
    }

    /**
     * Waits, as one of the few requests that may, until it is done or failed. False when it is still under way
     * after the wait, or when too many requests wait already.
     */
    boolean awaitBriefly() throws InterruptedException {
        if (done.isDone()) return true;
        if (!waiters.tryAcquire()) return false;
        try {
            done.get(waitSeconds, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException failed) {
            return true;
        } catch (TimeoutException stillUnderWay) {
            return false;
        } finally {
            waiters.release();
        }
    }

    /**
     * For a request that needs the work: true when it is done (after a brief wait, see {@link #awaitBriefly}). Else
     * the request is answered here, 503 with {@code underWay} and Retry-After while the work goes on, or with what
     * {@code failed} makes of why it failed (and Retry-After when {@code retryAfterFailure}); one log line each, as
     * the query gate refuses (a 503 is no client's mistake).
     */
    boolean admit(HttpServletRequest req, HttpServletResponse resp, String underWay, UnaryOperator<String> failed, boolean retryAfterFailure)
            throws IOException {
        boolean settled;
        try {
            settled = awaitBriefly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            settled = false;
        }
        String why = settled ? failure() : underWay;
        if (why == null) return true;
        if (settled) why = failed.apply(why);
        if (!settled || retryAfterFailure) resp.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        Refusals.reason(req, why);
        Refusals.log(req.getMethod(), req.getRequestURI(), "503: " + why);
        Replies.send(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "text/plain; charset=utf-8", (why + "\n").getBytes(StandardCharsets.UTF_8));
        return false;
    }

    /** Waits until it is done or failed (for the server's own work, not for a request's). */
    void await() throws InterruptedException {
        try {
            done.get();
        } catch (ExecutionException failed) {
            // settled: failure() says why
        }
    }
}

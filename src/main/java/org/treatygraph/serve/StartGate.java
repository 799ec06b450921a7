package org.treatygraph.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * In front of every route, ping too: a fresh build's server listens while its store loads ({@link FreshBuild}),
 * and a request waits here until the store is loaded and the build validated, so that nothing is ever answered
 * from a store half-loaded or a build that failed its shapes. Past the wait, or when the build failed, 503 with
 * Retry-After (the server then stops, or starts again on the previous build). Once open, a volatile read.
 */
final class StartGate implements Filter {
    private final Readiness ready;

    StartGate(Readiness ready) {
        this.ready = ready;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (ready.admit((HttpServletRequest) request, (HttpServletResponse) response,
                "The server is loading its store: try again in " + Readiness.RETRY_AFTER_SECONDS + " s.", why -> why, true)) {
            chain.doFilter(request, response);
        }
    }
}

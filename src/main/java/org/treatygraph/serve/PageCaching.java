package org.treatygraph.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.treatygraph.core.Hashing;

/**
 * HTTP caching for the pages and their RDF: a page changes only when the build does (the store is read-only
 * and loaded before the server opens), so its ETag names the build (the fingerprint of inputs and code), the
 * path and the Accept header it was negotiated for; a client that has it gets 304 without the page being
 * made again. Vary: Accept, since one path answers in several formats.
 */
final class PageCaching implements Filter {
    private static final String CACHE_CONTROL = "public, max-age=300";
    private final Site site;

    PageCaching(Site site) {
        this.site = site;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String build = site.build();
        if (build == null || !("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()))) {
            chain.doFilter(request, response);
            return;
        }
        String accept = req.getHeader("Accept");
        String variant = req.getRequestURI() + "?" + req.getQueryString() + "|" + (accept == null ? "" : accept);
        String etag = "\"" + build.substring(0, Math.min(16, build.length())) + "-"
                + Hashing.sha256(variant.getBytes(StandardCharsets.UTF_8)).substring(0, 16) + "\"";
        resp.setHeader("Vary", "Accept");
        if (matches(req.getHeader("If-None-Match"), etag)) {
            resp.setHeader("ETag", etag);
            resp.setHeader("Cache-Control", CACHE_CONTROL);
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        chain.doFilter(request, new HttpServletResponseWrapper(resp) {
            private boolean ok = true;

            @Override
            public void setStatus(int sc) {
                ok = sc == HttpServletResponse.SC_OK;
                super.setStatus(sc);
            }

            @Override
            public void sendError(int sc, String msg) throws IOException {
                ok = false;
                super.sendError(sc, msg);
            }

            @Override
            public void sendError(int sc) throws IOException {
                ok = false;
                super.sendError(sc);
            }

            @Override
            public void setContentType(String type) {
                // The headers go out with the answer's first bytes: only a 200 names the build.
                if (ok) {
                    super.setHeader("ETag", etag);
                    super.setHeader("Cache-Control", CACHE_CONTROL);
                }
                super.setContentType(type);
            }
        });
    }

    /** Whether an If-None-Match header names this ETag (or is "*"), weak or strong. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String t : ifNoneMatch.split(",")) {
            String tag = t.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) return true;
        }
        return false;
    }
}

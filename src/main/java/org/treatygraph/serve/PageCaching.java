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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.treatygraph.core.Hashing;

/**
 * HTTP caching for the pages and their RDF: a page changes only when the build does (the store is read-only
 * and loaded before the server opens), so its ETag names the build (the fingerprint of inputs and code), the
 * path and the Accept header it was negotiated for; a client that has it gets 304 without the page being
 * made again. Last-Modified is when the served build was made (its generation's completion, so the same
 * across restarts), and If-Modified-Since is answered by it where no If-None-Match is given. Vary names
 * Accept (one path answers in several formats) and Accept-Encoding (CompressionModule gzips what is
 * large enough for a client that takes gzip), merged with whatever a route adds.
 */
final class PageCaching implements Filter {
    private static final String CACHE_CONTROL = "public, max-age=300";
    private static final String VARY = "Accept, Accept-Encoding";
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
        Instant built = site.builtAt();
        long lastModified = built == null ? -1 : built.truncatedTo(ChronoUnit.SECONDS).toEpochMilli();   // HTTP dates have seconds
        Replies.vary(resp, VARY);
        String ifNoneMatch = req.getHeader("If-None-Match");
        // If-None-Match, when sent, decides alone (RFC 9110 13.2.2); If-Modified-Since only without it.
        if (ifNoneMatch != null ? matches(ifNoneMatch, etag) : notModifiedSince(req, lastModified)) {
            resp.setHeader("ETag", etag);
            resp.setHeader("Cache-Control", CACHE_CONTROL);
            if (lastModified >= 0) resp.setDateHeader("Last-Modified", lastModified);
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
                    if (lastModified >= 0) super.setDateHeader("Last-Modified", lastModified);
                }
                super.setContentType(type);
            }

            // A route that sets Vary itself (EntityServlet: Accept) adds to it rather than replacing it.
            @Override
            public void setHeader(String name, String value) {
                if ("Vary".equalsIgnoreCase(name)) Replies.vary(resp, value);
                else super.setHeader(name, value);
            }

            @Override
            public void addHeader(String name, String value) {
                if ("Vary".equalsIgnoreCase(name)) Replies.vary(resp, value);
                else super.addHeader(name, value);
            }
        });
    }

    /** Whether If-Modified-Since names a time at or after the build's; an unreadable date is ignored (RFC 9110 13.1.3). */
    private static boolean notModifiedSince(HttpServletRequest req, long lastModified) {
        if (lastModified < 0) return false;
        try {
            long since = req.getDateHeader("If-Modified-Since");
            return since >= 0 && lastModified <= since;
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
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

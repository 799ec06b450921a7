package org.treatygraph.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In front of the SPARQL service: bounds the requests that may reach it. At most
 * {@link Limits#concurrentQueries()} run at once and {@link Limits#queuedQueries()} wait a moment for a slot;
 * anything beyond is refused at once with 503 and Retry-After, so a flood of heavy queries leaves the other
 * request threads (pages, dumps, ping) free. A body or query string larger than {@link Limits#requestBytes()}
 * is refused with 413 before it is read in full or parsed (measured before: a 12 MB query held a thread for
 * 58.5 s in the parser, outside the query timeout).
 */
final class QueryGate implements Filter {
    private static final int RETRY_AFTER_SECONDS = 5;
    /** Bodies up to this many times the limit are read and dropped before the 413 (see doFilter). */
    private static final long DRAIN_FACTOR = 16;

    private final Limits limits;
    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();

    QueryGate(Limits limits) {
        this.limits = limits;
        this.running = new Semaphore(limits.concurrentQueries(), true);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if ("OPTIONS".equals(req.getMethod())) {   // CORS preflight: no work behind it
            chain.doFilter(request, response);
            return;
        }
        String query = req.getQueryString();
        if (query != null && query.length() > limits.requestBytes()) {
            refuse(req, resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The query string has " + query.length()
                    + " bytes; this endpoint takes at most " + limits.requestBytes() + ". Large queries do not make good public requests.");
            return;
        }
        long declared = req.getContentLengthLong();
        if (declared > limits.requestBytes()) {
            // Read and drop a body of a moderate size before answering (as nginx lingers): a client still
            // sending it would otherwise meet a closed connection and may never read the 413.
            if (declared <= DRAIN_FACTOR * limits.requestBytes()) req.getInputStream().transferTo(OutputStream.nullOutputStream());
            refuse(req, resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The request body has " + declared
                    + " bytes; this endpoint takes at most " + limits.requestBytes() + ".");
            return;
        }
        if (declared < 0 && isBodyMethod(req) && !isForm(req)) {   // chunked: read at most one byte past the limit before anything parses it
            byte[] body = req.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.requestBytes() + 1));
            if (body.length > limits.requestBytes()) {
                refuse(req, resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The request body has more than "
                        + limits.requestBytes() + " bytes, this endpoint's limit.");
                return;
            }
            req = new BufferedBody(req, body);
        }
        if (!admit()) {
            resp.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            refuse(req, resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Too many queries are running (" + limits.concurrentQueries()
                    + " at once, " + limits.queuedQueries() + " waiting): try again in " + RETRY_AFTER_SECONDS + " s.");
            return;
        }
        try {
            chain.doFilter(req, new WholeAnswer(resp));
        } finally {
            running.release();
        }
    }

    /** A slot now, or after a short wait in a short queue; false when neither is free. */
    private boolean admit() {
        if (running.tryAcquire()) return true;
        if (waiting.incrementAndGet() > limits.queuedQueries()) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return running.tryAcquire(limits.queueWaitMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** A form's body is the container's to read (earlier filters may have asked for its parameters already). */
    private static boolean isForm(HttpServletRequest req) {
        String type = req.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static boolean isBodyMethod(HttpServletRequest req) {
        return "POST".equals(req.getMethod()) || "PUT".equals(req.getMethod());
    }

    /**
     * The reason in the body and one line in the log (HttpPolicyFilter logs a 4xx with its reason; a 503 for
     * load is logged here): a refused request is the client's business or the load's, not a fault.
     */
    private static void refuse(HttpServletRequest req, HttpServletResponse resp, int status, String message) throws IOException {
        Refusals.reason(req, message);
        if (!Refusals.isRefusal(status)) Refusals.log(req.getMethod(), req.getRequestURI(), status + ": " + message);
        Replies.send(resp, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The response with the flushes of Fuseki's writers ignored: an answer is computed in full before it is
     * written (QueryOperation), and written at once it goes out as one response with its Content-Length when it
     * fits the container's buffer (32 KB), else in chunks as the buffer fills. Flushed after the rows, it went out
     * chunked, its end in a second write: a replica killed between the two left a balancer's client a response
     * cut short that no retry could mend (ReplicaIT, once in four runs).
     */
    private static final class WholeAnswer extends jakarta.servlet.http.HttpServletResponseWrapper {
        private ServletOutputStream out;

        WholeAnswer(HttpServletResponse resp) {
            super(resp);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                ServletOutputStream to = super.getOutputStream();
                out = new ServletOutputStream() {
                    @Override public void write(int b) throws IOException { to.write(b); }
                    @Override public void write(byte[] b, int off, int len) throws IOException { to.write(b, off, len); }
                    @Override public void flush() { }   // the container sends what is left when the answer is complete
                    @Override public void close() throws IOException { to.close(); }
                    @Override public boolean isReady() { return to.isReady(); }
                    @Override public void setWriteListener(jakarta.servlet.WriteListener l) { to.setWriteListener(l); }
                };
            }
            return out;
        }

        @Override
        public void flushBuffer() { }   // as flush(): the container commits the response when it is complete
    }

    /** The request with its body already read (a chunked query body, checked against the limit). */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() throws IOException { return in.read(); }
                @Override public int read(byte[] b, int off, int len) throws IOException { return in.read(b, off, len); }
                @Override public boolean isFinished() { return false; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener l) { throw new UnsupportedOperationException(); }
            };
        }

        @Override
        public BufferedReader getReader() {
            String enc = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), enc == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(enc)));
        }
    }
}

package org.treatygraph.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpStatus;

/**
 * The first filter of every request: refuses what no route should see (TRACE; a charset Java does not know;
 * a query string that is not percent-encoded UTF-8; an Accept or Content-Type header that is not media
 * types), puts the configured headers on every response, sends CORS's "*" where the CORS filter would
 * echo the caller's origin, and logs each refusal a route wrote itself (a refusal made with sendError is
 * logged by {@link PlainTextErrors}, which writes it). A route that refuses without a body gets one.
 */
final class HttpPolicyFilter implements Filter {
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String PARAMETERS = "(?:\\s*;\\s*" + TOKEN + "\\s*=\\s*(?:" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\"))*";
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN + PARAMETERS);
    /** A lone "*" too: Java's HttpURLConnection sends it ("*; q=.2"). */
    private static final Pattern MEDIA_RANGE = Pattern.compile("(?:\\*|" + TOKEN + "/" + TOKEN + ")" + PARAMETERS);
    /** The Allow of a refused TRACE: the methods the server answers (each route some of them). */
    private static final String ALLOW = "GET, HEAD, POST, OPTIONS";

    private final Map<String, String> headers;
    private final boolean anyOrigin;

    /**
     * @param headers the headers every response carries
     * @param anyOrigin whether CORS allows every origin, so that Access-Control-Allow-Origin is "*"
     */
    HttpPolicyFilter(Map<String, String> headers, boolean anyOrigin) {
        this.headers = headers;
        this.anyOrigin = anyOrigin;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        Watched resp = new Watched((HttpServletResponse) response);
        headers.forEach(resp::setHeader);
        try {
            Refusal refusal = refusal(req, resp);
            if (refusal != null) resp.sendError(refusal.status(), refusal.why());
            else chain.doFilter(req, resp);
        } finally {
            resp.finish(req);
        }
    }

    private record Refusal(int status, String why) {}

    /** Why the request is refused before any route sees it, or null. */
    private static Refusal refusal(HttpServletRequest req, HttpServletResponse resp) {
        if ("TRACE".equals(req.getMethod())) {
            resp.setHeader("Allow", ALLOW);
            return new Refusal(405, "TRACE is disabled on this server: it would echo the request's headers, cookies included, back to the page that sent it");
        }
        for (String name : List.of("Accept", "Content-Type")) {
            for (String value : Collections.list(req.getHeaders(name))) {
                if (!(name.equals("Accept") ? isMediaRangeList(value) : MEDIA_TYPE.matcher(value.strip()).matches())) {
                    return new Refusal(400, name + " \"" + Refusals.oneLine(value, 100) + "\" is not " + (name.equals("Accept")
                            ? "a list of media ranges (type/subtype;parameter=value, …)" : "a media type (type/subtype;parameter=value)"));
                }
            }
        }
        String charset = req.getCharacterEncoding();
        if (charset != null && !isKnown(charset)) {
            return new Refusal(415, "Content-Type names the charset \"" + Refusals.oneLine(charset, 60) + "\", which this server does not know; send UTF-8");
        }
        String encoding = encodingProblem(req.getQueryString());
        if (encoding != null) {
            return new Refusal(400, "the query string " + encoding);
        }
        try {
            req.getParameterMap();   // a form's body: decoded here rather than in a route, where it would fail as a 500
        } catch (RuntimeException e) {
            // Jetty reads a form only up to the context's maxFormContentSize (SparqlModule sets it to tg:requestBytes).
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().startsWith("form too large"))
                    return new Refusal(413, "the form in the body is larger than this server takes (" + t.getMessage() + " bytes)");
            }
            return new Refusal(400, "the form in the body is not percent-encoded UTF-8 (or text in the charset its Content-Type names)");
        }
        return null;
    }

    private static boolean isMediaRangeList(String header) {
        List<String> elements = new ArrayList<>();
        StringBuilder element = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"' && (i == 0 || header.charAt(i - 1) != '\\')) quoted = !quoted;
            if (c == ',' && !quoted) {
                elements.add(element.toString());
                element.setLength(0);
            } else {
                element.append(c);
            }
        }
        elements.add(element.toString());
        // An empty element is allowed (RFC 9110, 5.6.1); each other must be a media range.
        return elements.stream().map(String::strip).allMatch(e -> e.isEmpty() || MEDIA_RANGE.matcher(e).matches());
    }

    private static boolean isKnown(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What is wrong with a raw query string (percent-escapes that are not %XX, bytes that are not UTF-8), or null. */
    private static String encodingProblem(String raw) {
        if (raw == null) return null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return "has \"" + raw.substring(i, Math.min(i + 3, raw.length())) + "\" at character " + (i + 1)
                            + ", which is not a percent-encoded byte (% and two hexadecimal digits)";
                }
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return null;
        } catch (CharacterCodingException e) {
            return "decodes to bytes that are not UTF-8 text";
        }
    }

    /**
     * The response as the routes write it: the status and whether a body or an error page follows, the first
     * bytes of a refusal's body (its message, for the log), CORS's origin as "*", and no TRACE in Allow.
     */
    private final class Watched extends HttpServletResponseWrapper {
        private boolean sentError;
        private boolean wrote;
        private final ByteArrayOutputStream start = new ByteArrayOutputStream();

        Watched(HttpServletResponse resp) {
            super(resp);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            sentError = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            sentError = true;
            super.sendError(sc);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, adjust(name, value));
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, adjust(name, value));
        }

        private String adjust(String name, String value) {
            if (value == null) return null;
            if (anyOrigin && name.equalsIgnoreCase("Access-Control-Allow-Origin")) return "*";
            if (name.equalsIgnoreCase("Allow")) {
                return Arrays.stream(value.split(",")).map(String::strip).filter(m -> !m.equalsIgnoreCase("TRACE")).collect(Collectors.joining(", "));
            }
            return value;
        }

        @Override
        public void reset() {
            super.reset();
            headers.forEach(this::setHeader);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            wrote = true;
            ServletOutputStream out = super.getOutputStream();
            return Refusals.isRefusal(getStatus()) ? new Capturing(out) : out;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            wrote = true;
            return super.getWriter();
        }

        /** Logs a refusal a route wrote itself, and gives a body to one it left empty. */
        void finish(HttpServletRequest req) throws IOException {
            int status = getStatus();
            if (sentError || !Refusals.isRefusal(status)) return;
            if (!wrote && !isCommitted() && !"HEAD".equals(req.getMethod())) {
                sendError(status, Refusals.reason(req));
                return;
            }
            String why = Refusals.reason(req);
            if (why == null && getContentType() != null && getContentType().startsWith("text/plain")) why = start.toString(StandardCharsets.UTF_8);
            String target = req.getRequestURI() + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
            Refusals.log(req.getMethod(), target, status + " " + HttpStatus.getMessage(status) + (why == null ? "" : ": " + why));
        }

        /** Keeps the first bytes written (a refusal's message) and passes everything on. */
        private final class Capturing extends ServletOutputStream {
            private final ServletOutputStream out;

            Capturing(ServletOutputStream out) {
                this.out = out;
            }

            @Override
            public void write(int b) throws IOException {
                if (start.size() < 1024) start.write(b);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                start.write(b, off, Math.min(len, Math.max(0, 1024 - start.size())));
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }

            @Override
            public boolean isReady() {
                return out.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                out.setWriteListener(listener);
            }
        }
    }
}

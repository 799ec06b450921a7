package org.treatygraph.serve;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/** How every route of ours answers: status, Content-Type and Content-Length, then the body. */
final class Replies {
    private Replies() {}

    static void send(HttpServletResponse resp, int status, String contentType, byte[] body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(contentType);
        resp.setContentLength(body.length);
        try (OutputStream os = resp.getOutputStream()) {
            os.write(body);
        }
    }

    static void html(HttpServletResponse resp, int status, String page) throws IOException {
        send(resp, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds header names to a response's Vary, each once, keeping what is there (Fuseki's CORS filter adds
     * Origin, Jetty's GzipHandler Accept-Encoding): one Vary header.
     */
    static void vary(HttpServletResponse resp, String names) {
        Set<String> all = new LinkedHashSet<>();
        for (String n : (String.join(",", resp.getHeaders("Vary")) + "," + names).split(",")) {
            String t = n.strip();
            if (!t.isEmpty() && all.stream().noneMatch(t::equalsIgnoreCase)) all.add(t);
        }
        resp.setHeader("Vary", String.join(", ", all));
    }
}

package org.treatygraph.serve;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

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
}

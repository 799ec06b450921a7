package org.treatygraph.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Every error page of the server (a route's sendError, a method a servlet lacks, a path Jetty refuses) as
 * one line of plain text, "405 Method Not Allowed: …", whatever the method and the Accept header. Jetty's
 * own handler writes pages only for GET, POST and HEAD and only in the types it knows, so a PUT, or a
 * request that accepts only image/png, got a refusal with an empty body.
 */
final class PlainTextErrors extends ErrorHandler {
    /** What Jetty's refusals of a path mean, by the start of Jetty's message (the more specific first). */
    private static final List<Map.Entry<String, String>> PATHS = List.of(
            Map.entry("Bad URI % encoding", "a % in the path is not followed by two hexadecimal digits"),
            Map.entry("!hex", "a % in the path is not followed by two hexadecimal digits"),
            Map.entry("Bad URI", "the path is not one under the root (a '..' climbs above it)"),
            Map.entry("Illegal character", "the path holds a character no path may hold"),
            Map.entry("Suspicious Path Character", "the path holds a character a path should not (a control character or a backslash)"),
            Map.entry("Bad UTF-8", "the path's percent-encoded bytes are not UTF-8"),
            Map.entry("Ambiguous URI path separator", "the path has an encoded '/' (%2F), which could hide a '..'; this server takes none"),
            Map.entry("Ambiguous URI path encoding", "the path has an encoded '%' (%25), which could hide another escape; this server takes none"),
            Map.entry("Ambiguous URI path parameter", "the path has a ';' parameter where it could hide a '..'; this server takes none"),
            Map.entry("Ambiguous URI path segment", "the path has an encoded '.' segment (%2e), which could hide a '..'; this server takes none"),
            Map.entry("Ambiguous URI empty segment", "the path has an empty segment ('//'); this server takes none"));

    private final Map<String, String> headers;

    /** @param headers the headers every response carries (those of the routes come from {@link HttpPolicyFilter}) */
    PlainTextErrors(Map<String, String> headers) {
        this.headers = headers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String message = (String) request.getAttribute(ERROR_MESSAGE);
        Throwable cause = (Throwable) request.getAttribute(ERROR_EXCEPTION);
        if (cause instanceof HttpException e) {
            status = e.getCode();
            response.setStatus(status);
            if (message == null) message = e.getReason();
            // A request line Jetty could not read says only "Bad Request"; what it could not read is the cause's message.
            if (HttpStatus.getMessage(status).equals(message) && cause.getCause() != null) message = cause.getCause().getMessage();
        }
        String method = request.getMethod(), path = request.getHttpURI().getPath();
        String text = status + " " + HttpStatus.getMessage(status) + ": " + explain(status, message, method, path);
        if (Refusals.isRefusal(status)) Refusals.log(method, request.getHttpURI().getPathQuery(), text);
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");   // it answers this request, not the resource
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(method)) {
            callback.succeeded();
            return true;
        }
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** What was refused and why, where the message alone is only the status's name. */
    private static String explain(int status, String message, String method, String path) {
        if (!Refusals.isRefusal(status)) return "the server failed on this request; its log says why";
        if (message != null && !message.isBlank() && !message.equals(HttpStatus.getMessage(status)) && !message.equals(String.valueOf(status))) {
            for (Map.Entry<String, String> p : PATHS) if (message.startsWith(p.getKey())) return p.getValue() + " (" + message + ")";
            return Refusals.oneLine(message, 500);
        }
        String where = path == null ? "this path" : Refusals.oneLine(path, 120);
        return switch (status) {
            case 404 -> "nothing is served at " + where + "; / lists what this server offers";
            case 405 -> method + " is not allowed on " + where + "; the treaty graph is read-only";
            case 414, 431 -> "the request line or its headers are longer than this server reads";
            default -> "the request to " + where + " is not one this server can answer";
        };
    }
}

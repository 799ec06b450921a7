package org.treatygraph.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium (Debian's) driven over the DevTools protocol: loads a page, collects console errors,
 * uncaught exceptions and failed or 4xx/5xx requests, runs a script in it (and waits for one to be true),
 * renders at a phone's width, and saves a screenshot.
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    Chromium(Path profile) throws Exception {
        process = new ProcessBuilder(BINARY.toString(), "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run",
                // This machine's network is closed: without these, Chromium keeps asking Google's hosts in the background.
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1200,900", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (System.nanoTime() > deadline) throw new IOException("Chromium did not start; see " + profile.resolveSibling("chromium.log"));
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String ws = null;
        for (JsonNode t : targets) if (t.path("type").asText().equals("page")) ws = t.path("webSocketDebuggerUrl").asText();
        if (ws == null) throw new IOException("no page target: " + targets);
        socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new Listener()).get(30, TimeUnit.SECONDS);
        for (String domain : List.of("Page", "Runtime", "Log", "Network")) call(domain + ".enable", JSON.createObjectNode());
    }

    /** Loads a page and waits for its load event and a moment more for late requests. */
    void open(String url) throws Exception {
        loaded = new CompletableFuture<>();
        ObjectNode p = JSON.createObjectNode().put("url", url);
        call("Page.navigate", p);
        loaded.get(30, TimeUnit.SECONDS);
        Thread.sleep(500);
    }

    /** Renders the following pages as a phone of this width (CSS pixels) would. */
    void width(int px) throws Exception {
        call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", px).put("height", 900)
                .put("deviceScaleFactor", 1).put("mobile", true));
    }

    /** Waits until a JavaScript expression is true in the page (a page that draws after its load event); false if it is not within the time. */
    boolean waitFor(String expression, long millis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        do {
            try {
                if (evaluate("!!(" + expression + ")").asBoolean()) return true;
            } catch (IOException e) {
                // A click that follows a link replaces the page while we ask: ask the new one.
                if (!String.valueOf(e.getMessage()).contains("navigated or closed") && !String.valueOf(e.getMessage()).contains("context")) throw e;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** Runs JavaScript in the page and returns its value (awaiting a promise). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("awaitPromise", true).put("returnByValue", true));
        return r.path("result").path("value");
    }

    void screenshot(Path png) throws Exception {
        JsonNode r = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(r.path("data").asText()));
    }

    /** Types text into the focused element, as a keyboard would (an input event each time). */
    void type(String text) throws Exception {
        for (int i = 0; i < text.length(); ) {
            int end = i + Character.charCount(text.codePointAt(i));
            call("Input.insertText", JSON.createObjectNode().put("text", text.substring(i, end)));
            i = end;
        }
    }

    /** Presses and releases a key that types nothing: "ArrowDown", "ArrowUp", "Enter", "Escape". */
    void press(String key) throws Exception {
        int code = switch (key) {
            case "ArrowDown" -> 40;
            case "ArrowUp" -> 38;
            case "Enter" -> 13;
            case "Escape" -> 27;
            default -> throw new IllegalArgumentException("no key code for " + key);
        };
        ObjectNode down = JSON.createObjectNode().put("type", "rawKeyDown").put("key", key).put("code", key)
                .put("windowsVirtualKeyCode", code).put("nativeVirtualKeyCode", code);
        call("Input.dispatchKeyEvent", down);
        if (key.equals("Enter")) call("Input.dispatchKeyEvent", JSON.createObjectNode().put("type", "char").put("key", key).put("text", "\r")
                .put("windowsVirtualKeyCode", code).put("nativeVirtualKeyCode", code));
        call("Input.dispatchKeyEvent", down.deepCopy().put("type", "keyUp"));
    }

    /** Console errors, uncaught exceptions and failed requests seen since the last call. */
    List<String> takeProblems() {
        List<String> out = new ArrayList<>(problems);
        problems.clear();
        return out;
    }

    /** The URLs of every request the page made since the last call (the network log). */
    List<String> takeRequests() {
        List<String> out = new ArrayList<>(requests);
        requests.clear();
        return out;
    }

    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params);
        socket.sendText(JSON.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
        JsonNode r = f.get(30, TimeUnit.SECONDS);
        if (r.has("error")) throw new IOException(method + ": " + r.get("error"));
        return r.path("result");
    }

    private void event(JsonNode m) {
        JsonNode p = m.path("params");
        switch (m.path("method").asText()) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.consoleAPICalled" -> {
                if (p.path("type").asText().equals("error")) problems.add("console error: " + p.path("args"));
            }
            case "Runtime.exceptionThrown" -> problems.add("exception: " + p.path("exceptionDetails"));
            case "Log.entryAdded" -> {
                if (p.path("entry").path("level").asText().equals("error")) problems.add("log error: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
            }
            case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
            case "Network.loadingFailed" -> problems.add("request failed: " + p.path("errorText").asText() + " " + p.path("requestId").asText());
            case "Network.responseReceived" -> {
                int status = p.path("response").path("status").asInt();
                if (status >= 400) problems.add("HTTP " + status + " " + p.path("response").path("url").asText());
            }
            default -> { }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                try {
                    JsonNode m = JSON.readTree(buffer.toString());
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                        if (f != null) f.complete(m);
                    } else {
                        event(m);
                    }
                } catch (IOException e) {
                    problems.add("unreadable DevTools message: " + e.getMessage());
                }
                buffer.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the process is ended below in any case
        }
        // Chromium runs helper processes that go on writing to the profile for a moment: end them all and
        // wait, so the profile directory can be deleted.
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }
}

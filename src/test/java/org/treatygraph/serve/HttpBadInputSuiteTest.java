package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.treatygraph.TestProjects;
import org.treatygraph.core.Progress;

/**
 * The HTTP bad-input matrix of src/test/resources/http-bad-input/cases.tsv against one running server. Each
 * case is sent as raw bytes (malformed paths and bodies included, which no HTTP client library would send)
 * and must be refused with its status and a message; the server's log must have one refusal line for it
 * and no stack trace.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpBadInputSuiteTest {
    private static final Path CASES = Path.of("src/test/resources/http-bad-input/cases.tsv");
    private static final Pattern REPEAT = Pattern.compile("\\[\\[(\\d+)\\*(.*?)]]");
    private static final String REFUSAL = "org.treatygraph.serve.Refusals - refused ";
    /** A line of a stack trace, or the exception heading one. */
    private static final Pattern STACK = Pattern.compile("(?m)^(\\s+at \\S+\\(.*\\)|Caused by: .*|\\s*\\.\\.\\. \\d+ more|([a-z][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error)(: .*)?)$");

    static TreatyServer server;
    static final Log log = new Log();
    static PrintStream stderr;

    record Case(String name, String method, String target, List<String> headers, byte[] body, int status, String message) {}

    @BeforeAll
    static void start() throws Exception {
        // slf4j-simple writes to whatever System.err is at each line: the server's log, as it writes it.
        stderr = System.err;
        System.setErr(new PrintStream(new Tee(stderr, log), true, StandardCharsets.UTF_8));
        server = TreatyServer.start(new TreatyServer.Options(TestProjects.repo(), Path.of("fuseki-config/treaty-graph.ttl").toAbsolutePath(),
                null, 0, "/", TreatyServer.LOOPBACK, null), Progress.SILENT);
        log.clear();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        System.setErr(stderr);
    }

    static Stream<Arguments> cases() throws IOException {
        return read().stream().map(c -> Arguments.of(c.name(), c));
    }

    static List<Case> read() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(CASES, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("name\t")) continue;
            String[] f = line.split("\t", -1);
            assertEquals(7, f.length, "seven columns: " + line);
            List<String> headers = f[3].equals("-") ? List.of() : List.of(expand(f[3]).split(" \\| "));
            byte[] body = f[4].equals("-") ? null : bytes(expand(f[4]));
            cases.add(new Case(f[0], f[1], expand(f[2]), headers, body, Integer.parseInt(f[5]), f[6]));
        }
        return cases;
    }

    private static String expand(String s) {
        Matcher m = REPEAT.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        return m.appendTail(b).toString();
    }

    /** The body's bytes: UTF-8, with \n, \t, \\ and \xHH (a byte) escapes. */
    private static byte[] bytes(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> out.write('\n');
                    case 't' -> out.write('\t');
                    case 'x' -> {
                        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                        i += 2;
                    }
                    default -> out.write(e);
                }
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithItsStatusAndAMessage(String name, Case c) throws Exception {
        int from = log.length(), refusals = log.count(REFUSAL);
        Response r = send(c);
        String body = new String(r.body, StandardCharsets.UTF_8);
        assertEquals(c.status(), r.status, name + ": " + body);
        assertFalse(body.isBlank(), name + ": an empty body");
        assertTrue(body.contains(c.message()), name + ": expected \"" + c.message() + "\" in " + body);
        // The refusal is logged as the request ends, which may be a moment after the client has the answer.
        for (int i = 0; i < 100 && log.count(REFUSAL) == refusals; i++) Thread.sleep(20);
        String lines = log.since(from);
        assertEquals(1, count(lines, REFUSAL), name + ": one refusal line, in\n" + lines);
        assertFalse(STACK.matcher(lines).find(), name + ": a stack trace in the log\n" + lines);
    }

    @Order(2)
    @Test
    void theWholeRunLoggedOneRefusalACaseAndNothingElseOfNote() throws Exception {
        List<Case> cases = read();
        assertTrue(cases.size() >= 150, cases.size() + " cases");
        Thread.sleep(200);
        String all = log.since(0);
        assertEquals(cases.size(), count(all, REFUSAL), "refusal lines");
        Matcher m = STACK.matcher(all);
        assertFalse(m.find(), () -> "a stack trace: " + m.group());
        // Nothing else of note either: no warning or error from Jetty, Fuseki or Jena about any of them.
        assertEquals(List.of(), all.lines().filter(l -> l.matches("\\[[^]]*] (WARN|ERROR) .*")).toList());
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    record Response(int status, String head, byte[] body) {}

    /** Sends the case as it stands, on a connection of its own, and reads the whole answer. */
    static Response send(Case c) throws IOException {
        try (Socket s = new Socket("localhost", server.port())) {
            s.setSoTimeout(60_000);
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder(c.method() + " " + c.target() + " HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nConnection: close\r\n");
            for (String h : c.headers()) head.append(h).append("\r\n");
            if (c.body() != null) head.append("Content-Length: ").append(c.body().length).append("\r\n");
            req.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            if (c.body() != null) req.writeBytes(c.body());
            // Written beside the reading, as a client does: a server may answer (and close) before it has read a
            // body it refuses, and the answer is what the case is about.
            Thread writer = new Thread(() -> {
                try {
                    s.getOutputStream().write(req.toByteArray());
                    s.getOutputStream().flush();
                } catch (IOException refusedMidway) {
                    // the server stopped reading: its answer follows
                }
            });
            writer.start();
            byte[] all = s.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            assertTrue(end > 0, c.name() + ": no complete answer: " + text);
            String responseHead = text.substring(0, end);
            byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
            if (responseHead.toLowerCase().contains("\r\ntransfer-encoding: chunked")) body = unchunk(body);
            return new Response(Integer.parseInt(responseHead.substring(9, 12)), responseHead, body);
        }
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String s = new String(chunked, StandardCharsets.ISO_8859_1);
        int i = 0;
        while (true) {
            int eol = s.indexOf("\r\n", i);
            int size = Integer.parseInt(s.substring(i, eol).split(";")[0].strip(), 16);
            if (size == 0) return out.toByteArray();
            out.write(chunked, eol + 2, size);
            i = eol + 2 + size + 2;
        }
    }

    /** What the server logged while the tests ran. */
    static final class Log {
        private final StringBuilder text = new StringBuilder();

        synchronized void append(String s) {
            text.append(s);
        }

        synchronized void clear() {
            text.setLength(0);
        }

        synchronized int length() {
            return text.length();
        }

        synchronized String since(int from) {
            return text.substring(from);
        }

        synchronized int count(String what) {
            return HttpBadInputSuiteTest.count(text.toString(), what);
        }
    }

    /** Passes System.err on and keeps a copy in the log. */
    private static final class Tee extends OutputStream {
        private final PrintStream out;
        private final Log log;

        Tee(PrintStream out, Log log) {
            this.out = out;
            this.log = log;
        }

        @Override
        public void write(int b) {
            out.write(b);
            log.append(String.valueOf((char) b));
        }

        @Override
        public void write(byte[] b, int off, int len) {
            out.write(b, off, len);
            log.append(new String(b, off, len, StandardCharsets.UTF_8));
        }
    }
}

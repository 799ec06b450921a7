package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.ServeProcess;

/**
 * A flood of cheap-to-send, expensive-to-answer queries against a server in a JVM of its own with a small
 * heap: every heavy query is refused or stopped with a 503 that says why, ping and pages keep answering
 * meanwhile, the heap holds, and the server answers normally right after.
 */
class FloodTest {
    private static final String HEAP = "-Xmx512m";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir Path dir;

    @Test
    void heavyQueriesGet503WhilePingAndPagesAnswer() throws Exception {
        // -XX:+ExitOnOutOfMemoryError: a server that ran out of heap would be gone, not limping.
        try (ServeProcess s = ServeProcess.serveInMemory(dir, List.of(HEAP, "-XX:+ExitOnOutOfMemoryError"), "--timeout", "4")) {
            String entity = s.url("/id/agreement/soviet-persian-treaty-1921");
            assertEquals(200, get(entity, "text/html").statusCode());
            ExecutorService pool = Executors.newFixedThreadPool(34);
            List<Future<HttpResponse<String>>> heavy = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                // Some run until the timeout (a count over a triple cross product), some grow past the answer limit,
                // some would hold a cross product in memory to sort it.
                String q = switch (i % 3) {
                    case 0 -> "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
                    case 1 -> "SELECT * { ?a ?b ?c . ?d ?e ?f }";
                    default -> "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i";
                };
                heavy.add(pool.submit(() -> post(s.url("/treaties/sparql"), q)));
            }
            List<Long> pings = Collections.synchronizedList(new ArrayList<>());
            List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean flooding = new AtomicBoolean(true);
            Future<?> client = pool.submit(() -> {
                while (flooding.get()) {
                    long t = System.nanoTime();
                    statuses.add(get(s.url("/$/ping"), "*/*").statusCode());
                    pings.add((System.nanoTime() - t) / 1_000_000);
                    statuses.add(get(entity, "text/turtle").statusCode());
                    Thread.sleep(100);
                }
                return null;
            });
            List<String> refused = new ArrayList<>();
            for (Future<HttpResponse<String>> f : heavy) {
                HttpResponse<String> r = f.get();
                assertEquals(503, r.statusCode(), r.body());
                assertFalse(r.body().isBlank(), "a 503 says why");
                refused.add(r.body().strip());
            }
            flooding.set(false);
            client.get();
            pool.shutdown();
            assertTrue(pings.size() >= 5, "pinged " + pings.size() + " times");
            assertEquals(List.of(200), statuses.stream().distinct().toList(), "ping and the entity answered throughout");
            List<Long> sorted = pings.stream().sorted().toList();
            long p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
            long refusedAtTheGate = refused.stream().filter(b -> b.contains("Too many queries")).count();
            System.out.printf("flood: 32 heavy queries, all 503 (%d refused at the gate, %d stopped by the timeout or the answer limit); "
                    + "ping p50 %d ms, p99 %d ms over %d pings; heap %s%n", refusedAtTheGate, refused.size() - refusedAtTheGate,
                    sorted.get(sorted.size() / 2), p99, sorted.size(), HEAP);
            assertTrue(p99 < 1000, "ping p99 " + p99 + " ms: " + sorted);
            assertTrue(refused.stream().anyMatch(b -> b.contains("Too many queries")), refused.toString());
            assertTrue(refused.stream().anyMatch(b -> !b.contains("Too many queries")), refused.toString());
            // Alive within its heap, and normal again right after.
            assertTrue(s.isAlive(), s.output());
            HttpResponse<String> after = post(s.url("/treaties/sparql"), "ASK { ?s ?p ?o }");
            assertEquals(200, after.statusCode(), after.body());
            assertTrue(after.body().contains("true"), after.body());
            assertFalse(s.output().contains("\tat "), "no stack trace in the log for a flood of client queries");
        }
    }

    @Test
    void queriesThatWouldHoldACrossProductEndBeforeTheHeapDoes() throws Exception {
        // As many sorts of a cross product as may run at once, in a small heap: each would hold billions of
        // rows before its first answer; each ends at the held-rows limit, and the server stays.
        try (ServeProcess s = ServeProcess.serveInMemory(dir, List.of(HEAP, "-XX:+ExitOnOutOfMemoryError"), "--timeout", "60")) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<HttpResponse<String>>> sorts = new ArrayList<>();
            for (String q : List.of("SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f", "SELECT DISTINCT ?a ?d { ?a ?b ?c . ?d ?e ?f }",
                    "SELECT ?a ?d (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f } GROUP BY ?a ?d", "SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY DESC(?f)"))
                sorts.add(pool.submit(() -> post(s.url("/treaties/sparql"), q)));
            for (Future<HttpResponse<String>> f : sorts) {
                HttpResponse<String> r = f.get();
                assertEquals(503, r.statusCode(), r.body());
                assertTrue(r.body().contains("sorts, groups or removes duplicates from more than"), r.body());
            }
            pool.shutdown();
            assertTrue(s.isAlive(), s.output());
            assertEquals(200, post(s.url("/treaties/sparql"), "SELECT DISTINCT ?p { ?s ?p ?o } ORDER BY ?p").statusCode());
        }
    }

    private static HttpResponse<String> get(String url, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/sparql-results+json")
                        .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

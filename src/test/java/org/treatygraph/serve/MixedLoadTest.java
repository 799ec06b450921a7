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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.ServeProcess;

/**
 * 64 clients at once for a while on the mix a public endpoint sees (pages, SPARQL lookups, dumps, ping):
 * nothing fails, none is refused. The limits bound heavy work without turning away ordinary traffic.
 * Seconds from -Dtreatygraph.mixSeconds (default 15; bench/reliability/run runs the real data for 60 s).
 */
class MixedLoadTest {
    private static final int CLIENTS = 64;
    private static final String LOOKUP = "SELECT ?label { <https://w3id.org/treaty-graph/id/agreement/soviet-persian-treaty-1921> "
            + "<http://www.w3.org/2000/01/rdf-schema#label> ?label }";

    @TempDir Path dir;

    @Test
    void sixtyFourClientsOnAMixGetNoErrors() throws Exception {
        long seconds = Long.getLong("treatygraph.mixSeconds", 15);
        try (ServeProcess s = ServeProcess.serveInMemory(dir, List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"))) {
            List<HttpRequest> mix = List.of(
                    get(s.url("/id/agreement/soviet-persian-treaty-1921"), "text/html"),
                    get(s.url("/id/polity/persia"), "text/turtle"),
                    get(s.url("/treaties/sparql?query=" + URLEncoder.encode(LOOKUP, StandardCharsets.UTF_8)), "application/sparql-results+json"),
                    get(s.url("/dumps/treaty-graph.ttl"), "text/turtle"),
                    get(s.url("/dumps/void.ttl"), "text/turtle"),
                    get(s.url("/$/ping"), "*/*"));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            List<Long> millis = Collections.synchronizedList(new ArrayList<>());
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int first = c;
                clients.add(pool.submit(() -> {
                    for (int i = first; System.nanoTime() < end; i++) {
                        HttpRequest r = mix.get(i % mix.size());
                        long t = System.nanoTime();
                        try {
                            HttpResponse<byte[]> resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
                            if (resp.statusCode() != 200) failures.add(resp.statusCode() + " " + r.uri() + ": " + new String(resp.body(), StandardCharsets.UTF_8).strip());
                        } catch (Exception e) {
                            failures.add(e + " " + r.uri());
                        }
                        millis.add((System.nanoTime() - t) / 1_000_000);
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) f.get();
            pool.shutdown();
            List<Long> sorted = millis.stream().sorted().toList();
            long p50 = sorted.get(sorted.size() / 2), p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
            System.out.printf("mixed load: %d clients, %d s, %d requests, p50 %d ms, p99 %d ms, %d failed%n", CLIENTS, seconds, sorted.size(), p50, p99, failures.size());
            assertEquals(List.of(), failures.stream().limit(10).toList(), failures.size() + " of " + sorted.size() + " requests failed");
            assertTrue(sorted.size() > CLIENTS * 10L, "requests: " + sorted.size());
            assertTrue(s.isAlive(), s.output());
        }
    }

    private static HttpRequest get(String url, String accept) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).timeout(Duration.ofSeconds(60)).build();
    }
}

package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.treatygraph.TestProjects;
import org.treatygraph.core.Progress;

/**
 * One server over the bundled data, in memory, shared by the test classes that only read the site (pages,
 * browse, search, the browser tests): started on first use, stopped when the test JVM ends. Building the
 * graph takes most of a start; sharing it keeps the suite short.
 */
final class SiteServer {
    private static TreatyServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private SiteServer() {}

    /** The server's address, "http://localhost:PORT". */
    static synchronized String base() {
        if (server == null) {
            try {
                server = TreatyServer.start(new TreatyServer.Options(TestProjects.repo(), Path.of("fuseki-config/treaty-graph.ttl").toAbsolutePath(),
                        null, 0, "/", TreatyServer.LOOPBACK, null), Progress.SILENT);
            } catch (Exception e) {
                throw new IllegalStateException("the test server did not start", e);
            }
            TreatyServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return "http://localhost:" + server.port();
    }

    /** A GET with the headers given as name, value pairs. */
    static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A page for people, parsed; it must answer 200. */
    static Document page(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery, "Accept", "text/html");
        assertEquals(200, r.statusCode(), pathAndQuery);
        return Jsoup.parse(r.body(), base() + pathAndQuery);
    }

    /** The values of the one variable a SELECT answers, from the server's own endpoint (CSV). */
    static Set<String> select(String query) throws Exception {
        HttpResponse<String> r = get("/treaties/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "Accept", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        Set<String> out = new TreeSet<>();
        r.body().lines().skip(1).map(l -> l.startsWith("\"") ? l.substring(1, l.length() - 1) : l).forEach(out::add);
        return out;
    }
}

package org.treatygraph.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.treatygraph.convert.Sources;
import org.treatygraph.core.Hashing;

/**
 * The Wikidata API calls candidate search needs (wbsearchentities, full-text search, wbgetentities) against a
 * configurable api.php. Every response is cached on disk under its request's hash, so a rerun (or a
 * test, or a build) asks nothing twice and an interrupted run loses nothing it already fetched. Rate
 * limiting (429, 503 with Retry-After) is waited out a few times; anything else fails with the URL and
 * what was wrong.
 */
public final class WikidataApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RETRIES = 3;
    private final String api;
    private final Path cache;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private final long maxWaitMillis;

    /** @param api the api.php URL, e.g. https://www.wikidata.org/w/api.php; @param cache where responses are kept */
    public WikidataApi(String api, Path cache, long maxWaitMillis) {
        this.api = api;
        this.cache = cache;
        this.maxWaitMillis = maxWaitMillis;
    }

    /** wbsearchentities: items whose label or alias matches {@code text} in {@code language}. */
    public JsonNode search(String text, String language, int limit) throws IOException, InterruptedException {
        return get("action=wbsearchentities&format=json&type=item&search=" + enc(text) + "&language=" + enc(language)
                + "&uselang=" + enc(language) + "&limit=" + limit);
    }

    /**
     * Full-text search (list=search) over items: finds "Leon Trotsky" for "Trotsky", which the prefix match
     * of wbsearchentities cannot.
     */
    public JsonNode fullText(String text, int limit) throws IOException, InterruptedException {
        return get("action=query&format=json&list=search&srnamespace=0&srsearch=" + enc(text) + "&srlimit=" + limit);
    }

    /** How many ids wbgetentities takes in one request (more are refused with "toomanyvalues"). */
    public static final int MAX_IDS = 50;

    /** wbgetentities: labels, aliases, descriptions and claims of up to {@link #MAX_IDS} items. */
    public JsonNode entities(List<String> ids) throws IOException, InterruptedException {
        return get("action=wbgetentities&format=json&props=labels%7Caliases%7Cdescriptions%7Cclaims&ids=" + enc(String.join("|", ids)));
    }

    private JsonNode get(String query) throws IOException, InterruptedException {
        String url = api + (api.contains("?") ? "&" : "?") + query;
        Path cached = cache.resolve(Hashing.sha256(url.getBytes(StandardCharsets.UTF_8)).substring(0, 32) + ".json");
        if (Files.exists(cached)) return parse(Files.readString(cached, StandardCharsets.UTF_8), url + " (cached in " + cached + ")");
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("User-Agent", "treaty-graph/0.1 (linked-data service for treaties 1917-1925; candidate search)")
                .header("Accept", "application/json").build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> r;
            try {
                r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IOException("cannot reach " + api + ": " + e.getMessage(), e);
            }
            if ((r.statusCode() == 429 || r.statusCode() == 503) && attempt < RETRIES) {
                long wait = retryAfterMillis(r);
                if (wait > maxWaitMillis) throw new IOException(url + ": rate limited (" + r.statusCode() + "), asked to wait " + wait / 1000 + " s; try again later");
                Thread.sleep(wait);
                continue;
            }
            if (r.statusCode() != 200) {
                throw new IOException(url + ": HTTP " + r.statusCode() + (r.statusCode() == 429 ? " (rate limited; still after " + RETRIES + " waits)" : ""));
            }
            JsonNode json = parse(r.body(), url);
            if (json.has("error")) throw new IOException(url + ": the API says " + json.get("error").path("code").asText() + ": " + json.get("error").path("info").asText());
            Files.createDirectories(cache);
            Path tmp = Files.createTempFile(cache, ".response", ".tmp");
            Files.writeString(tmp, r.body(), StandardCharsets.UTF_8);
            Files.move(tmp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return json;
        }
    }

    private static long retryAfterMillis(HttpResponse<?> r) {
        String h = r.headers().firstValue("Retry-After").orElse("5").strip();
        try {
            return Math.max(0, Long.parseLong(h)) * 1000;
        } catch (NumberFormatException e) {
            return 5000;   // an HTTP date: wait a little and ask again
        }
    }

    private static JsonNode parse(String body, String where) throws IOException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            String start = body.length() > 80 ? body.substring(0, 80) + "…" : body;
            throw new IOException(where + ": not JSON (" + start.replace('\n', ' ') + ")");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

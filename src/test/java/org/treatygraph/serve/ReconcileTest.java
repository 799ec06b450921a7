package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.treatygraph.TestProjects;
import org.treatygraph.core.Progress;

/** The reconciliation endpoint, over real HTTP, with the requests OpenRefine sends. */
class ReconcileTest {
    static TreatyServer server;
    static String endpoint;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = TreatyServer.start(new TreatyServer.Options(TestProjects.repo(), Path.of("fuseki-config/treaty-graph.ttl").toAbsolutePath(),
                null, 0, "/", TreatyServer.LOOPBACK, null), Progress.SILENT);
        endpoint = "http://localhost:" + server.port() + "/reconcile";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** As OpenRefine sends a batch: a form POST with a "queries" field. */
    static HttpResponse<String> post(String queries) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://127.0.0.1:3333")
                .POST(HttpRequest.BodyPublishers.ofString("queries=" + URLEncoder.encode(queries, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode results(String queries, String key) throws Exception {
        HttpResponse<String> r = post(queries);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path(key).path("result");
    }

    @Test
    void manifestWithCors() throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(endpoint)).header("Origin", "http://127.0.0.1:3333").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertFalse(r.headers().firstValue("Access-Control-Allow-Origin").orElse("").isEmpty(), "CORS is mandatory for reconciliation services");
        JsonNode m = JSON.readTree(r.body());
        assertEquals("https://w3id.org/treaty-graph/id/", m.path("identifierSpace").asText());
        assertTrue(m.path("view").path("url").asText().endsWith("/id/{{id}}"));
        assertTrue(m.path("defaultTypes").size() >= 4);
    }

    @Test
    void aBatchWithTypesFindsTheRightEntityFirst() throws Exception {
        String batch = """
            {"q0": {"query": "Treaty of Kars", "type": "Agreement", "limit": 3},
             "q1": {"query": "Kars", "type": "Territory"},
             "q2": {"query": "Georgy Chicherin", "type": "Person"},
             "q3": {"query": "treaty of sevres"}}""";
        HttpResponse<String> r = post(batch);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode all = JSON.readTree(r.body());
        assertEquals("agreement/treaty-of-kars-1921", all.path("q0").path("result").get(0).path("id").asText());
        assertTrue(all.path("q0").path("result").get(0).path("match").asBoolean(), "an exact name of the right type is a match");
        assertTrue(all.path("q0").path("result").size() <= 3);
        assertEquals("territory/kars", all.path("q1").path("result").get(0).path("id").asText());
        assertEquals("person/chicherin", all.path("q2").path("result").get(0).path("id").asText());
        assertFalse(all.path("q2").path("result").get(0).path("match").asBoolean(), "a near name is a candidate, not a match");
        assertEquals("agreement/treaty-of-sevres-1920", all.path("q3").path("result").get(0).path("id").asText(), "accents and case do not matter");
        for (JsonNode x : all.path("q1").path("result")) {
            assertTrue(x.path("type").toString().contains("Territory"), "the type restriction holds: " + x);
        }
    }

    @Test
    void aPropertyValueDecidesBetweenNamesakes() throws Exception {
        // Two agreements are both called the Treaty of Moscow in the sources; a party tells them apart.
        JsonNode plain = results("{\"q0\": {\"query\": \"Treaty of Moscow\", \"type\": \"Agreement\"}}", "q0");
        JsonNode withParty = results("{\"q0\": {\"query\": \"Treaty of Moscow\", \"type\": \"Agreement\", "
                + "\"properties\": [{\"pid\": \"hasParty\", \"v\": \"Grand National Assembly of Turkey\"}]}}", "q0");
        assertEquals("agreement/treaty-of-moscow-1921", withParty.get(0).path("id").asText(), withParty.toString());
        assertTrue(withParty.get(0).path("score").asDouble() > plain.get(0).path("score").asDouble() - 0.001);
    }

    @Test
    void badQueriesAreRefusedWithAReason() throws Exception {
        var r = post("{\"q0\": {\"query\": ");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("queries is not JSON"), r.body());
        var missing = post("{\"q0\": {\"type\": \"Person\"}}");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("query q0: \\\"query\\\" (the name to match) is missing"), missing.body());
    }

    @Test
    void aBatchIsBoundedAndEveryFieldCheckedBeforeAnyIsAnswered() throws Exception {
        // One request of a thousand queries cost 5 s of CPU (issue 13): the configuration allows 50.
        StringBuilder big = new StringBuilder("{");
        for (int i = 0; i < 51; i++) big.append(i == 0 ? "" : ",").append("\"q").append(i).append("\": {\"query\": \"Kars\"}");
        var tooMany = post(big.append("}").toString());
        assertEquals(400, tooMany.statusCode());
        assertTrue(tooMany.body().contains("the batch has 51 queries; this service takes at most 50"), tooMany.body());
        var fifty = post(big.toString().replace(",\"q50\": {\"query\": \"Kars\"}", ""));
        assertEquals(200, fifty.statusCode(), fifty.body());
        assertEquals(50, JSON.readTree(fifty.body()).size());
        // A bad field in the last query refuses the whole batch, with the field named.
        for (String bad : new String[] {"\"limit\": 101", "\"limit\": 2.5", "\"type\": 7", "\"properties\": \"P1\"", "\"query\": \"\""}) {
            var r = post("{\"q0\": {\"query\": \"Kars\"}, \"q1\": {\"query\": \"Batum\", " + bad + "}}");
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            assertTrue(r.body().contains("query q1: "), r.body());
        }
    }
}

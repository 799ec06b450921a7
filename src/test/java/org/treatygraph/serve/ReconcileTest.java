package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.*;
import static org.treatygraph.serve.ReconcileSchemas.V02;
import static org.treatygraph.serve.ReconcileSchemas.V1;
import static org.treatygraph.serve.ReconcileSchemas.assertValid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation service over real HTTP (the shared {@link SiteServer}), with the requests OpenRefine and
 * other clients send: every request kind of the 0.2 report and of the 1.0 draft, each request and answer
 * checked against the specification's JSON schemas ({@link ReconcileSchemas}).
 */
class ReconcileTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String V1_ROOT = "/reconcile/1.0-draft";

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** As OpenRefine sends a batch: a form POST with a "queries" field; the batch must be a valid 0.2 query batch. */
    static HttpResponse<String> post(String queries) throws Exception {
        return form("queries", queries);
    }

    static HttpResponse<String> form(String field, String value) throws Exception {
        return SiteServer.HTTP.send(HttpRequest.newBuilder(URI.create(SiteServer.base() + "/reconcile")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://127.0.0.1:3333")
                .POST(HttpRequest.BodyPublishers.ofString(field + "=" + enc(value))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postJson(String path, String body) throws Exception {
        return SiteServer.HTTP.send(HttpRequest.newBuilder(URI.create(SiteServer.base() + path)).header("Content-Type", "application/json")
                .header("Origin", "http://127.0.0.1:3333")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A valid 0.2 batch, sent, answered 200 with a valid 0.2 result batch. */
    static JsonNode batch(String queries) throws Exception {
        assertValid(V02, "reconciliation-query-batch", JSON.readTree(queries));
        HttpResponse<String> r = post(queries);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode all = JSON.readTree(r.body());
        assertValid(V02, "reconciliation-result-batch", all);
        return all;
    }

    static JsonNode results(String queries, String key) throws Exception {
        return batch(queries).path(key).path("result");
    }

    /** A valid 1.0-draft batch, posted to /match, answered 200 with a valid 1.0-draft result batch. */
    static JsonNode match(String queries) throws Exception {
        assertValid(V1, "reconciliation-query-batch", JSON.readTree(queries));
        HttpResponse<String> r = postJson(V1_ROOT + "/match", queries);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode all = JSON.readTree(r.body());
        assertValid(V1, "reconciliation-result-batch", all);
        return all.path("results");
    }

    static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = SiteServer.get(path, "Origin", "http://127.0.0.1:3333");
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        assertFalse(r.headers().firstValue("Access-Control-Allow-Origin").orElse("").isEmpty(), "CORS on every route: " + path);
        return JSON.readTree(r.body());
    }

    static List<String> ids(JsonNode candidates) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : candidates) out.add(c.path("id").asText());
        return out;
    }

    static long matches(JsonNode candidates) {
        long n = 0;
        for (JsonNode c : candidates) if (c.path("match").asBoolean()) n++;
        return n;
    }

    // ---- the manifests

    @Test
    void manifestWithCors() throws Exception {
        JsonNode m = getJson("/reconcile");
        assertValid(V02, "manifest", m);
        assertEquals("https://w3id.org/treaty-graph/id/", m.path("identifierSpace").asText());
        assertTrue(m.path("defaultTypes").size() >= 4);
        assertEquals(50, m.path("batchSize").asInt(), "the configured batch limit is announced");
        for (String kind : new String[] {"entity", "type", "property"})
            assertTrue(m.path("suggest").path(kind).path("service_path").asText().startsWith("/suggest/"), m.toString());
        assertTrue(m.path("preview").path("url").asText().contains("/reconcile/preview?id={{id}}"));
        assertEquals("/extend/propose", m.path("extend").path("propose_properties").path("service_path").asText());
    }

    @Test
    void theDraftManifest() throws Exception {
        JsonNode m = getJson(V1_ROOT);
        assertValid(V1, "manifest", m);
        assertTrue(m.path("suggest").path("entity").asBoolean() && m.path("suggest").path("type").asBoolean() && m.path("suggest").path("property").asBoolean());
        assertTrue(m.path("extend").path("proposeProperties").asBoolean());
        assertTrue(m.path("standardizedScore").asBoolean());
        assertEquals(50, m.path("batchSize").asInt());
    }

    // ---- matching, as before

    @Test
    void aBatchWithTypesFindsTheRightEntityFirst() throws Exception {
        JsonNode all = batch("""
            {"q0": {"query": "Treaty of Kars", "type": "Agreement", "limit": 3},
             "q1": {"query": "Kars", "type": "Territory"},
             "q2": {"query": "Georgy Chicherin", "type": "Person"},
             "q3": {"query": "treaty of sevres"}}""");
        assertEquals("agreement/treaty-of-kars-1921", all.path("q0").path("result").get(0).path("id").asText());
        assertTrue(all.path("q0").path("result").get(0).path("match").asBoolean(), "an exact name of the right type is a match");
        assertTrue(all.path("q0").path("result").size() <= 3);
        assertEquals("territory/kars", all.path("q1").path("result").get(0).path("id").asText());
        assertEquals("person/chicherin", all.path("q2").path("result").get(0).path("id").asText());
        assertFalse(all.path("q2").path("result").get(0).path("match").asBoolean(), "a near name is a candidate, not a match");
        assertEquals("agreement/treaty-of-sevres-1920", all.path("q3").path("result").get(0).path("id").asText(), "accents and case do not matter");
        for (JsonNode x : all.path("q1").path("result"))
            assertTrue(x.path("type").toString().contains("Territory"), "the type restriction holds: " + x);
    }

    @Test
    void aPropertyValueDecidesBetweenNamesakes() throws Exception {
        // Two agreements are both called the Treaty of Moscow in the sources; a party tells them apart.
        JsonNode plain = results("{\"q0\": {\"query\": \"Treaty of Moscow\", \"type\": \"Agreement\"}}", "q0");
        JsonNode withParty = results("{\"q0\": {\"query\": \"Treaty of Moscow\", \"type\": \"Agreement\", "
                + "\"properties\": [{\"pid\": \"hasParty\", \"v\": \"Grand National Assembly of Turkey\"}]}}", "q0");
        assertEquals("agreement/treaty-of-moscow-1921", withParty.get(0).path("id").asText(), withParty.toString());
        assertTrue(withParty.get(0).path("score").asDouble() > plain.get(0).path("score").asDouble() - 0.001);
        // The party as a reconciled entity (its id) decides too.
        JsonNode byId = results("{\"q0\": {\"query\": \"Treaty of Moscow\", \"properties\": [{\"pid\": \"tg:hasParty\", \"v\": {\"id\": \"polity/democratic-republic-of-georgia\"}}]}}", "q0");
        assertEquals("agreement/georgian-soviet-treaty-1920", byId.get(0).path("id").asText(), byId.toString());
        // A property by its Wikidata id: P585 (point in time) is tg:date's alone; P1891 is both has party and has signatory here.
        JsonNode byWikidata = results("{\"q0\": {\"query\": \"Treaty of Moscow\", \"properties\": [{\"pid\": \"P585\", \"v\": \"1920-05-07\"}]}}", "q0");
        assertEquals("agreement/georgian-soviet-treaty-1920", byWikidata.get(0).path("id").asText(), byWikidata.toString());
        var ambiguous = post("{\"q0\": {\"query\": \"Treaty of Moscow\", \"properties\": [{\"pid\": \"P1891\", \"v\": \"Armenia\"}]}}");
        assertEquals(400, ambiguous.statusCode());
        assertTrue(ambiguous.body().contains("is the Wikidata property of hasParty and hasSignatory here: name one of them"), ambiguous.body());
    }

    // ---- the defects of issue 16, each failing before

    @Test
    void aPropertyOnlyQueryIsAnswered() throws Exception {
        JsonNode r = results("{\"q0\": {\"properties\": [{\"pid\": \"hasParty\", \"v\": \"Persia\"}], \"type\": \"Agreement\", \"limit\": 20}}", "q0");
        assertTrue(ids(r).contains("agreement/soviet-persian-treaty-1921"), r.toString());
        for (JsonNode c : r) assertTrue(c.path("score").asDouble() > 0, c.toString());
    }

    @Test
    void aTypeGivenAsAListRestrictsTheCandidates() throws Exception {
        JsonNode r = results("{\"q0\": {\"query\": \"Kars\", \"type\": [\"Territory\"]}}", "q0");
        assertEquals("territory/kars", r.get(0).path("id").asText());
        for (JsonNode c : r) assertTrue(c.path("type").toString().contains("Territory"), "only territories: " + c);
        // Two types: either will do.
        JsonNode two = results("{\"q0\": {\"query\": \"Kars\", \"type\": [\"Territory\", \"Agreement\"], \"limit\": 10}}", "q0");
        assertTrue(ids(two).containsAll(List.of("territory/kars", "agreement/treaty-of-kars-1921")), two.toString());
        for (JsonNode c : two) assertFalse(c.path("id").asText().startsWith("person/"), c.toString());
    }

    @Test
    void typesAreMatchedThroughTheClassHierarchy() throws Exception {
        // The Treaty of Kars is a friendship treaty; asking for treaties, or instruments, finds it.
        for (String type : new String[] {"Treaty", "tg:Instrument", "https://w3id.org/treaty-graph/ontology#Instrument"}) {
            JsonNode r = results("{\"q0\": {\"query\": \"Treaty of Kars\", \"type\": \"" + type + "\"}}", "q0");
            assertEquals("agreement/treaty-of-kars-1921", r.get(0).path("id").asText(), type);
        }
        JsonNode persons = results("{\"q0\": {\"query\": \"Treaty of Kars\", \"type\": \"Person\"}}", "q0");
        assertFalse(ids(persons).contains("agreement/treaty-of-kars-1921"));
    }

    @Test
    void aLimitOutOfBoundsIsA4xxEverywhere() throws Exception {
        var r = post("{\"q0\": {\"query\": \"Kars\", \"limit\": -1}}");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("\\\"limit\\\" is a whole number from 1 to 100, found -1"), r.body());
        var m = postJson(V1_ROOT + "/match", "{\"queries\": [{\"conditions\": [{\"matchType\": \"name\", \"propertyValue\": \"Kars\"}], \"limit\": -1}]}");
        assertEquals(400, m.statusCode(), m.body());
        assertTrue(m.body().contains("query 0: \\\"limit\\\" is a whole number from 1 to 100"), m.body());
        for (String path : new String[] {"/reconcile/suggest/entity?prefix=Kars&limit=-1", V1_ROOT + "/suggest/type?prefix=T&limit=-1",
                "/reconcile/extend/propose?type=Agreement&limit=-1"}) {
            var s = SiteServer.get(path);
            assertEquals(400, s.statusCode(), path + ": " + s.body());
            assertTrue(s.body().contains("limit"), s.body());
        }
    }

    @Test
    void percentEncodedIdsInEntityLinksWork() throws Exception {
        JsonNode m = getJson("/reconcile");
        String id = "agreement/treaty-of-kars-1921";
        for (String template : new String[] {m.path("view").path("url").asText(), m.path("preview").path("url").asText()}) {
            for (String given : new String[] {enc(id), id}) {
                String url = template.replace("{{id}}", given);
                var r = SiteServer.HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 303) {
                    String to = r.headers().firstValue("Location").orElseThrow();
                    assertTrue(to.endsWith("/id/" + id), to);
                    r = SiteServer.get(URI.create(url).resolve(to).getRawPath(), "Accept", "text/html");
                }
                assertEquals(200, r.statusCode(), url + ": " + r.body());
                assertTrue(r.body().contains("Treaty of Kars"), url);
            }
        }
    }

    @Test
    void aNameIsAMatchOnlyWhenOneCandidateIsClearlyBest() throws Exception {
        JsonNode all = batch("{\"q0\": {\"query\": \"Persia\"}, \"q1\": {\"query\": \"Ukraine\"}, \"q2\": {\"query\": \"Persia\", \"type\": \"Territory\"},"
                + " \"q3\": {\"query\": \"Ukraine\", \"type\": \"Polity\"}}");
        for (String q : new String[] {"q0", "q1"}) {
            JsonNode r = all.path(q).path("result");
            assertTrue(matches(r) <= 1, "at most one match: " + r);
            assertEquals(0, matches(r), "the polity and the territory share the name: neither is clearly best: " + r);
        }
        assertEquals("territory/persia", all.path("q2").path("result").get(0).path("id").asText());
        assertTrue(all.path("q2").path("result").get(0).path("match").asBoolean(), "a type settles it");
        assertEquals("polity/ukraine", all.path("q3").path("result").get(0).path("id").asText());
        assertTrue(all.path("q3").path("result").get(0).path("match").asBoolean());
        // A limit of one does not make the only candidate shown clearly best.
        JsonNode one = results("{\"q0\": {\"query\": \"Persia\", \"limit\": 1}}", "q0");
        assertFalse(one.get(0).path("match").asBoolean(), one.toString());
    }

    @Test
    void anIsoDateAgreesWithADayMonthOrYear() throws Exception {
        JsonNode plain = results("{\"q0\": {\"query\": \"Treaty of Kars\", \"type\": \"Agreement\"}}", "q0");
        for (String date : new String[] {"1921-10-13", "1921-10-13T00:00:00Z", "13 October 1921", "1921-10", "1921"}) {
            JsonNode r = results("{\"q0\": {\"query\": \"Treaty of Kars\", \"type\": \"Agreement\", \"properties\": [{\"pid\": \"signingDate\", \"v\": \"" + date + "\"}]}}", "q0");
            assertEquals("agreement/treaty-of-kars-1921", r.get(0).path("id").asText(), date + ": " + r);
            assertTrue(r.get(0).path("score").asDouble() >= plain.get(0).path("score").asDouble(), date + ": an agreeing date does not lower the score");
            assertTrue(r.get(0).path("match").asBoolean(), date);
        }
        // The namesakes of Moscow: the date picks the 1920 one.
        JsonNode moscow = results("{\"q0\": {\"query\": \"Treaty of Moscow\", \"properties\": [{\"pid\": \"signingDate\", \"v\": \"1920-05-07\"}]}}", "q0");
        assertEquals("agreement/georgian-soviet-treaty-1920", moscow.get(0).path("id").asText(), moscow.toString());
    }

    @Test
    void namesInOtherScriptsAreFound() throws Exception {
        JsonNode r = results("{\"q0\": {\"query\": \"Карс\", \"type\": \"Territory\"}}", "q0");
        assertEquals("territory/kars", r.get(0).path("id").asText(), r.toString());
        JsonNode persia = results("{\"q0\": {\"query\": \"Персия\"}}", "q0");
        assertTrue(ids(persia).contains("polity/persia"), persia.toString());
    }

    @Test
    void scoresSeparateWrongCandidatesAndShowTheirParts() throws Exception {
        JsonNode r = results("{\"q0\": {\"query\": \"Treaty of Kars\", \"limit\": 10}}", "q0");
        assertEquals("agreement/treaty-of-kars-1921", r.get(0).path("id").asText());
        assertEquals(100, r.get(0).path("score").asDouble(), 0.001);
        for (JsonNode c : r) {
            if (c.path("id").asText().equals("agreement/treaty-of-sevres-1920"))
                assertTrue(c.path("score").asDouble() < 60, "the Treaty of Sèvres is not the Treaty of Kars: " + c);
            assertTrue(c.path("features").size() >= 1, c.toString());
        }
        JsonNode features = r.get(0).path("features");
        assertTrue(features.toString().contains("\"name\""), features.toString());
        JsonNode typed = results("{\"q0\": {\"query\": \"Treaty of Kars\", \"type\": \"Agreement\", \"properties\": [{\"pid\": \"hasParty\", \"v\": \"Armenia\"}]}}", "q0");
        String f = typed.get(0).path("features").toString();
        assertTrue(f.contains("\"type\"") && f.contains("\"property:hasParty\""), f);
    }

    @Test
    void anIdAsTheQueryFindsThatEntity() throws Exception {
        for (String q : new String[] {"agreement/treaty-of-kars-1921", "https://w3id.org/treaty-graph/id/agreement/treaty-of-kars-1921"}) {
            JsonNode r = results("{\"q0\": {\"query\": \"" + q + "\"}}", "q0");
            assertEquals("agreement/treaty-of-kars-1921", r.get(0).path("id").asText(), q);
            assertTrue(r.get(0).path("match").asBoolean(), q);
        }
    }

    // ---- the other request kinds of 0.2

    @Test
    void suggestAndFlyout() throws Exception {
        JsonNode m = getJson("/reconcile");
        JsonNode entities = getJson("/reconcile" + m.path("suggest").path("entity").path("service_path").asText() + "?prefix=Kar");
        assertValid(V02, "suggest-entities-response", entities);
        assertTrue(ids(entities.path("result")).contains("territory/kars"), entities.toString());
        JsonNode byId = getJson("/reconcile/suggest/entity?prefix=" + enc("territory/kars"));
        assertEquals("territory/kars", byId.path("result").get(0).path("id").asText());
        JsonNode types = getJson("/reconcile/suggest/type?prefix=trea");
        assertValid(V02, "suggest-types-response", types);
        assertTrue(ids(types.path("result")).contains("Treaty"), types.toString());
        JsonNode props = getJson("/reconcile/suggest/property?prefix=par");
        assertValid(V02, "suggest-properties-response", props);
        assertTrue(ids(props.path("result")).contains("hasParty"), props.toString());
        JsonNode wd = getJson("/reconcile/suggest/property?prefix=P1891");
        assertEquals(List.of("hasParty", "hasSignatory"), ids(wd.path("result")), "properties by their Wikidata id");
        // Paging: cursor (0.2) and offset (1.0) skip.
        JsonNode next = getJson("/reconcile/suggest/entity?prefix=Kar&cursor=1&limit=1");
        assertEquals(ids(entities.path("result")).get(1), next.path("result").get(0).path("id").asText());
        for (String kind : new String[] {"entity", "type", "property"}) {
            String path = m.path("suggest").path(kind).path("flyout_service_path").asText()
                    .replace("${id}", enc(kind.equals("entity") ? "territory/kars" : kind.equals("type") ? "Treaty" : "hasParty"));
            JsonNode fly = getJson("/reconcile" + path);
            assertFalse(fly.path("html").asText().isBlank(), fly.toString());
            assertFalse(Jsoup.parse(fly.path("html").asText()).text().isBlank());
        }
    }

    @Test
    void preview() throws Exception {
        var r = SiteServer.get("/reconcile/preview?id=" + enc("agreement/treaty-of-kars-1921"));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        var doc = Jsoup.parse(r.body());
        assertEquals("Treaty of Kars", doc.selectFirst("h1").text());
        assertTrue(doc.text().contains("13 October 1921"), doc.text());
        assertTrue(r.headers().firstValue("X-Frame-Options").isEmpty(), "a preview is shown in a client's frame");
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors *"));
        var missing = SiteServer.get("/reconcile/preview?id=" + enc("agreement/no-such-thing"));
        assertEquals(404, missing.statusCode());
    }

    @Test
    void dataExtension() throws Exception {
        JsonNode propose = getJson("/reconcile/extend/propose?type=Agreement&limit=8");
        assertValid(V02, "data-extension-property-proposal", propose);
        assertEquals("Agreement", propose.path("type").asText());
        assertTrue(ids(propose.path("properties")).contains("hasParty"), propose.toString());
        assertTrue(propose.path("properties").size() <= 8);
        String query = "{\"ids\": [\"agreement/treaty-of-kars-1921\", \"polity/persia\"], \"properties\": [{\"id\": \"hasParty\"}, {\"id\": \"signingDate\"},"
                + " {\"id\": \"wikidata\"}, {\"id\": \"placeOfSigning\"}, {\"id\": \"tg:hasParty\"}, {\"id\": \"P585\"}]}";
        assertValid(V02, "data-extension-query", JSON.readTree(query));
        var r = form("extend", query);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode x = JSON.readTree(r.body());
        assertValid(V02, "data-extension-response", x);
        JsonNode kars = x.path("rows").path("agreement/treaty-of-kars-1921");
        assertTrue(kars.path("hasParty").toString().contains("\"id\":\"polity/armenian-ssr\""), kars.toString());
        assertTrue(kars.path("signingDate").toString().contains("\"date\":\"1921-10-13T00:00:00Z\""), kars.toString());
        assertTrue(kars.path("placeOfSigning").toString().contains("\"name\":\"Kars\""), kars.toString());
        assertEquals(kars.path("hasParty"), kars.path("tg:hasParty"), "a property by its prefixed name");
        assertTrue(kars.path("P585").toString().contains("1921-10-13T00:00:00Z"), "by its Wikidata id: the dates (tg:date, with the signing's): " + kars);
        assertTrue(x.path("rows").path("polity/persia").path("wikidata").toString().contains("\"str\":\"Q"), x.toString());
        assertEquals(0, x.path("rows").path("polity/persia").path("signingDate").size());
        for (JsonNode meta : x.path("meta")) if (meta.path("id").asText().equals("hasParty")) assertEquals("CollectiveActor", meta.path("type").path("id").asText());
        // GET works too.
        assertEquals(200, SiteServer.get("/reconcile?extend=" + enc(query)).statusCode());
    }

    // ---- the 1.0 draft

    @Test
    void theDraftsMatchService() throws Exception {
        JsonNode r = match("""
            {"queries": [
              {"conditions": [{"matchType": "name", "propertyValue": "Treaty of Kars"}], "type": "Agreement", "limit": 3},
              {"conditions": [{"matchType": "name", "propertyValue": "Treaty of Moscow"},
                              {"matchType": "property", "propertyId": "signingDate", "propertyValue": "1920-05-07", "required": true}]},
              {"conditions": [{"matchType": "property", "propertyId": "hasParty", "propertyValue": {"id": "polity/persia"}, "required": true}], "limit": 50},
              {"conditions": [{"matchType": "id", "propertyValue": "territory/kars"}]},
              {"conditions": [{"matchType": "name", "propertyValue": "Treaty of Moscow"},
                              {"matchType": "property", "propertyId": "hasParty", "propertyValue": ["Armenia", "Democratic Republic of Georgia"], "matchQuantifier": "none"}]}
            ]}""");
        assertEquals(5, r.size());
        assertEquals("agreement/treaty-of-kars-1921", r.get(0).path("candidates").get(0).path("id").asText());
        assertTrue(r.get(0).path("candidates").get(0).path("match").asBoolean());
        assertEquals(List.of("agreement/georgian-soviet-treaty-1920"), ids(r.get(1).path("candidates")).subList(0, 1));
        for (JsonNode c : r.get(1).path("candidates")) assertNotEquals("agreement/treaty-of-moscow-1921", c.path("id").asText(), "a required condition filters");
        assertTrue(ids(r.get(2).path("candidates")).contains("agreement/soviet-persian-treaty-1921"));
        assertEquals("territory/kars", r.get(3).path("candidates").get(0).path("id").asText());
        assertFalse(ids(r.get(4).path("candidates")).isEmpty());
        assertNotEquals("agreement/georgian-soviet-treaty-1920", r.get(4).path("candidates").get(0).path("id").asText(), "none: a party it must not have");
    }

    @Test
    void theDraftsOtherServices() throws Exception {
        JsonNode e = getJson(V1_ROOT + "/suggest/entity?prefix=Batum&limit=3&offset=0");
        assertValid(V1, "suggest-entities-response", e);
        assertTrue(ids(e.path("result")).contains("territory/batumi"), e.toString());
        assertValid(V1, "suggest-types-response", getJson(V1_ROOT + "/suggest/type?prefix=Agr"));
        assertValid(V1, "suggest-properties-response", getJson(V1_ROOT + "/suggest/property?prefix=sign"));
        assertValid(V1, "data-extension-property-proposal", getJson(V1_ROOT + "/extend/propose?type=Person"));
        assertEquals(200, SiteServer.get(V1_ROOT + "/preview?id=" + enc("person/chicherin")).statusCode());
        String query = "{\"ids\": [\"agreement/treaty-of-kars-1921\"], \"properties\": [{\"id\": \"hasParty\"}, {\"id\": \"signingDate\"}]}";
        assertValid(V1, "data-extension-query", JSON.readTree(query));
        for (String path : new String[] {V1_ROOT + "/extend", "/reconcile/extend"}) {
            var r = postJson(path, query);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode x = JSON.readTree(r.body());
            assertValid(V1, "data-extension-response", x);
            assertEquals("agreement/treaty-of-kars-1921", x.path("rows").get(0).path("id").asText());
        }
        // The draft's routes answer under /reconcile too.
        var m = postJson("/reconcile/match", "{\"queries\": [{\"conditions\": [{\"matchType\": \"name\", \"propertyValue\": \"Kars\"}]}]}");
        assertEquals(200, m.statusCode(), m.body());
        assertValid(V1, "reconciliation-result-batch", JSON.readTree(m.body()));
    }

    // ---- client mistakes

    @Test
    void badQueriesAreRefusedWithAReason() throws Exception {
        var r = post("{\"q0\": {\"query\": ");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("queries is not JSON"), r.body());
        var missing = post("{\"q0\": {\"type\": \"Person\"}}");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("query q0: \\\"query\\\" (the name to match) is missing"), missing.body());
        var type = post("{\"q0\": {\"query\": \"Kars\", \"type\": \"Hovercraft\"}}");
        assertEquals(400, type.statusCode());
        assertTrue(type.body().contains("no type \\\"Hovercraft\\\""), type.body());
        var pid = post("{\"q0\": {\"query\": \"Kars\", \"properties\": [{\"pid\": \"colour\", \"v\": \"red\"}]}}");
        assertEquals(400, pid.statusCode());
        assertTrue(pid.body().contains("no property \\\"colour\\\""), pid.body());
        var x = form("extend", "{\"ids\": [\"agreement/no-such-thing\"], \"properties\": [{\"id\": \"hasParty\"}]}");
        assertEquals(400, x.statusCode());
        assertTrue(x.body().contains("no entity \\\"agreement/no-such-thing\\\""), x.body());
        var v1 = postJson(V1_ROOT + "/match", "{\"queries\": [{\"conditions\": [{\"matchType\": \"colour\", \"propertyValue\": \"red\"}]}]}");
        assertEquals(400, v1.statusCode());
        assertTrue(v1.body().contains("matchType"), v1.body());
        assertFalse(ReconcileSchemas.isValid(V1, "reconciliation-query-batch", JSON.readTree("{\"queries\": [{\"conditions\": []}]}")));
        var notFound = SiteServer.get("/reconcile/suggest/colour?prefix=a");
        assertEquals(404, notFound.statusCode());
    }

    @Test
    void aBatchIsBoundedAndEveryFieldCheckedBeforeAnyIsAnswered() throws Exception {
        // One request of a thousand queries cost 5 s of CPU (issue 13): the configuration allows 50.
        StringBuilder big = new StringBuilder("{");
        for (int i = 0; i < 51; i++) big.append(i == 0 ? "" : ",").append("\"q").append(i).append("\": {\"query\": \"Kars\"}");
        var tooMany = post(big.append("}").toString());
        assertEquals(413, tooMany.statusCode());
        assertTrue(tooMany.body().contains("the batch has 51 queries; this service takes at most 50"), tooMany.body());
        var fifty = post(big.toString().replace(",\"q50\": {\"query\": \"Kars\"}", ""));
        assertEquals(200, fifty.statusCode(), fifty.body());
        assertEquals(50, JSON.readTree(fifty.body()).size());
        StringBuilder v1 = new StringBuilder("{\"queries\": [");
        for (int i = 0; i < 51; i++) v1.append(i == 0 ? "" : ",").append("{\"conditions\": [{\"matchType\": \"name\", \"propertyValue\": \"Kars\"}]}");
        var tooManyV1 = postJson(V1_ROOT + "/match", v1.append("]}").toString());
        assertEquals(413, tooManyV1.statusCode());
        assertTrue(tooManyV1.body().contains("the batch has 51 queries; this service takes at most 50"), tooManyV1.body());
        StringBuilder ids = new StringBuilder("{\"ids\": [");
        for (int i = 0; i < 101; i++) ids.append(i == 0 ? "" : ",").append("\"territory/kars\"");
        var tooManyIds = form("extend", ids.append("], \"properties\": [{\"id\": \"hasParty\"}]}").toString());
        assertEquals(413, tooManyIds.statusCode());
        assertTrue(tooManyIds.body().contains("101 ids"), tooManyIds.body());
        // A bad field in the last query refuses the whole batch, with the field named.
        for (String bad : new String[] {"\"limit\": 101", "\"limit\": 2.5", "\"type\": 7", "\"properties\": \"P1\"", "\"query\": \"\""}) {
            var r = post("{\"q0\": {\"query\": \"Kars\"}, \"q1\": {\"query\": \"Batum\", " + bad + "}}");
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            assertTrue(r.body().contains("query q1: "), r.body());
        }
    }
}

package org.treatygraph.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for https://www.wikidata.org/w/api.php on loopback, answering wbsearchentities and
 * wbgetentities, and full-text search (list=search), in the API's own JSON shapes. wbsearchentities
 * matches as the real one does: the search text is a prefix of a label or alias in the asked language
 * (case and accents aside), exact matches first; full-text search wants every word of the text among
 * the words of one label or alias. It holds two made-up items (Q900001 a treaty of Kars signed 1921, Q900002 a place called Kars)
 * and, on request, the items of src/test/resources/wikidata/stand-in.json, taken from stored pages that
 * reproduce Wikidata. It can be told to rate-limit or to send broken JSON.
 */
final class WikidataFixture implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    private final Map<String, JsonNode> items = new LinkedHashMap<>();
    volatile int rateLimitTimes;
    volatile boolean broken;
    /** Requests after this many are answered 503 without Retry-After waits left: the API going down mid-run. */
    volatile int downAfter = Integer.MAX_VALUE;

    WikidataFixture() throws IOException {
        this(false);
    }

    /** @param standIn also serve the items of stand-in.json */
    WikidataFixture(boolean standIn) throws IOException {
        items.putAll(entities(JSON.readTree(MADE_UP)));
        if (standIn) {
            try (InputStream in = WikidataFixture.class.getResourceAsStream("/wikidata/stand-in.json")) {
                entities(JSON.readTree(in)).forEach((id, e) -> {
                    ((ObjectNode) e).remove("_page");
                    items.put(id, e);
                });
            }
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/w/api.php", ex -> {
            if (requests.incrementAndGet() > downAfter) {
                ex.getResponseHeaders().add("Retry-After", "0");
                ex.sendResponseHeaders(503, -1);
                ex.close();
                return;
            }
            Map<String, String> q = parameters(ex.getRequestURI().getRawQuery());
            if (rateLimitTimes > 0) {
                rateLimitTimes--;
                ex.getResponseHeaders().add("Retry-After", "0");
                ex.sendResponseHeaders(429, -1);
                ex.close();
                return;
            }
            String body = broken ? "<html>Wikimedia Error</html>"
                    : "wbsearchentities".equals(q.get("action")) ? search(q.get("search"), q.getOrDefault("language", "en"), Integer.parseInt(q.getOrDefault("limit", "7")))
                    : "search".equals(q.get("list")) ? fullText(q.get("srsearch"), Integer.parseInt(q.getOrDefault("srlimit", "10")))
                    : get(q.getOrDefault("ids", ""));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        });
        server.start();
    }

    String api() {
        return "http://localhost:" + server.getAddress().getPort() + "/w/api.php";
    }

    private String search(String text, String language, int limit) {
        String want = EntityIndex.normalise(text);
        record Hit(JsonNode item, String matched, String type, boolean exact) {}
        List<Hit> hits = new ArrayList<>();
        for (JsonNode e : items.values()) {
            String label = e.path("labels").path(language).path("value").asText(null);
            Hit hit = null;
            if (label != null && EntityIndex.normalise(label).startsWith(want)) hit = new Hit(e, label, "label", EntityIndex.normalise(label).equals(want));
            for (JsonNode a : e.path("aliases").path(language)) {
                String alias = a.path("value").asText();
                if (hit == null && EntityIndex.normalise(alias).startsWith(want)) hit = new Hit(e, alias, "alias", EntityIndex.normalise(alias).equals(want));
            }
            if (hit != null) hits.add(hit);
        }
        hits.sort(Comparator.comparing((Hit h) -> !h.exact()).thenComparing(h -> h.item().path("id").asText().length()).thenComparing(h -> h.item().path("id").asText()));
        ObjectNode out = JSON.createObjectNode();
        out.putObject("searchinfo").put("search", text);
        ArrayNode list = out.putArray("search");
        for (Hit h : hits.subList(0, Math.min(limit, hits.size()))) {
            String id = h.item().path("id").asText();
            ObjectNode r = list.addObject().put("id", id).put("title", id).put("pageid", id.hashCode() & 0xffff)
                    .put("concepturi", "http://www.wikidata.org/entity/" + id).put("label", h.item().path("labels").path(language).path("value").asText(h.matched()));
            r.putObject("match").put("type", h.type()).put("language", language).put("text", h.matched());
        }
        out.put("success", 1);
        return out.toString();
    }

    /** list=search as CirrusSearch answers it for items: every word of the text is a word of some label or alias. */
    private String fullText(String text, int limit) {
        List<String> words = List.of(EntityIndex.normalise(text).split(" "));
        ObjectNode out = JSON.createObjectNode().put("batchcomplete", "");
        ObjectNode query = out.putObject("query");
        ArrayNode list = query.putArray("search");
        int hits = 0;
        for (JsonNode e : items.values()) {
            List<String> terms = new ArrayList<>();
            e.path("labels").forEach(l -> terms.add(EntityIndex.normalise(l.path("value").asText())));
            e.path("aliases").forEach(as -> as.forEach(a -> terms.add(EntityIndex.normalise(a.path("value").asText()))));
            boolean match = terms.stream().anyMatch(t -> List.of(t.split(" ")).containsAll(words));
            if (!match) continue;
            hits++;
            if (list.size() < limit) {
                String id = e.path("id").asText();
                list.addObject().put("ns", 0).put("title", id).put("pageid", id.hashCode() & 0xffff)
                        .put("snippet", e.path("labels").path("en").path("value").asText(id));
            }
        }
        query.putObject("searchinfo").put("totalhits", hits);
        return out.toString();
    }

    /** Serves one more item (a made-up one, in wbgetentities' shape) from now on. */
    void add(String itemJson) throws IOException {
        JsonNode e = JSON.readTree(itemJson);
        items.put(e.path("id").asText(), e);
    }

    private String get(String ids) {
        ObjectNode out = JSON.createObjectNode();
        if (ids.split("\\|").length > 50) {   // as Wikidata answers more than 50 ids
            out.putObject("error").put("code", "toomanyvalues").put("info", "Too many values supplied for parameter \"ids\". The limit is 50.");
            return out.toString();
        }
        ObjectNode entities = out.putObject("entities");
        for (String id : ids.split("\\|")) {
            if (id.isEmpty()) continue;
            if (items.containsKey(id)) entities.set(id, items.get(id));
            else entities.putObject(id).put("id", id).put("missing", "");
        }
        out.put("success", 1);
        return out.toString();
    }

    private static Map<String, JsonNode> entities(JsonNode doc) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        doc.path("entities").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    private static Map<String, String> parameters(String raw) {
        Map<String, String> m = new HashMap<>();
        for (String kv : raw == null ? new String[0] : raw.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) m.put(URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static final String MADE_UP = """
        {"entities":{
          "Q900001":{"type":"item","id":"Q900001",
            "labels":{"en":{"language":"en","value":"Treaty of Kars"},"ru":{"language":"ru","value":"Карсский договор"}},
            "descriptions":{"en":{"language":"en","value":"1921 treaty"}},
            "aliases":{"en":[{"language":"en","value":"Kars Treaty"}]},
            "claims":{
              "P31":[{"mainsnak":{"snaktype":"value","property":"P31","datavalue":{"value":{"entity-type":"item","numeric-id":131569,"id":"Q131569"},"type":"wikibase-entityid"},"datatype":"wikibase-item"},"type":"statement","rank":"normal"}],
              "P585":[{"mainsnak":{"snaktype":"value","property":"P585","datavalue":{"value":{"time":"+1921-10-13T00:00:00Z","timezone":0,"before":0,"after":0,"precision":11,"calendarmodel":"http://www.wikidata.org/entity/Q1985727"},"type":"time"},"datatype":"time"},"type":"statement","rank":"normal"}]}},
          "Q900002":{"type":"item","id":"Q900002",
            "labels":{"en":{"language":"en","value":"Kars"}},
            "descriptions":{"en":{"language":"en","value":"city"}},
            "aliases":{},
            "claims":{"P31":[{"mainsnak":{"snaktype":"value","property":"P31","datavalue":{"value":{"entity-type":"item","numeric-id":515,"id":"Q515"},"type":"wikibase-entityid"},"datatype":"wikibase-item"},"type":"statement","rank":"normal"}]}}
        },"success":1}""";

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.treatygraph.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entity as GeoJSON (/id/…/x.geojson, or Accept: application/geo+json), cut from the served
 * territories.geojson dump, so a place reads the same in the file and on its own: a territory is its
 * Feature; any other entity the FeatureCollection of the territories whose history names it (the polities
 * that held, were assigned or claimed them, the instruments and acts that began or ended it).
 */
final class GeoJsonViews {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final java.util.function.Supplier<Readiness> ready;
    private volatile Loaded loaded;

    private record Loaded(FileTime modified, Map<String, JsonNode> byId, Map<String, String> texts) {}

    GeoJsonViews(Path dumps, java.util.function.Supplier<Readiness> ready) {
        this.file = dumps.resolve("territories.geojson");
        this.ready = ready;
    }

    /** The entity's GeoJSON: its Feature, or the collection of the Features that name it (empty when none does). */
    byte[] view(String iri) {
        Loaded l = load();
        try {
            JsonNode own = l.byId().get(iri);
            if (own != null) return JSON.writeValueAsBytes(own);
            ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
            ArrayNode features = collection.putArray("features");
            String quoted = JSON.writeValueAsString(iri);
            for (Map.Entry<String, String> e : l.texts().entrySet()) {
                if (e.getValue().contains(quoted)) features.add(l.byId().get(e.getKey()));
            }
            return JSON.writeValueAsBytes(collection);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the entity has a place with coordinates to draw (its own point, or a territory naming it that has one). */
    boolean hasPoints(String iri) {
        Loaded l = load();
        JsonNode own = l.byId().get(iri);
        if (own != null) return !own.path("geometry").isNull() && !own.path("geometry").isMissingNode();
        try {
            String quoted = JSON.writeValueAsString(iri);
            for (Map.Entry<String, String> e : l.texts().entrySet()) {
                JsonNode g = l.byId().get(e.getKey()).path("geometry");
                if (!g.isNull() && !g.isMissingNode() && e.getValue().contains(quoted)) return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Loaded load() {
        // A fresh build's dumps are written just after the start: a page waits for them rather than be made
        // (and cached under the build's ETag) without its places.
        try {
            ready.get().await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the dumps", e);
        }
        // A site without its dumps (a page rendered on its own, e.g. in a test) has no places to draw.
        if (!Files.isRegularFile(file)) return new Loaded(null, Map.of(), Map.of());
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            Loaded l = loaded;
            if (l != null && l.modified().equals(modified)) return l;
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            Map<String, String> texts = new LinkedHashMap<>();
            List<JsonNode> features = new ArrayList<>();
            JSON.readTree(file.toFile()).path("features").forEach(features::add);
            for (JsonNode f : features) {
                byId.put(f.path("id").asText(), f);
                texts.put(f.path("id").asText(), JSON.writeValueAsString(f.path("properties")));
            }
            loaded = l = new Loaded(modified, byId, texts);
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException("the served dumps have no readable " + file, e);
        }
    }
}

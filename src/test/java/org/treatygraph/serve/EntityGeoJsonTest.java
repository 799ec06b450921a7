package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.ExternalTools;

/**
 * An entity as GeoJSON (issue 15): a territory is its Feature, cut from the served territories.geojson; an
 * instrument or polity the territories whose history names it; by suffix or by Accept, a wildcard still Turtle.
 */
class EntityGeoJsonTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode geoJson(String path, String... headers) throws Exception {
        HttpResponse<String> r = SiteServer.get(path, headers);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertEquals("application/geo+json", r.headers().firstValue("Content-Type").orElse(""), path);
        return JSON.readTree(r.body());
    }

    @Test
    void aTerritoryIsItsFeatureAsTheDumpHasIt() throws Exception {
        JsonNode kars = geoJson("/id/territory/kars.geojson");
        assertEquals("Feature", kars.path("type").asText());
        assertEquals("https://w3id.org/treaty-graph/id/territory/kars", kars.path("id").asText());
        assertEquals("Point", kars.path("geometry").path("type").asText());
        // RFC 7946: longitude first; the gazetteer record's point for Kars (data/places.yaml).
        assertEquals(43.09495, kars.path("geometry").path("coordinates").get(0).asDouble(), 1e-9);
        assertEquals(40.60199, kars.path("geometry").path("coordinates").get(1).asDouble(), 1e-9);
        JsonNode dump = JSON.readTree(SiteServer.get("/dumps/territories.geojson").body());
        JsonNode same = null;
        for (JsonNode f : dump.path("features")) if (f.path("id").asText().equals(kars.path("id").asText())) same = f;
        assertEquals(same, kars, "the same Feature as in the dump");
        assertEquals(kars, geoJson("/id/territory/kars", "Accept", "application/geo+json"), "by Accept too");
    }

    @Test
    void anInstrumentIsTheTerritoriesItsHistoryNames() throws Exception {
        JsonNode kars = geoJson("/id/agreement/treaty-of-kars-1921.geojson");
        assertEquals("FeatureCollection", kars.path("type").asText());
        List<String> ids = new ArrayList<>();
        kars.path("features").forEach(f -> ids.add(f.path("id").asText()));
        assertTrue(ids.contains("https://w3id.org/treaty-graph/id/territory/kars") && ids.contains("https://w3id.org/treaty-graph/id/territory/ardahan"), ids.toString());
        assertFalse(ids.contains("https://w3id.org/treaty-graph/id/territory/warsaw"), ids.toString());
    }

    @Test
    void everyKindOfEntityGeoJsonIsReadByPythonsJsonAndDebiansGeoJsonReader(@TempDir Path tmp) throws Exception {
        // A located territory, one without coordinates (a Feature with a null geometry), an instrument, a polity.
        List<String> expected = List.of("Feature True Point", "Feature True None", "FeatureCollection True 4", "FeatureCollection True 12");
        List<String> paths = List.of("/id/territory/kars.geojson", "/id/territory/zangezur.geojson", "/id/agreement/treaty-of-kars-1921.geojson",
                "/id/polity/grand-national-assembly.geojson");
        ExternalTools.requirePython("geojson");
        for (int i = 0; i < paths.size(); i++) {
            Path file = tmp.resolve(i + ".geojson");
            Files.writeString(file, SiteServer.get(paths.get(i)).body());
            var read = ExternalTools.run(List.of(ExternalTools.PYTHON, "-c",
                    "import json,geojson,sys; json.load(open(sys.argv[1],encoding='utf-8')); g=geojson.loads(open(sys.argv[1],encoding='utf-8').read()); "
                            + "print(type(g).__name__, g.is_valid, len(g['features']) if 'features' in g else (g['geometry'] or {}).get('type'))", file.toString()));
            assertEquals(0, read.exit(), paths.get(i) + ": " + read.output());
            assertEquals(expected.get(i), read.output().strip(), paths.get(i));
        }
    }

    @Test
    void aWildcardStillGetsTurtleAndAnUnknownEntityIs404() throws Exception {
        assertTrue(SiteServer.get("/id/territory/kars", "Accept", "*/*").headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        HttpResponse<String> none = SiteServer.get("/id/territory/no-such-place.geojson");
        assertEquals(404, none.statusCode());
        assertEquals("FeatureCollection", JSON.readTree(none.body()).path("type").asText());
        assertEquals(404, SiteServer.get("/ontology.geojson").statusCode(), "the ontology has no places");
    }
}

package org.treatygraph.publish;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.ExternalTools;
import org.treatygraph.TestProjects;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;

/**
 * The exports beside the RDF dumps: the Linked Places file validates against the LPF JSON schema (World
 * Historical Gazetteer's, test resource lpf/), the GeoJSON is RFC 7946 (checked here, and read by Python's json
 * and by Debian's python3-geojson), the CSVs load in Python's csv with the columns docs/exports.md documents and
 * a row per fact the graph holds; and a small graph of two geometries comes out [longitude, latitude].
 */
class ExportsTest {
    @TempDir static Path dir;
    static JsonNode geojson, lpf;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void write() throws IOException {
        Map<Dump, Path> files = Exports.write(TestProjects.repoGraph().queryDataset(), dir);
        assertEquals(5, files.size(), files.toString());
        geojson = JSON.readTree(dir.resolve(Dump.TERRITORIES_GEOJSON.fileName()).toFile());
        lpf = JSON.readTree(dir.resolve(Dump.TERRITORIES_LPF.fileName()).toFile());
    }

    // ------------------------------------------------------------------ Linked Places

    @Test
    void everyLinkedPlacesFeatureValidatesAgainstTheLpfSchema() throws IOException {
        // As World Historical Gazetteer checks an upload: a FeatureCollection with @context and features, each feature valid.
        assertEquals("FeatureCollection", lpf.path("type").asText());
        assertEquals(PlaceExports.LPF_CONTEXT, lpf.path("@context").asText());
        assertEquals(territories(), lpf.path("features").size());
        Schema schema = lpfSchema();
        List<String> problems = new ArrayList<>();
        for (JsonNode f : lpf.path("features")) {
            for (Error e : schema.validate(f)) problems.add(f.path("@id").asText() + ": " + e.getMessage());
        }
        assertEquals(List.of(), problems);
        JsonNode kars = feature(lpf, "@id", "territory/kars");
        assertEquals("Kars", kars.path("properties").path("title").asText());
        assertFalse(kars.path("names").get(0).path("citations").isEmpty(), "the name Kars has its passages: " + kars.path("names"));
        assertTrue(kars.path("when").path("timespans").size() > 0);
        // Relations to the polities, each with its when: Kars assigned to the Grand National Assembly by the Treaty of Moscow
        // (from its signing, which the sources date to March 1921 at the coarsest).
        boolean assigned = false;
        for (JsonNode r : kars.path("relations")) {
            assertTrue(r.path("when").path("timespans").size() == 1, r.toString());
            if (r.path("relationType").asText().equals("https://w3id.org/treaty-graph/ontology#toPolity")
                    && r.path("relationTo").asText().equals(IriScheme.iri("polity/grand-national-assembly").getURI())
                    && r.path("when").path("timespans").get(0).path("start").path("in").asText().equals("1921-03")) assigned = true;
        }
        assertTrue(assigned, kars.path("relations").toString());
    }

    @Test
    void theSchemaRefusesWhatTheExportMustNotWrite() throws IOException {
        // The validator is live: a feature without names, or with a null geometry, is refused.
        Schema schema = lpfSchema();
        JsonNode kars = feature(lpf, "@id", "territory/kars");
        var noNames = kars.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) noNames).remove("names");
        assertFalse(schema.validate(noNames).isEmpty());
        var nullGeometry = kars.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) nullGeometry).putNull("geometry");
        assertFalse(schema.validate(nullGeometry).isEmpty());
    }

    private static Schema lpfSchema() throws IOException {
        try (InputStream in = ExportsTest.class.getResourceAsStream("/lpf/schema_lpf_v1.2.2.json")) {
            // Its $id is relative ("schema_lpf_v1.2.json"): the schema is given its own location to resolve it against.
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(com.networknt.schema.SchemaLocation.of("classpath:lpf/schema_lpf_v1.2.2.json"), in, InputFormat.JSON);
        }
    }

    // ------------------------------------------------------------------ GeoJSON

    @Test
    void theGeoJsonIsAnRfc7946FeatureCollection() {
        assertEquals("FeatureCollection", geojson.path("type").asText());
        assertEquals(territories(), geojson.path("features").size());
        String previous = "";
        for (JsonNode f : geojson.path("features")) {
            assertEquals("Feature", f.path("type").asText());
            String id = f.path("id").asText();
            assertTrue(id.startsWith(IriScheme.ID + "territory/"), id);
            assertTrue(id.compareTo(previous) > 0, "features in IRI order: " + id);
            previous = id;
            assertTrue(f.has("geometry") && f.has("properties") && f.path("properties").isObject(), id);
            checkGeometry(f.path("geometry"), id);
            JsonNode p = f.path("properties");
            for (String k : new String[] {"id", "label", "kind", "altLabels", "page", "wikidata", "coordinatesCheck", "noCoordinatesReason", "history"}) {
                assertTrue(p.has(k), id + " lacks " + k);
            }
            // A point has its check or the territory its reason: never coordinates without how they were checked.
            if (!f.path("geometry").isNull()) assertFalse(p.path("coordinatesCheck").isNull(), id + ": coordinates without their check");
            for (JsonNode h : p.path("history")) {
                assertTrue(h.path("from").has("iso") && h.path("from").has("words") && h.path("to").has("words"), h.toString());
                for (JsonNode s : h.path("sources")) assertTrue(s.path("ref").asText().matches("[0-9]{3}:[0-9]+-[0-9]+"), s.toString());
            }
        }
        JsonNode kars = feature(geojson, "id", "territory/kars");
        boolean held = false;
        for (JsonNode h : kars.path("properties").path("history")) {
            if (h.path("relation").asText().equals("held") && h.path("polity").asText().endsWith("polity/grand-national-assembly")
                    && !h.path("sources").isEmpty()) held = true;
        }
        assertTrue(held, "Kars held by the Grand National Assembly, with its sources: " + kars);
    }

    /** RFC 7946: null, or a Point of [longitude, latitude], or a Polygon of closed rings of such positions. */
    static void checkGeometry(JsonNode g, String where) {
        if (g.isNull()) return;
        String type = g.path("type").asText();
        JsonNode c = g.path("coordinates");
        switch (type) {
            case "Point" -> checkPosition(c, where);
            case "Polygon" -> {
                assertTrue(c.size() >= 1, where);
                for (JsonNode ring : c) {
                    assertTrue(ring.size() >= 4, where + ": a linear ring has four or more positions");
                    assertEquals(ring.get(0), ring.get(ring.size() - 1), where + ": a linear ring is closed");
                    for (JsonNode pos : ring) checkPosition(pos, where);
                }
            }
            default -> fail(where + ": geometry type " + type);
        }
    }

    static void checkPosition(JsonNode pos, String where) {
        assertTrue(pos.isArray() && pos.size() == 2 && pos.get(0).isNumber() && pos.get(1).isNumber(), where + ": " + pos);
        double lon = pos.get(0).asDouble(), lat = pos.get(1).asDouble();
        assertTrue(lon >= -180 && lon <= 180, where + ": longitude " + lon);
        assertTrue(lat >= -90 && lat <= 90, where + ": latitude " + lat);
    }

    @Test
    void pythonsJsonAndDebiansGeoJsonReaderReadTheGeoJson() throws Exception {
        Path geo = dir.resolve(Dump.TERRITORIES_GEOJSON.fileName());
        var json = ExternalTools.run(List.of(ExternalTools.PYTHON, "-c",
                "import json,sys; d=json.load(open(sys.argv[1],encoding='utf-8')); print(d['type'], len(d['features']))", geo.toString()));
        assertEquals(0, json.exit(), json.output());
        assertEquals("FeatureCollection " + territories(), json.output().strip());
        ExternalTools.requirePython("geojson");
        var reader = ExternalTools.run(List.of(ExternalTools.PYTHON, "-c",
                "import geojson,sys; fc=geojson.loads(open(sys.argv[1],encoding='utf-8').read()); "
                        + "print(type(fc).__name__, fc.is_valid, len(fc['features']), fc.errors())", geo.toString()));
        assertEquals(0, reader.exit(), reader.output());
        assertEquals("FeatureCollection True " + territories() + " []", reader.output().strip());
    }

    // ------------------------------------------------------------------ two geometries

    @Test
    void wktPointsAndPolygonsBecomeLongitudeLatitudePositions() throws Exception {
        DatasetGraph loaded = DatasetGraphFactory.createGeneral();
        RDFParser.source(ExportsTest.class.getResource("/lpf/two-geometries.trig").toString()).parse(loaded);
        loaded.addGraph(IriScheme.ONTOLOGY_GRAPH, RDFDataMgr.loadGraph(TestProjects.repo().ontologyFile().toString()));
        var union = GraphFactory.createDefaultGraph();
        loaded.listGraphNodes().forEachRemaining(g -> loaded.getGraph(g).find().forEach(union::add));
        DatasetGraph dsg = DatasetGraphFactory.create(union);
        loaded.listGraphNodes().forEachRemaining(g -> dsg.addGraph(g, loaded.getGraph(g)));
        Dataset ds = DatasetFactory.wrap(dsg);
        Map<Dump, Path> files = Exports.write(ds, Files.createDirectories(dir.resolve("fixture")));
        JsonNode fc = JSON.readTree(files.get(Dump.TERRITORIES_GEOJSON).toFile());
        assertEquals(3, fc.path("features").size());
        JsonNode town = feature(fc, "id", "territory/fixture-town");
        assertEquals("Point", town.path("geometry").path("type").asText());
        assertEquals(101.25, town.path("geometry").path("coordinates").get(0).asDouble(), "longitude first");
        assertEquals(-12.5, town.path("geometry").path("coordinates").get(1).asDouble(), "latitude second");
        assertEquals("https://example.org/fixture-record", town.path("properties").path("coordinatesCheck").path("checkedAgainst").asText());
        assertEquals("2025-01-02", town.path("properties").path("coordinatesCheck").path("checkedOn").asText());
        JsonNode region = feature(fc, "id", "territory/fixture-region");
        assertEquals("Polygon", region.path("geometry").path("type").asText());
        assertEquals("[[[10,20],[11,20],[11,21.5],[10,20]]]", region.path("geometry").path("coordinates").toString());
        for (JsonNode f : fc.path("features")) checkGeometry(f.path("geometry"), f.path("id").asText());
        JsonNode nowhere = feature(fc, "id", "territory/fixture-nowhere");
        assertTrue(nowhere.path("geometry").isNull());
        assertEquals("no stored record gives its coordinates", nowhere.path("properties").path("noCoordinatesReason").asText());
        // Linked Places: the point with its check as citation, the place without coordinates with no geometry but its reason.
        JsonNode places = JSON.readTree(files.get(Dump.TERRITORIES_LPF).toFile());
        Schema schema = lpfSchema();
        for (JsonNode f : places.path("features")) assertEquals(List.of(), schema.validate(f), f.toString());
        JsonNode lpfTown = feature(places, "@id", "territory/fixture-town");
        assertEquals("[101.25,-12.5]", lpfTown.path("geometry").path("coordinates").toString());
        assertEquals("https://example.org/fixture-record", lpfTown.path("geometry").path("citations").get(0).path("@id").asText());
        assertEquals("P", lpfTown.path("properties").path("fclasses").get(0).asText());
        JsonNode lpfNowhere = feature(places, "@id", "territory/fixture-nowhere");
        assertFalse(lpfNowhere.has("geometry"));
        assertTrue(lpfNowhere.path("descriptions").get(0).path("value").asText().contains("no stored record gives its coordinates"));
    }

    // ------------------------------------------------------------------ CSV

    @Test
    void pythonsCsvReadsEachCsvWithTheDocumentedColumnsAndARowPerFact() throws Exception {
        Map<Dump, String> counts = Map.of(
                Dump.INSTRUMENTS_CSV, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH <https://w3id.org/treaty-graph/graph/asserted> { ?a a ?k ; rdfs:label ?l } "
                        + "GRAPH <https://w3id.org/treaty-graph/graph/ontology> { ?k rdfs:subClassOf* tg:Instrument } }",
                Dump.PARTICIPATIONS_CSV, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH <https://w3id.org/treaty-graph/graph/asserted> { ?p a tg:Participation } }",
                Dump.TERRITORIAL_CHANGES_CSV, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH <https://w3id.org/treaty-graph/graph/asserted> { ?c a ?k } "
                        + "GRAPH <https://w3id.org/treaty-graph/graph/ontology> { ?k rdfs:subClassOf* tg:TerritorialChange } }");
        Map<Dump, List<String>> columns = Map.of(Dump.INSTRUMENTS_CSV, FactTables.INSTRUMENT_COLUMNS,
                Dump.PARTICIPATIONS_CSV, FactTables.PARTICIPATION_COLUMNS, Dump.TERRITORIAL_CHANGES_CSV, FactTables.CHANGE_COLUMNS);
        String docs = Files.readString(TestProjects.repo().root().resolve("docs/exports.md"), StandardCharsets.UTF_8);
        for (Dump d : counts.keySet()) {
            assertEquals(documentedColumns(docs, d.fileName()), columns.get(d), "docs/exports.md documents the columns of " + d.fileName());
            var r = ExternalTools.run(List.of(ExternalTools.PYTHON, "-c",
                    "import csv,sys\nwith open(sys.argv[1], newline='', encoding='utf-8') as f:\n rows=list(csv.reader(f, strict=True))\n"
                            + "assert all(len(x)==len(rows[0]) for x in rows), 'ragged'\nprint('|'.join(rows[0]))\nprint(len(rows)-1)",
                    dir.resolve(d.fileName()).toString()));
            assertEquals(0, r.exit(), d + ": " + r.output());
            String[] lines = r.output().strip().split("\n");
            assertEquals(String.join("|", columns.get(d)), lines[0], d.fileName());
            long expected;
            try (QueryExecution qe = QueryExecution.dataset(TestProjects.repoGraph().queryDataset())
                    .query(org.apache.jena.query.QueryFactory.create(prefixes() + counts.get(d))).build()) {
                expected = qe.execSelect().next().getLiteral("n").getLong();
            }
            assertTrue(expected > 0, d.fileName());
            assertEquals(expected, Long.parseLong(lines[1]), d.fileName() + ": a row per fact");
        }
        String changes = Files.readString(dir.resolve(Dump.TERRITORIAL_CHANGES_CSV.fileName()), StandardCharsets.UTF_8);
        assertTrue(changes.contains("agreement/treaty-of-moscow-1921/cession-of-kars"), "the cession of Kars is a row");
        String instruments = Files.readString(dir.resolve(Dump.INSTRUMENTS_CSV.fileName()), StandardCharsets.UTF_8);
        String kars = instruments.lines().filter(l -> l.startsWith("agreement/treaty-of-kars-1921,")).findFirst().orElseThrow();
        assertTrue(kars.contains("1921-09 | 1921-10-13"), "both dates of the Treaty of Kars, in ISO: " + kars);
        assertTrue(kars.contains("September 1921 (month) | 13 October 1921"), "and in words: " + kars);
    }

    /** The backquoted names that begin the rows of the table under "### file" in docs/exports.md. */
    static List<String> documentedColumns(String docs, String file) {
        List<String> cols = new ArrayList<>();
        boolean in = false;
        for (String line : docs.split("\n")) {
            if (line.startsWith("#")) in = line.strip().equals("### " + file) || line.strip().equals("### `" + file + "`");
            else if (in && line.startsWith("| `")) cols.add(line.substring(3, line.indexOf('`', 3)));
        }
        return cols;
    }

    private static String prefixes() {
        StringBuilder b = new StringBuilder();
        Prefixes.MAPPING.getNsPrefixMap().forEach((k, v) -> b.append("PREFIX ").append(k).append(": <").append(v).append(">\n"));
        return b.toString();
    }

    // ------------------------------------------------------------------ helpers

    private static long territories() {
        TreatyGraph g = TestProjects.repoGraph();
        try (QueryExecution qe = QueryExecution.dataset(g.queryDataset()).query(org.apache.jena.query.QueryFactory.create(prefixes()
                + "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { GRAPH <https://w3id.org/treaty-graph/graph/asserted> { ?t a ?k } "
                + "GRAPH <https://w3id.org/treaty-graph/graph/ontology> { ?k rdfs:subClassOf* tg:Territory } }")).build()) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }

    private static JsonNode feature(JsonNode fc, String idKey, String id) {
        for (JsonNode f : fc.path("features")) if (f.path(idKey).asText().equals(IriScheme.iri(id).getURI())) return f;
        throw new AssertionError("no feature " + id);
    }
}

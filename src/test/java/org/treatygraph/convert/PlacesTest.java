package org.treatygraph.convert;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.treatygraph.TestProjects;
import org.treatygraph.ontology.GEO;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;
import org.treatygraph.ontology.TG;

/**
 * The territories' coordinates in the built graph: each point with its check in the provenance graph, the
 * central territories of issue 15 all placed or saying why not, and a geometry without a check refused.
 */
class PlacesTest {
    /** The central territories of issue 15's acceptance, and the capitals of the polities (those the records have). */
    static final List<String> CENTRAL = List.of("kars", "ardahan", "artvin", "batumi", "akhaltsikhe", "akhalkalaki", "alexandropol",
            "nakhchivan", "zangezur", "nagorno-karabakh", "erzurum", "trabzon", "van", "bitlis",
            "moscow", "ankara", "tiflis", "baku", "erevan", "tehran", "constantinople", "warsaw", "london", "urga");
    static final Pattern POINT = Pattern.compile("POINT\\((-?[0-9.]+) (-?[0-9.]+)\\)");

    static Map<String, JsonNode> placesFile() throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(TestProjects.repo().placesFile().toFile());
        Map<String, JsonNode> byTerritory = new HashMap<>();
        root.forEach(p -> assertNull(byTerritory.put(p.path("territory").asText(), p), "listed twice: " + p.path("territory").asText()));
        return byTerritory;
    }

    @Test
    void everyCentralTerritoryHasAPointOrAReason() {
        TreatyGraph g = TestProjects.repoGraph();
        int placed = 0;
        for (String t : CENTRAL) {
            Node territory = IriScheme.iri("territory/" + t);
            assertTrue(g.asserted().contains(territory, RDF.type.asNode(), Node.ANY), "territory/" + t + " is in the records");
            boolean point = g.asserted().contains(territory, GEO.hasGeometry, Node.ANY);
            List<Triple> reasons = g.asserted().find(territory, TG.noCoordinatesReason, Node.ANY).toList();
            assertTrue(point ^ !reasons.isEmpty(), "territory/" + t + ": a point or a reason, not both nor neither");
            if (point) placed++;
            else assertTrue(reasons.get(0).getObject().getLiteralLexicalForm().length() > 40, "a written reason for territory/" + t);
        }
        // The treaty territories the issue names first are placed (their towns' records); Zangezur and Karabakh say why not.
        for (String t : List.of("kars", "ardahan", "artvin", "batumi", "akhaltsikhe", "akhalkalaki", "alexandropol", "nakhchivan",
                "erzurum", "trabzon", "van", "bitlis", "ankara", "tiflis", "baku", "erevan"))
            assertTrue(g.asserted().contains(IriScheme.iri("territory/" + t), GEO.hasGeometry, Node.ANY), t + " has a point");
        assertTrue(placed >= 18, "placed " + placed);
    }

    @Test
    void everyPointInTheGraphHasItsCheckAndMatchesTheFile() throws IOException {
        TreatyGraph g = TestProjects.repoGraph();
        Map<String, JsonNode> file = placesFile();
        List<Triple> has = g.geometries();
        assertEquals(file.values().stream().filter(p -> p.has("lat") || p.has("wkt")).count(), has.size(), "one geometry per point of places.yaml");
        assertEquals(file.values().stream().filter(p -> p.has("none")).count(), g.noCoordinates().size(), "one reason per none of places.yaml");
        for (Triple t : has) {
            String id = IriScheme.id(t.getSubject());
            JsonNode entry = file.get(id);
            Node geometry = t.getObject();
            assertEquals(IriScheme.geometry(t.getSubject()), geometry, id);
            assertTrue(g.asserted().contains(geometry, RDF.type.asNode(), GEO.Geometry), id);
            Node wkt = object(g.asserted(), geometry, GEO.asWKT);
            assertEquals(GEO.wktLiteral.getURI(), wkt.getLiteralDatatypeURI(), id);
            Matcher m = POINT.matcher(wkt.getLiteralLexicalForm());
            assertTrue(m.matches(), id + ": " + wkt);
            // WKT is longitude first; the WGS84 properties say the same point.
            assertEquals(new BigDecimal(entry.path("long").asText()), new BigDecimal(m.group(1)), id);
            assertEquals(new BigDecimal(entry.path("lat").asText()), new BigDecimal(m.group(2)), id);
            assertEquals(new BigDecimal(m.group(2)), new BigDecimal(object(g.asserted(), t.getSubject(), GEO.lat).getLiteralLexicalForm()), id);
            assertEquals(new BigDecimal(m.group(1)), new BigDecimal(object(g.asserted(), t.getSubject(), GEO.lon).getLiteralLexicalForm()), id);
            // The geometry node belongs to the territory, and the check hangs on the statement of geo:hasGeometry.
            assertTrue(g.provenance().contains(geometry, TG.ofEntity, t.getSubject()), id);
            Node st = TreatyGraph.statementOf(t);
            assertTrue(g.provenance().contains(st, RDF.subject.asNode(), t.getSubject()), id);
            assertEquals(TG.StoredPageCheck, object(g.provenance(), st, TG.checkMethod), id);
            String page = object(g.provenance(), st, TG.checkedAgainst).getURI();
            assertTrue(page.matches("https://github\\.com/whosonfirst-data/whosonfirst-data-admin-[a-z]{2}/blob/[0-9a-f]{40}/data/.*\\.geojson"), id + ": " + page);
            String excerpt = object(g.provenance(), st, TG.checkExcerpt).getLiteralLexicalForm();
            assertTrue(excerpt.contains(":" + entry.path("lat").asText() + ",") && excerpt.contains(":" + entry.path("long").asText() + ","),
                    id + ": the excerpt shows the coordinates: " + excerpt);
            assertTrue(excerpt.contains("\"wof:name\":"), id + ": the excerpt names the place");
            assertNotNull(object(g.provenance(), st, TG.checkedOn), id);
            assertTrue(object(g.provenance(), st, TG.note).getLiteralLexicalForm().length() > 20, id);
            assertNotNull(g.locationOf(st), id + ": the statement knows its line in places.yaml");
        }
    }

    @Test
    void karsIsTheTownsPointAndSaysWhichRecordItIs() {
        // What a GeoSPARQL client asks, with the project's prefixes (geo:, wgs84: declared by the ontology).
        String q = ("""
            SELECT ?wkt ?lat ?page ?excerpt ?note WHERE {
              id:territory/kars geo:hasGeometry ?g ; wgs84:lat ?lat .
              ?g geo:asWKT ?wkt .
              ?st rdf:subject id:territory/kars ; rdf:predicate geo:hasGeometry ; rdf:object ?g ;
                  tg:checkedAgainst ?page ; tg:checkExcerpt ?excerpt ; tg:note ?note .
            }""").replace("id:territory/kars", "<" + IriScheme.ID + "territory/kars>");
        try (QueryExecution qe = QueryExecution.create(parse(q), TestProjects.repoGraph().queryDataset())) {
            ResultSet rs = qe.execSelect();
            assertTrue(rs.hasNext(), "Kars has a point with its check");
            QuerySolution s = rs.next();
            assertEquals(NodeFactory.createLiteralDT("POINT(43.09495 40.60199)", GEO.wktLiteral), s.get("wkt").asNode());
            assertEquals(new BigDecimal("40.60199"), new BigDecimal(s.getLiteral("lat").getLexicalForm()));
            assertTrue(s.getResource("page").getURI().endsWith("/data/890/460/249/890460249.geojson"));
            assertTrue(s.getLiteral("excerpt").getString().contains("\"wof:placetype\":\"locality\""), "the town's record, not the province's");
            assertTrue(s.getLiteral("note").getString().contains("rule R"), "the note says which rule placed it");
            assertFalse(rs.hasNext());
        }
    }

    private static org.apache.jena.query.Query parse(String text) {
        org.apache.jena.query.Query query = new org.apache.jena.query.Query();
        query.getPrefixMapping().setNsPrefixes(Prefixes.MAPPING);
        return org.apache.jena.query.QueryFactory.parse(query, text, null, org.apache.jena.query.Syntax.syntaxARQ);
    }

    @Test
    void aGeometryWrittenWithoutItsCheckFailsTheShapes() {
        Graph data = GraphFactory.createDefaultGraph();
        Node kars = IriScheme.iri("territory/kars"), geometry = IriScheme.geometry(kars);
        data.add(Triple.create(kars, GEO.hasGeometry, geometry));
        data.add(Triple.create(geometry, GEO.asWKT, NodeFactory.createLiteralDT("POINT(43.1 40.6)", GEO.wktLiteral)));
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(TestProjects.repo().root().resolve("ontology/shapes.ttl").toString()));
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        assertFalse(report.conforms());
        assertTrue(report.getEntries().stream().anyMatch(e -> e.message().contains("coordinates without a recorded check")), report.getEntries().toString());
    }

    private static Node object(Graph g, Node s, Node p) {
        List<Triple> ts = g.find(s, p, Node.ANY).toList();
        assertEquals(1, ts.size(), IriScheme.show(s) + " " + p);
        return ts.get(0).getObject();
    }
}

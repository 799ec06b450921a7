package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.core.Progress;

/**
 * The federated example queries (queries/fed*.rq) through the public /treaties/sparql, over HTTP, against
 * a stand-in for the Wikidata Query Service: a second Fuseki on loopback holding a small Wikidata-shaped
 * graph. The server under test runs the project's configuration with its Wikidata entry taken out and the
 * stand-in allowed instead, so the queries as written (SERVICE <https://query.wikidata.org/sparql>) are
 * refused, and the tests never reach the internet. The joins rely on the links of data/wikidata/links.yaml.
 */
class FederatedQueriesTest {
    static final String WDQS = "https://query.wikidata.org/sparql";
    static final String ID = "https://w3id.org/treaty-graph/id/", WD = "http://www.wikidata.org/entity/";
    static final String WKT = "^^<http://www.opengis.net/ont/geosparql#wktLiteral>", DATE_TIME = "^^<http://www.w3.org/2001/XMLSchema#dateTime>";

    /**
     * MADE-UP TEST VALUES, NOT WIKIDATA'S. Only the item numbers are real (they are the ones the project's
     * links record, so that the joins meet); every coordinate, date, label and description is invented for
     * this test and says nothing about the item. The shapes are WDQS's: wdt: truthy statements, geo:wktLiteral
     * "Point(longitude latitude)", xsd:dateTime, rdfs:label and schema:description in several languages.
     */
    static final String STAND_IN = """
            PREFIX wd:     <http://www.wikidata.org/entity/>
            PREFIX wdt:    <http://www.wikidata.org/prop/direct/>
            PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX schema: <http://schema.org/>
            PREFIX geo:    <http://www.opengis.net/ont/geosparql#>
            PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
            # Territories that our changes concern (made-up coordinates).
            wd:Q51614 wdt:P625 "Point(1.5 -1.5)"^^geo:wktLiteral .
            wd:Q9248  wdt:P625 "Point(2.5 -2.5)"^^geo:wktLiteral .
            wd:Q1953  wdt:P625 "Point(3.5 -3.5)"^^geo:wktLiteral , "Point(3.25 -3.25)"^^geo:wktLiteral .
            wd:Q994   wdt:P625 "Point(4.5 -4.5)"^^geo:wktLiteral .
            # Linked places that no change, claim or control concerns, and an item we do not link: never in FED1.
            wd:Q84     wdt:P625 "Point(5.5 -5.5)"^^geo:wktLiteral .
            wd:Q649    wdt:P625 "Point(6.5 -6.5)"^^geo:wktLiteral .
            wd:Q900001 wdt:P625 "Point(7.5 -7.5)"^^geo:wktLiteral ; rdfs:label "Test item"@en .
            # Persons (made-up dates; one with no date of death, one with no dates at all).
            wd:Q855  wdt:P569 "1001-01-01T00:00:00Z"^^xsd:dateTime ; wdt:P570 "1002-02-02T00:00:00Z"^^xsd:dateTime .
            wd:Q1394 wdt:P569 "1003-03-03T00:00:00Z"^^xsd:dateTime .
            wd:Q33391 rdfs:label "Test person"@en .
            # The agreement (made-up label, description and date; other languages must not show).
            wd:Q8736 rdfs:label "Test label for Q8736"@en , "Testbezeichnung"@de ;
                schema:description "made-up test description"@en , "description de test"@fr ;
                wdt:P585 "1004-04-04T00:00:00Z"^^xsd:dateTime .
            # NOT MADE UP: signatories of the Treaty of Versailles as Wikidata's item has them (a part of its list), read
            # in its note generated from Wikidata (SpocWiki/_Standards 1919-Treaty_of_Versailles.md, signatory:). The
            # Weimar Republic, the Second Polish Republic and the United Kingdom are our closeMatch items; Belgium is none of ours.
            wd:Q8736 wdt:P1891 wd:Q142 , wd:Q41 , wd:Q188712 , wd:Q30 , wd:Q41304 , wd:Q207272 , wd:Q145 , wd:Q31 .
            """;

    static FusekiServer remote;
    static TreatyServer server;
    static String remoteUrl, endpoint;
    /** The queries the stand-in received, in order. */
    static final List<String> received = new CopyOnWriteArrayList<>();
    /** The User-Agent of each request the stand-in received. */
    static final List<String> agents = new CopyOnWriteArrayList<>();
    static final HttpClient http = HttpClient.newHttpClient();
    @TempDir static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        DatasetGraph wd = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(STAND_IN, Lang.TURTLE).parse(wd);
        Filter record = (req, resp, chain) -> {
            String q = req.getParameter("query");
            received.add(q == null ? ((HttpServletRequest) req).getMethod() + " without a query parameter" : q);
            agents.add(String.valueOf(((HttpServletRequest) req).getHeader("User-Agent")));
            chain.doFilter(req, resp);
        };
        remote = FusekiServer.create().port(0).loopback(true).add("/wd", wd, false).addFilter("/*", record).build().start();
        remoteUrl = "http://localhost:" + remote.getPort() + "/wd/sparql";

        // The project's configuration without its allow-list entry for Wikidata: only the stand-in is allowed.
        Path config = Path.of("fuseki-config/treaty-graph.ttl").toAbsolutePath();
        assertEquals(Set.of(WDQS), ServiceAllowList.fromConfig(RDFDataMgr.loadModel(config.toString())));
        Path noWikidata = tmp.resolve("treaty-graph.ttl");
        Files.write(noWikidata, Files.readAllLines(config).stream().filter(l -> !l.contains(ServiceAllowList.CONTEXT_NAME)).toList());
        for (String http : List.of(HttpPolicyModule.CORS_FILE, HttpPolicyModule.HEADERS_FILE)) Files.copy(config.resolveSibling(http), tmp.resolve(http));
        assertEquals(Set.of(), ServiceAllowList.fromConfig(RDFDataMgr.loadModel(noWikidata.toString())));

        server = TreatyServer.start(new TreatyServer.Options(TestProjects.repo(), noWikidata, null, 0, "/", TreatyServer.LOOPBACK, null, List.of(remoteUrl)),
                Progress.SILENT);
        endpoint = "http://localhost:" + server.port() + "/treaties/sparql";
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (remote != null) remote.stop();
    }

    static String file(String name) throws Exception {
        return Files.readString(Path.of("queries", name), StandardCharsets.UTF_8);
    }

    /** The query as a query page sends it: a form POST. */
    static HttpResponse<String> post(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Runs a queries/ file with its SERVICE pointed at the stand-in; each row as its cells in N-Triples form (empty where unbound), " | " between them. */
    static List<String> runAgainstStandIn(String name) throws Exception {
        String text = file(name);
        assertTrue(text.contains("SERVICE <" + WDQS + ">"), name + " asks the Wikidata Query Service");
        received.clear();
        agents.clear();
        var r = post(text.replace("SERVICE <" + WDQS + ">", "SERVICE <" + remoteUrl + ">"));
        assertEquals(200, r.statusCode(), r.body());
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        List<String> rows = new ArrayList<>();
        rs.forEachRemaining(s -> rows.add(String.join(" | ", rs.getResultVars().stream().map(v -> {
            Node n = s.contains(v) ? s.get(v).asNode() : null;
            return n == null ? "" : NodeFmtLib.strNT(n);
        }).toList())));
        return rows;
    }

    /** Every request the stand-in received names one item: the server never sends Wikidata an open pattern. */
    static void assertEachRequestNamesAnItem(int expected) {
        assertEquals(expected, received.size(), String.join("\n----\n", received));
        for (String q : received) {
            assertTrue(q.matches("(?s).*<http://www\\.wikidata\\.org/entity/Q\\d+>.*"), "an item is bound in\n" + q);
            assertFalse(q.contains("?item"), "no open ?item in\n" + q);
        }
    }

    @Test
    void territoryCoordinatesJoinOurLabelsToTheStandInsCoordinates() throws Exception {
        List<String> rows = runAgainstStandIn("fed01-territory-coordinates.rq");
        assertEquals(List.of(
                "<" + ID + "territory/anatolia> | \"Anatolia\"@en | \"renunciation of a claim\" | <" + WD + "Q51614> | \"Point(1.5 -1.5)\"" + WKT,
                "<" + ID + "territory/baku> | \"Baku\"@en | \"occupation\" | <" + WD + "Q9248> | \"Point(2.5 -2.5)\"" + WKT,
                "<" + ID + "territory/erevan> | \"Erevan\"@en | \"occupation\" | <" + WD + "Q1953> | \"Point(3.25 -3.25)\"" + WKT,
                "<" + ID + "territory/erevan> | \"Erevan\"@en | \"occupation\" | <" + WD + "Q1953> | \"Point(3.5 -3.5)\"" + WKT,
                "<" + ID + "territory/tiflis> | \"Tiflis\"@en | \"occupation\" | <" + WD + "Q994> | \"Point(4.5 -4.5)\"" + WKT), rows);
        // One per territory, not one per change (Erevan has two); the Caucasus, Batumi, Alexandropol, Erzurum, Trabzon and
        // Constantinople are asked too and have no coordinates here.
        assertEachRequestNamesAnItem(10);
        assertTrue(received.stream().anyMatch(q -> q.contains("<" + WD + "Q18869>")), String.join("\n----\n", received));
        // Introduced as fuseki-config asks (tg:serviceUserAgent), not as Jena's generic "ApacheJena/…".
        assertEquals(List.of("treaty-graph/0.1 (https://w3id.org/treaty-graph/; SPARQL SERVICE from a treaty-graph endpoint)"), agents.stream().distinct().toList());
    }

    @Test
    void theReadmeShowsTheFirstAsItIs() throws Exception {
        String body = file("fed01-territory-coordinates.rq").lines().filter(l -> !l.startsWith("#")).collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8).contains("```sparql\n" + body + "\n```\n"),
                "README.md, Joined with Wikidata, shows queries/fed01-territory-coordinates.rq without its comments");
    }

    @Test
    void personLifespansJoinThroughTheWikidataIdWithMissingDatesLeftEmpty() throws Exception {
        List<String> rows = runAgainstStandIn("fed02-person-lifespans.rq");
        assertEquals(List.of(
                "<" + ID + "person/stalin> | \"Iosif V. Stalin\"@en | \"negotiator\" | <" + WD + "Q855> | \"1001-01-01T00:00:00Z\"" + DATE_TIME
                        + " | \"1002-02-02T00:00:00Z\"" + DATE_TIME,
                "<" + ID + "person/lloyd-george> | \"Lloyd George\"@en | \"negotiator\" | <" + WD + "Q134982> |  | ",
                "<" + ID + "person/mustafa-kemal> | \"Mustafa Kemal\"@en | \"negotiator\" | <" + WD + "Q5152> |  | ",
                "<" + ID + "person/trotsky> | \"Trotsky\"@en |  | <" + WD + "Q33391> |  | ",
                "<" + ID + "person/lenin> | \"Vladimir Lenin\"@en |  | <" + WD + "Q1394> | \"1003-03-03T00:00:00Z\"" + DATE_TIME + " | "), rows);
        assertEachRequestNamesAnItem(10);   // birth and death, for each of the five linked persons
    }

    @Test
    void aTreatysSignatoriesJoinOnTheExactOrTheLooserLink() throws Exception {
        List<String> rows = runAgainstStandIn("fed04-treaty-signatories-either-link.rq");
        String v = "<" + ID + "agreement/treaty-of-versailles-1919> | <" + WD;
        assertEquals(List.of(
                v + "Q142> | <" + ID + "polity/france> | \"France\"@en | \"exactMatch\"",
                v + "Q41304> | <" + ID + "polity/germany> | \"Germany\"@en | \"closeMatch\"",
                v + "Q145> | <" + ID + "polity/great-britain> | \"Great Britain\"@en | \"closeMatch\"",
                v + "Q41> | <" + ID + "polity/greece> | \"Greece\"@en | \"exactMatch\"",
                v + "Q188712> | <" + ID + "polity/japan> | \"Japan\"@en | \"exactMatch\"",
                v + "Q207272> | <" + ID + "polity/poland> | \"Poland\"@en | \"closeMatch\"",
                v + "Q30> | <" + ID + "polity/united-states> | \"United States of America\"@en | \"exactMatch\""), rows);
        assertEachRequestNamesAnItem(1);
    }

    @Test
    void agreementsShowTheirItemsEnglishLabelDescriptionAndDate() throws Exception {
        List<String> rows = runAgainstStandIn("fed03-agreements-wikidata-items.rq");
        assertEquals(List.of(
                "<" + ID + "agreement/treaty-of-versailles-1919> | \"Treaty of Versailles\"@en | \"At the end of World War I ... in July\" | <" + WD + "Q8736> | \"Test label for Q8736\"@en"
                        + " | \"made-up test description\"@en | \"1004-04-04T00:00:00Z\"" + DATE_TIME), rows);
        assertEachRequestNamesAnItem(1);
    }

    @Test
    void asWrittenTheQueriesAreRefusedWhenWikidataIsNotAllowed() throws Exception {
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("fed") && n.endsWith(".rq")).sorted().toList();
        }
        assertEquals(List.of("fed01-territory-coordinates.rq", "fed02-person-lifespans.rq", "fed03-agreements-wikidata-items.rq",
                "fed04-treaty-signatories-either-link.rq"), files);
        for (String name : files) {
            received.clear();
            var r = post(file(name));
            assertEquals(403, r.statusCode(), name + ": " + r.body());
            assertTrue(r.body().contains("SERVICE <" + WDQS + "> is not allowed from this endpoint; allowed: " + remoteUrl), name + ": " + r.body());
            assertEquals(List.of(), received, name + ": nothing reached the stand-in either");
        }
    }

    @Test
    void theQueryPageListsThemApartFromTheCompetencyQuestions() throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/query")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        String html = r.body();
        int competency = html.indexOf("<h2>Competency questions</h2>"), federated = html.indexOf("<h2>Joined with Wikidata");
        assertTrue(competency >= 0 && federated > competency, html);
        assertTrue(html.indexOf(">CQ7 (inference).") > competency && html.indexOf(">CQ7 (inference).") < federated, "CQ7 in the first group");
        for (String title : new String[] {">FED1 (asks Wikidata).", ">FED2 (asks Wikidata).", ">FED3 (asks Wikidata)."}) {
            assertTrue(html.indexOf(title) > federated, title + " in the Wikidata group");
        }
    }
}

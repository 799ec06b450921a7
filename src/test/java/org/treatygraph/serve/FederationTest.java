package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.treatygraph.TestProjects;
import org.treatygraph.core.Progress;

/**
 * SERVICE from the public endpoint: allowed only to configured endpoints. A second Fuseki on loopback,
 * holding a small Wikidata-shaped graph, stands for the Wikidata Query Service.
 */
class FederationTest {
    static FusekiServer remote;
    static TreatyServer server;
    static String remoteUrl, endpoint;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        DatasetGraph wd = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString("""
                PREFIX wd: <http://www.wikidata.org/entity/>
                PREFIX wdt: <http://www.wikidata.org/prop/direct/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                wd:Q900001 rdfs:label "Kars"@en ; wdt:P625 "Point(43.1 40.6)" .
                """, Lang.TURTLE).parse(wd);
        remote = FusekiServer.create().port(0).loopback(true).add("/wd", wd, false).build().start();
        remoteUrl = "http://localhost:" + remote.getPort() + "/wd/sparql";
        server = TreatyServer.start(new TreatyServer.Options(TestProjects.repo(), Path.of("fuseki-config/treaty-graph.ttl").toAbsolutePath(),
                null, 0, "/", TreatyServer.LOOPBACK, null, List.of(remoteUrl)), Progress.SILENT);
        endpoint = "http://localhost:" + server.port() + "/treaties/sparql";
    }

    @AfterAll
    static void stop() {
        server.close();
        remote.stop();
    }

    static HttpResponse<String> query(String q) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAllowedEndpointIsJoined() throws Exception {
        // Joined on the territory's label here; with recorded links the join is on skos:exactMatch.
        var r = query("""
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?territory ?coordinates WHERE {
                  BIND(<https://w3id.org/treaty-graph/id/territory/kars> AS ?territory)
                  ?territory rdfs:label ?name .
                  SERVICE <REMOTE> { ?item rdfs:label ?name ; <http://www.wikidata.org/prop/direct/P625> ?coordinates }
                }""".replace("REMOTE", remoteUrl));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("https://w3id.org/treaty-graph/id/territory/kars,Point(43.1 40.6)"), r.body());
    }

    @Test
    void anyOtherEndpointIsRefusedWithoutARequest() throws Exception {
        var r = query("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }");
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("SERVICE <http://127.0.0.1:9/sparql> is not allowed"), r.body());
        assertTrue(r.body().contains("https://query.wikidata.org/sparql"), "the configured Wikidata endpoint is on the list: " + r.body());
    }
}

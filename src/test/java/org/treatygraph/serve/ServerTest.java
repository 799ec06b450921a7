package org.treatygraph.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.core.Progress;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.TG;

import static org.junit.jupiter.api.Assertions.*;

/** The server over real HTTP on a free port, with the bundled data in a TDB2 store. */
class ServerTest {
    @TempDir static Path run;
    static TreatyServer server;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = TreatyServer.start(new TreatyServer.Options(TestProjects.repo(), Path.of("fuseki-config/treaty-graph.ttl").toAbsolutePath(),
                run.resolve("tdb2"), 0, "/", TreatyServer.LOOPBACK, 3), Progress.SILENT);
        assertTrue(server.awaitDumps(), "the dumps are written");   // the tests read the generation, current once its dumps are
        base = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The dumps of the generation the server serves. */
    static Path dumps() throws java.io.IOException {
        return run.resolve("tdb2").resolve(Files.readString(run.resolve("tdb2/current")).strip()).resolve("dumps");
    }

    static HttpResponse<byte[]> get(String path, String accept, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (accept != null) b.header("Accept", accept);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String type(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void sparqlAnswersWithReasoningAndWithoutFromTheAssertedGraph() throws Exception {
        String cq7 = Files.readString(Path.of("queries/cq07-georgian-polity-agreements.rq"));
        Set<String> with = new TreeSet<>(), without = new TreeSet<>();
        try (var qe = QueryExecutionHTTP.service(base + "/treaties/sparql").query(cq7).build()) {
            qe.execSelect().forEachRemaining(s -> with.add(s.getResource("agreement").getURI()));
        }
        try (var qe = QueryExecutionHTTP.service(base + "/treaties/sparql")
                .query(cq7.replace("WHERE {", "FROM <" + IriScheme.ASSERTED_GRAPH.getURI() + ">\nWHERE {")).build()) {
            qe.execSelect().forEachRemaining(s -> without.add(s.getResource("agreement").getURI()));
        }
        assertEquals(5, with.size(), with.toString());
        assertEquals(2, without.size(), without.toString());
        var csv = get("/treaties/sparql?query=" + java.net.URLEncoder.encode("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "UTF-8"), "text/csv");
        assertEquals(200, csv.statusCode());
        assertTrue(type(csv).startsWith("text/csv"), type(csv));
        // Computed in full, an answer goes out whole, with its length: not chunked with its end in a second write,
        // which a replica killed in between left cut short behind a balancer (ReplicaIT).
        for (var r : List.of(csv, get("/treaties/sparql?query=" + enc("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 50"), "text/turtle"),
                get("/treaties/data?graph=" + enc(IriScheme.ONTOLOGY_GRAPH.getURI()), "text/turtle"))) {
            assertEquals(200, r.statusCode());
            assertEquals(String.valueOf(r.body().length), r.headers().firstValue("Content-Length").orElse("none"), r.uri().toString());
            assertTrue(r.headers().firstValue("Transfer-Encoding").isEmpty(), r.uri().toString());
        }
    }

    @Test
    void entityAsTurtleJsonLdAndByDefault() throws Exception {
        var ttl = get("/id/agreement/treaty-of-kars-1921", "text/turtle");
        assertEquals(200, ttl.statusCode());
        assertTrue(type(ttl).startsWith("text/turtle"), type(ttl));
        assertTrue(ttl.headers().firstValue("Vary").orElse("").matches("(?i).*\\bAccept\\b.*") && ttl.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"),
                ttl.headers().map().toString());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(ttl.body(), "UTF-8"), Lang.TURTLE).parse(g);
        assertTrue(g.contains(IriScheme.iri("agreement/treaty-of-kars-1921"), TG.confirms, IriScheme.iri("agreement/treaty-of-moscow-1921")));
        // Its inferred facts and its own nodes (articles) come with it.
        assertTrue(g.contains(IriScheme.iri("agreement/treaty-of-kars-1921"), org.apache.jena.vocabulary.RDF.type.asNode(), TG.Agreement));
        assertTrue(g.find(IriScheme.iri("agreement/treaty-of-kars-1921/article-5"), null, null).hasNext());
        var jsonld = get("/id/agreement/treaty-of-kars-1921.jsonld", null);
        assertEquals(200, jsonld.statusCode());
        assertTrue(type(jsonld).startsWith("application/ld+json"), type(jsonld));
        Graph j = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(jsonld.body(), "UTF-8"), Lang.JSONLD).parse(j);
        assertEquals(g.size(), j.size());
        assertEquals(200, get("/id/agreement/treaty-of-kars-1921.rdf", null).statusCode());
        assertTrue(type(get("/id/agreement/treaty-of-kars-1921", "application/n-triples")).startsWith("application/n-triples"));
        assertTrue(type(get("/id/agreement/treaty-of-kars-1921", "*/*")).startsWith("text/turtle"), "RDF, not HTML, for a client that takes anything");
    }

    @Test
    void entityPageForPeople() throws Exception {
        var r = get("/id/person/yusuf-kemal-bey", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        assertTrue(type(r).startsWith("text/html"), type(r));
        String html = new String(r.body(), "UTF-8");
        assertTrue(html.contains("<h1>Yusuf Kemal Bey</h1>"), html);
        assertTrue(html.contains("class=\"inferred\""), "inferred facts are marked");
        // Each inferred fact links to its explanation.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"(/explain\\?s=[^\"]*actedOnBehalfOf[^\"]*grand-national-assembly)\"").matcher(html);
        assertTrue(m.find(), html);
        var why = get(m.group(1).replace("&amp;", "&"), "text/html");
        assertEquals(200, why.statusCode());
        String tree = new String(why.body(), "UTF-8");
        assertTrue(tree.contains("Inferred by the rule <code>prp-spo2-2</code>"), tree);
        assertTrue(tree.contains("Asserted in the records (<code>data/records/"), tree);
        assertEquals(404, get("/explain?s=" + enc(IriScheme.ID + "x") + "&p=" + enc(TG.NS + "annuls") + "&o=" + enc(IriScheme.ID + "y"), "text/html").statusCode());
        assertTrue(html.contains("href=\"/id/polity/grand-national-assembly\""), "links stay on this server");
        assertTrue(html.matches("(?s).*href=\"/sources/001_[0-9a-f]+\\.txt\\?start=\\d+&amp;end=\\d+#passage\".*"), "quotes link to their passage");
    }

    @Test
    void entityPageShowsItsLooserWikidataLinkAfterTheExactOne() throws Exception {
        String html = new String(get("/id/polity/germany", "text/html").body(), "UTF-8");
        int exact = html.indexOf("Wikidata: <a href=\"http://www.wikidata.org/entity/Q1206012\">Q1206012</a>");
        int close = html.indexOf("Wikidata, a looser link (the item Wikidata's Q8736 uses): <a href=\"http://www.wikidata.org/entity/Q41304\">Q41304</a>");
        assertTrue(exact > 0 && close > exact, html);
        assertTrue(html.contains("skos:closeMatch</a></td><td><a href=\"http://www.wikidata.org/entity/Q41304\">"), "and among the raw statements, as skos:exactMatch is");
    }

    @Test
    void entityPageShowsItsWikidataLinkAndHowItWasChecked() throws Exception {
        String html = new String(get("/id/polity/democratic-republic-of-georgia", "text/html").body(), "UTF-8");
        assertTrue(html.contains("Wikidata: <a href=\"http://www.wikidata.org/entity/Q245160\">Q245160</a> <span class=\"check\">(checked against a stored public page: "
                + "<a href=\"https://github.com/SpocWiki/_Standards/blob/"), html);
        String gna = new String(get("/id/polity/grand-national-assembly", "text/html").body(), "UTF-8");
        assertTrue(gna.contains("Grand National Assembly"), "the page itself");
        assertFalse(gna.contains("Wikidata:"), "no link, none shown");
    }

    @Test
    void unknownEntityIs404InTheAskedFormatAndUnofferedTypeIs406() throws Exception {
        var ttl = get("/id/agreement/no-such-treaty", "text/turtle");
        assertEquals(404, ttl.statusCode());
        assertTrue(type(ttl).startsWith("text/turtle"));
        var html = get("/id/agreement/no-such-treaty", "text/html");
        assertEquals(404, html.statusCode());
        assertTrue(type(html).startsWith("text/html"));
        assertEquals(406, get("/id/agreement/treaty-of-kars-1921", "image/png").statusCode());
    }

    @Test
    void dumpsWithChecksumsEtagsAnd304() throws Exception {
        var list = get("/dumps/", "text/html");
        assertEquals(200, list.statusCode());
        String page = new String(list.body(), "UTF-8");
        String sums = Files.readString(dumps().resolve("SHA256SUMS"));
        String ttlSum = sums.lines().filter(l -> l.endsWith(" treaty-graph.ttl")).findFirst().orElseThrow().split("\\s+")[0];
        assertTrue(page.contains(ttlSum), "the listing shows each file's sha256");
        assertTrue(page.contains(String.format("%,d", TestProjects.repoGraph().factsAndProvenance().size())), "and its triple count");
        assertTrue(page.contains(String.format("%,d", TestProjects.repoGraph().inferred().size())), "the inferred dump's too");
        var ttl = get("/dumps/treaty-graph.ttl", null);
        assertEquals(200, ttl.statusCode());
        assertTrue(type(ttl).startsWith("text/turtle"));
        assertEquals(Files.size(dumps().resolve("treaty-graph.ttl")), ttl.body().length);
        String etag = ttl.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"" + ttlSum + "\"", etag);
        assertTrue(ttl.headers().firstValue("Last-Modified").isPresent());
        assertEquals(304, get("/dumps/treaty-graph.ttl", null, "If-None-Match", etag).statusCode());
        assertEquals(404, get("/dumps/nothing.ttl", null).statusCode());
        // The Wikidata links alone, and the QuickStatements batch as plain text.
        var links = get("/dumps/wikidata-links.nt", null);
        assertEquals(200, links.statusCode());
        assertTrue(type(links).startsWith("application/n-triples"), type(links));
        long n = TestProjects.repoGraph().asserted().find(null, org.apache.jena.vocabulary.SKOS.exactMatch.asNode(), null).toList().size();
        assertEquals(2 * n, new String(links.body(), "UTF-8").lines().count());
        assertTrue(new String(links.body(), "UTF-8").contains("<https://w3id.org/treaty-graph/id/polity/ottoman-empire> <http://www.w3.org/2004/02/skos/core#exactMatch> <http://www.wikidata.org/entity/Q12560> ."));
        var qs = get("/dumps/quickstatements.txt", null);
        assertEquals(200, qs.statusCode());
        assertTrue(type(qs).startsWith("text/plain"), type(qs));
        assertTrue(page.contains("wikidata-links.nt") && page.contains("quickstatements.txt"), "the listing names the new files");
        var voidTtl = get("/.well-known/void", null);
        assertEquals(200, voidTtl.statusCode());
        assertTrue(new String(voidTtl.body(), "UTF-8").contains("void:Dataset"));
    }

    @Test
    void ontologyByContentNegotiationAndPing() throws Exception {
        var ttl = get("/ontology", "text/turtle");
        assertEquals(200, ttl.statusCode());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(ttl.body(), "UTF-8"), Lang.TURTLE).parse(g);
        assertEquals(TestProjects.repoGraph().ontology().size(), g.size());
        assertTrue(type(get("/ontology", "application/rdf+xml")).startsWith("application/rdf+xml"));
        assertTrue(type(get("/shapes", "text/turtle")).startsWith("text/turtle"));
        String shapes = new String(get("/shapes", "text/html").body(), "UTF-8");
        assertTrue(shapes.contains("<table class=\"shape\">") && shapes.contains("id=\"NamedEntityShape\"") && shapes.contains("every entity needs exactly one English label"), shapes);
        // A list is shown as its members, not as a blank node.
        assertTrue(shapes.contains("<b>sh:in</b> ( tg:Stated tg:Reading tg:Editorial )"), shapes);
        // A SPARQL target is shown as its query, not as a blank node.
        assertTrue(shapes.contains("id=\"StatedShape\"") && shapes.contains("<td>sh:target</td><td><b>sh:select</b> <pre class=\"query\"><code>SELECT ?this WHERE {"), shapes);
        assertTrue(type(get("/ontology.jsonld", null)).startsWith("application/ld+json"));
        var page = get("/ontology", "text/html");
        assertTrue(type(page).startsWith("text/html"));
        assertTrue(new String(page.body(), "UTF-8").contains("id=\"Treaty\""));
        assertEquals(200, get("/$/ping", null).statusCode());
        // Read-only: no update operation on the dataset.
        var update = http.send(HttpRequest.newBuilder(URI.create(base + "/treaties/sparql")).header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:a> <urn:b> <urn:c> }")).build(), HttpResponse.BodyHandlers.discarding());
        assertTrue(update.statusCode() >= 400, "update answered " + update.statusCode());
    }

    @Test
    void sourcePassageHighlighted() throws Exception {
        var r = get("/sources/000_d65a8bda9b5a5c10.txt?start=10&end=20", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(new String(r.body(), "UTF-8").contains("<mark id=\"passage\">"));
        assertEquals(404, get("/sources/no-such-source.txt", null).statusCode());
        int traversal = get("/sources/..%2Fsources.yaml", null).statusCode();
        assertTrue(traversal == 400 || traversal == 404, "path traversal answered " + traversal);
        assertEquals(400, get("/sources/000_d65a8bda9b5a5c10.txt?start=20&end=10", null).statusCode());
    }

    @Test
    void gzipHeadAndCorsPreflight() throws Exception {
        var gz = get("/id/agreement/treaty-of-kars-1921", "text/turtle", "Accept-Encoding", "gzip");
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
        String text = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body())).readAllBytes(), "UTF-8");
        assertTrue(text.contains("tg:confirms"));
        var head = http.send(HttpRequest.newBuilder(URI.create(base + "/dumps/treaty-graph.ttl")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(String.valueOf(Files.size(dumps().resolve("treaty-graph.ttl"))), head.headers().firstValue("Content-Length").orElse(""));
    }

    static HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void corsLetsAnyOriginReadWithoutCredentialsAndOnlyWithTheMethodsThatExist() throws Exception {
        // Fuseki's filter echoes the caller's origin (and allowed credentials): the server sends "*", which
        // browsers never combine with cookies, and no Access-Control-Allow-Credentials at all.
        for (String path : new String[] {"/id/agreement/treaty-of-kars-1921", "/treaties/sparql?query=" + enc("ASK {}"), "/nothing"}) {
            var r = send("GET", path, "Origin", "https://evil.example");
            assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path + " " + r.headers().map());
            assertTrue(r.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), path + " " + r.headers().map());
        }
        var preflight = send("OPTIONS", "/treaties/sparql", "Origin", "https://evil.example", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "Content-Type");
        assertEquals(200, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""), preflight.headers().map().toString());
        assertEquals("GET,HEAD,POST", preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), preflight.headers().map().toString());
        // A write from another origin is not offered: the preflight grants nothing.
        for (String method : new String[] {"PUT", "DELETE", "PATCH"}) {
            var refused = send("OPTIONS", "/treaties/data?default", "Origin", "https://evil.example", "Access-Control-Request-Method", method);
            assertTrue(refused.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), method + " " + refused.headers().map());
        }
    }

    @Test
    void everyResponseCarriesTheConfiguredSecurityHeaders() throws Exception {
        java.util.Properties configured = new java.util.Properties();
        try (var in = Files.newBufferedReader(Path.of("fuseki-config/headers.properties"))) {
            configured.load(in);
        }
        String csp = configured.getProperty("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe"), csp);
        assertEquals("nosniff", configured.getProperty("X-Content-Type-Options"));
        assertEquals("DENY", configured.getProperty("X-Frame-Options"));
        assertTrue(configured.containsKey("Referrer-Policy"));
        // Pages, data, the endpoint, assets, a route's refusal, and a path Jetty refuses before any route sees it.
        for (String path : new String[] {"/", "/id/agreement/treaty-of-kars-1921", "/id/agreement/treaty-of-kars-1921.ttl", "/query", "/assets/query.js",
                "/treaties/sparql?query=" + enc("ASK {}"), "/treaties/sparql", "/dumps/", "/ontology", "/nothing", "/sources/%2e%2e/%2e%2e/etc/passwd"}) {
            var r = send("GET", path);
            for (String name : configured.stringPropertyNames()) {
                String value = r.headers().firstValue(name).orElse(null);
                // The query page's policy allows its editor's two style sheets by hash (BrowserTest), and nothing else more.
                if (path.equals("/query") && name.equals("Content-Security-Policy")) value = value.replaceAll(" 'sha256-[A-Za-z0-9+/=]+'", "");
                assertEquals(configured.getProperty(name).strip(), value, path + " " + name);
            }
        }
    }

    @Test
    void traceIsRefusedEverywhereAndNeverEchoesTheRequest() throws Exception {
        for (String path : new String[] {"/", "/id/agreement/treaty-of-kars-1921", "/ontology", "/dumps/", "/treaties/sparql", "/treaties/data", "/nothing"}) {
            var r = send("TRACE", path, "Cookie", "session=secret-cookie");
            assertEquals(405, r.statusCode(), path + " " + r.body());
            assertTrue(r.body().contains("TRACE is disabled"), r.body());
            assertFalse(r.body().contains("secret-cookie"), r.body());
        }
        // Nor is it offered: Allow names the methods a route answers, and TRACE is not one.
        var options = send("OPTIONS", "/id/agreement/treaty-of-kars-1921");
        assertEquals("GET, HEAD, OPTIONS", options.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void theEndpointDescribesItselfWhenAskedNoQuery() throws Exception {
        var ttl = get("/treaties/sparql", null);
        assertEquals(200, ttl.statusCode(), new String(ttl.body(), "UTF-8"));
        assertTrue(type(ttl).startsWith("text/turtle"), type(ttl));
        assertTrue(List.of(ttl.headers().firstValue("Vary").orElse("").split(",\\s*")).containsAll(List.of("Accept", "Accept-Encoding")), ttl.headers().map().toString());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(ttl.body(), "UTF-8"), Lang.TURTLE).parse(g);
        String sd = "http://www.w3.org/ns/sparql-service-description#";
        var endpoint = org.apache.jena.graph.NodeFactory.createURI(base + "/treaties/sparql");
        var node = (java.util.function.Function<String, org.apache.jena.graph.Node>) local -> org.apache.jena.graph.NodeFactory.createURI(sd + local);
        var service = g.find(null, node.apply("endpoint"), endpoint).next().getSubject();
        assertTrue(g.contains(service, org.apache.jena.vocabulary.RDF.type.asNode(), node.apply("Service")));
        assertTrue(g.contains(service, node.apply("supportedLanguage"), node.apply("SPARQL11Query")));
        assertTrue(g.contains(service, node.apply("feature"), node.apply("UnionDefaultGraph")));
        for (var graph : java.util.List.of(IriScheme.ASSERTED_GRAPH, IriScheme.INFERRED_GRAPH, IriScheme.PROVENANCE_GRAPH, IriScheme.ONTOLOGY_GRAPH))
            assertTrue(g.contains(null, node.apply("name"), graph), graph.toString());
        // By content negotiation: the same description as JSON-LD; the query page for a browser.
        var jsonld = get("/treaties/sparql", "application/ld+json");
        assertTrue(type(jsonld).startsWith("application/ld+json"), type(jsonld));
        Graph j = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(jsonld.body(), "UTF-8"), Lang.JSONLD).parse(j);
        assertEquals(g.size(), j.size());
        var page = get("/treaties/query", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertTrue(type(page).startsWith("text/html"), type(page));
        assertTrue(new String(page.body(), "UTF-8").contains("<textarea id=\"query-text\""));
    }

    @Test
    void anExpensiveQueryIsCutWithAnErrorWhileOthersAreAnswered() throws Exception {
        // Three-way cross product of all triples, counted: no row can stream before the timeout strikes.
        String q = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        // The server runs with --timeout 3 here (the configuration's default is 30 s).
        long t0 = System.nanoTime();
        var slow = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/treaties/sparql?query=" + java.net.URLEncoder.encode(q, "UTF-8")))
                .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        var quick = get("/treaties/sparql?query=" + java.net.URLEncoder.encode("ASK { ?s ?p ?o }", "UTF-8"), "application/sparql-results+json");
        assertEquals(200, quick.statusCode(), "the server keeps answering while the expensive query runs");
        var cut = slow.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(503, cut.statusCode(), "a timed-out query is an error, not a partial 200: " + cut.body());
        assertTrue((System.nanoTime() - t0) / 1e9 < 25, "cut by the 3 s timeout, not by the configuration's 30 s");
    }

    @Test
    void pythonSparqlWrapperRunsACompetencyQuery() throws Exception {
        org.treatygraph.ExternalTools.requirePython("SPARQLWrapper");
        String script = """
            import sys
            from SPARQLWrapper import SPARQLWrapper, JSON
            s = SPARQLWrapper(sys.argv[1])
            s.setQuery(open(sys.argv[2], encoding='utf-8').read())
            s.setReturnFormat(JSON)
            for b in s.query().convert()['results']['bindings']:
                print(b['agreement']['value'])
            """;
        var r = org.treatygraph.ExternalTools.run(java.util.List.of(org.treatygraph.ExternalTools.PYTHON, "-c", script, base + "/treaties/sparql",
                Path.of("queries/cq07-georgian-polity-agreements.rq").toAbsolutePath().toString()));
        assertEquals(0, r.exit(), r.output());
        Set<String> agreements = new TreeSet<>(r.output().lines().toList());
        assertEquals(5, agreements.size(), r.output());
        assertTrue(agreements.contains(IriScheme.ID + "agreement/treaty-of-kars-1921"), r.output());
    }

    @Test
    void rdflibLoadsAnEntityByContentNegotiation() throws Exception {
        org.treatygraph.ExternalTools.requirePython("rdflib");
        String script = """
            import sys, rdflib
            iri = sys.argv[1]
            for fmt in ('turtle', 'json-ld'):
                g = rdflib.Graph()
                g.parse(iri, format=fmt)
                s = rdflib.URIRef('https://w3id.org/treaty-graph/id/agreement/treaty-of-kars-1921')
                print(fmt, len(g), (s, rdflib.URIRef('https://w3id.org/treaty-graph/ontology#confirms'), None) in g)
            """;
        var r = org.treatygraph.ExternalTools.run(java.util.List.of(org.treatygraph.ExternalTools.PYTHON, "-c", script,
                base + "/id/agreement/treaty-of-kars-1921"));
        assertEquals(0, r.exit(), r.output());
        Graph g = Descriptions.describe(org.apache.jena.query.DatasetFactory.wrap(org.treatygraph.TestProjects.repoGraph().queryDataset().asDatasetGraph()),
                IriScheme.iri("agreement/treaty-of-kars-1921")).getDefaultGraph();
        assertTrue(r.output().contains("turtle " + g.size() + " True"), r.output() + " expected " + g.size());
        assertTrue(r.output().contains("json-ld " + g.size() + " True"), r.output());
    }

    @Test
    void theEntityPageIsRenderedFromItsDescriptionAlone() {
        // The page and the RDF views come from one query (describe-entity.rq): a fact taken out of the
        // description is gone from the page, though the store still holds it.
        var store = org.apache.jena.query.DatasetFactory.wrap(TestProjects.repoGraph().queryDataset().asDatasetGraph());
        var kars = IriScheme.iri("agreement/treaty-of-kars-1921");
        Site site = new Site(Path.of("target/no-dumps"), Path.of("data/sources"), Path.of("ontology/treaty-graph.ttl"), Path.of("ontology/shapes.ttl"), "/");
        var description = Descriptions.describe(store, kars);
        String row = "<dt>Confirms</dt>";
        assertTrue(EntityPage.render(site, description, kars.getURI()).contains(row), "the page shows what the description holds");
        description.deleteAny(org.apache.jena.graph.Node.ANY, kars, TG.confirms, org.apache.jena.graph.Node.ANY);
        assertTrue(TestProjects.repoGraph().asserted().contains(kars, TG.confirms, org.apache.jena.graph.Node.ANY), "the store still has it");
        assertFalse(EntityPage.render(site, description, kars.getURI()).contains(row), "and nothing else");
    }

    @Test
    void eachKindHasAListOfItsEntitiesDatedOnesFirst() throws Exception {
        var r = get("/id/agreement/", "text/html");
        assertEquals(200, r.statusCode());
        String html = new String(r.body(), "UTF-8");
        // As many rows as the graph has instruments, each a link to its page.
        long instruments = TestProjects.repoGraph().asserted().find(org.apache.jena.graph.Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), org.apache.jena.graph.Node.ANY)
                .toList().stream().map(org.apache.jena.graph.Triple::getSubject).filter(n -> n.isURI() && n.getURI().startsWith(IriScheme.ID + "agreement/")
                        && n.equals(IriScheme.owner(n))).distinct().count();
        assertTrue(html.contains("<h1>instrument: " + instruments + "</h1>"), html.substring(0, Math.min(600, html.length())));
        int kars = html.indexOf("<a href=\"/id/agreement/treaty-of-kars-1921\">Treaty of Kars</a>");
        int moscow = html.indexOf("href=\"/id/agreement/treaty-of-moscow-1921\"");
        int undated = html.indexOf("<td></td></tr>");
        assertTrue(kars > 0 && moscow > 0 && moscow < kars, "Moscow (16 March 1921) before Kars (13 October 1921)");
        assertTrue(undated > kars, "undated instruments after the dated ones");
        assertTrue(html.contains("Treaty of Kars</a></td><td>13 October 1921</td>"), "each date in words, from its value");
        assertTrue(html.contains("<a href=\"/id/polity/\">"), "links to the other kinds");
        var none = get("/id/nonsense/", "text/html");
        assertEquals(404, none.statusCode());
        assertTrue(new String(none.body(), "UTF-8").contains("there is no kind of entity \"nonsense\""));
    }

    @Test
    void theTurtleOfAnEntityReadsFromTheTop() throws Exception {
        // The entity first, then its own nodes, then the statements of the facts, then the rest; and the same
        // triples as its N-Triples view.
        String ttl = new String(get("/id/agreement/treaty-of-kars-1921.ttl", "text/turtle").body(), "UTF-8");
        List<String> lines = ttl.lines().filter(l -> !l.isBlank() && !l.startsWith("PREFIX") && !l.startsWith("@prefix")).toList();
        assertEquals("<" + IriScheme.ID + "agreement/treaty-of-kars-1921>", lines.get(0));
        int node = ttl.indexOf("\n<" + IriScheme.ID + "agreement/treaty-of-kars-1921/signing-1>\n");
        int statement = ttl.indexOf("\n<" + IriScheme.ID + "statement/");
        assertTrue(node > 0 && statement > node, "nodes before statements: " + node + ", " + statement);
        Graph fromTurtle = GraphFactory.createDefaultGraph(), fromNTriples = GraphFactory.createDefaultGraph();
        RDFParser.fromString(ttl, Lang.TURTLE).parse(fromTurtle);
        RDFParser.fromString(new String(get("/id/agreement/treaty-of-kars-1921.nt", "application/n-triples").body(), "UTF-8"), Lang.NTRIPLES).parse(fromNTriples);
        assertTrue(fromTurtle.size() > 1000, "triples: " + fromTurtle.size());
        assertTrue(fromTurtle.isIsomorphicWith(fromNTriples));
    }

    @Test
    void pagesCarryAnETagOfTheirBuildAndAnswer304ToIt() throws Exception {
        var page = get("/id/agreement/treaty-of-kars-1921", "text/html");
        assertEquals(200, page.statusCode());
        String etag = page.headers().firstValue("ETag").orElse("");
        assertTrue(etag.matches("\"[0-9a-f]{16}-[0-9a-f]{16}\""), etag);
        assertTrue(page.headers().firstValue("Vary").orElse("").contains("Accept"), page.headers().map().toString());
        assertTrue(page.headers().firstValue("Cache-Control").orElse("").contains("max-age"), page.headers().map().toString());
        var again = get("/id/agreement/treaty-of-kars-1921", "text/html", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(etag, again.headers().firstValue("ETag").orElse(""));
        // Another format of the same path is another representation, with its own ETag.
        var turtle = get("/id/agreement/treaty-of-kars-1921", "text/turtle", "If-None-Match", etag);
        assertEquals(200, turtle.statusCode());
        assertNotEquals(etag, turtle.headers().firstValue("ETag").orElse(""));
        // What is not there is not cached as if it were.
        var missing = get("/id/agreement/no-such-treaty", "text/html");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("ETag").isEmpty(), missing.headers().map().toString());
        assertEquals(200, get("/ontology", "text/html", "If-None-Match", "\"stale-0000\"").statusCode());
    }

    @Test
    void aChunkedQueryIsReadUpToTheLimitAndStillAnswered() throws Exception {
        // A body of unknown length (chunked) is read by the gate before Fuseki sees it: a form still gives
        // its parameters, and one past the limit is a 413 before any parser reads it.
        String form = "query=" + enc("ASK { ?s ?p ?o }");
        var asked = http.send(HttpRequest.newBuilder(URI.create(base + "/treaties/sparql")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(form.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, asked.statusCode(), asked.body());
        assertTrue(asked.body().contains("true"), asked.body());
        byte[] big = ("query=" + "a".repeat(300_000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var tooBig = http.send(HttpRequest.newBuilder(URI.create(base + "/treaties/sparql")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooBig.statusCode(), tooBig.body());
        assertTrue(tooBig.body().contains("larger than this server takes"), tooBig.body());
    }

    @Test
    void queryPageCarriesTheCompetencyQuestionsAndNoAdminSurface() throws Exception {
        var r = get("/query", "text/html");
        assertEquals(200, r.statusCode());
        String html = new String(r.body(), "UTF-8");
        assertTrue(html.contains("CQ7 (inference). Every agreement to which any Georgian polity"), "examples from queries/");
        assertTrue(html.contains("<script src=\"/assets/query.js\"></script>"));
        assertFalse(html.contains("<script>") || html.contains("<style") || html.contains("style="), "no inline script or style");
        String script = new String(get("/assets/query.js", null).body(), "UTF-8");
        assertTrue(script.contains("new Yasgui("), "the page's script sets up YASGUI, which the page loads");
        assertTrue(html.contains("<script src=\"/assets/yasgui.min.js\"></script>"));
        assertFalse(html.matches("(?s).*(src|href)=\"https?://.*"), "no outside resources");
        for (String admin : new String[] {"/$/datasets", "/$/backup/treaties", "/$/compact/treaties", "/$/tasks", "/$/server"}) {
            int status = get(admin, null).statusCode();
            assertTrue(status == 404 || status == 405, admin + " answered " + status);
        }
    }

    @Test
    void headlessChromiumLoadsThePagesWithoutErrors(@TempDir Path tmp) throws Exception {
        org.treatygraph.ExternalTools.require(Files.isExecutable(Chromium.BINARY), "Debian chromium");
        Path shots = Path.of("target/screenshots");
        try (Chromium browser = new Chromium(tmp.resolve("profile"))) {
            // Each page under the server's content security policy: a violation is a console error.
            for (String[] page : new String[][] {{"/", "home"}, {"/sources/000_d65a8bda9b5a5c10.txt?start=10&end=20", "source"},
                    {"/id/agreement/treaty-of-kars-1921", "entity"}, {"/ontology", "ontology"},
                    {"/explain?s=" + enc(IriScheme.ID + "person/yusuf-kemal-bey") + "&p=" + enc(TG.NS + "actedOnBehalfOf") + "&o=" + enc(IriScheme.ID + "polity/grand-national-assembly"), "explain"},
                    {"/query", "query"}}) {   // the query page last: its script is checked next
                browser.open(base + page[0]);
                assertEquals(java.util.List.of(), browser.takeProblems(), page[0]);
                assertTrue(browser.evaluate("[...document.styleSheets].some(s => /[/]assets[/](site|ontology)[.]css$/.test(s.href || '') && s.cssRules.length > 5)").asBoolean(), page[0] + ": its stylesheet applies");
                browser.screenshot(shots.resolve(page[1] + ".png"));
                assertTrue(Files.size(shots.resolve(page[1] + ".png")) > 1000);
            }
            assertTrue(browser.evaluate("document.querySelector('.yasqe .CodeMirror').CodeMirror.getValue().startsWith('#')").asBoolean(), "the editor holds the first example");
            // The check sees a violation when there is one: inline style and script are refused, and reported.
            browser.evaluate("const s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.body.appendChild(s); window.ran === undefined");
            assertTrue(browser.evaluate("window.ran === undefined").asBoolean(), "an inline script does not run");
            List<String> reported = browser.takeProblems();
            assertTrue(reported.stream().anyMatch(p -> p.contains("Content Security Policy")), reported.toString());
            // The query page at work: BrowserTest.
            // At a phone's width the entity page still shows each fact's value and quotes, without scrolling sideways.
            browser.width(375);
            browser.open(base + "/id/agreement/treaty-of-kars-1921");
            assertTrue(browser.evaluate("document.documentElement.scrollWidth").asInt() <= 375,
                    "scroll width " + browser.evaluate("document.documentElement.scrollWidth"));
            assertTrue(browser.evaluate("[...document.querySelectorAll('.quote')].slice(0, 5).every(q => { const r = q.getBoundingClientRect(); return r.width > 0 && r.right <= 375; })").asBoolean(),
                    "the quotes lie within the screen");
            browser.screenshot(shots.resolve("entity-375.png"));
            // The page of a passage, and a derivation, fit a phone too.
            for (String[] page : new String[][] {{"/sources/001_190e26330fb8df59.txt?start=73600&end=73699", "source-375"},
                    {"/explain?s=" + enc(IriScheme.ID + "person/yusuf-kemal-bey") + "&p=" + enc(TG.NS + "actedOnBehalfOf") + "&o=" + enc(IriScheme.ID + "polity/grand-national-assembly"), "explain-375"}}) {
                browser.open(base + page[0]);
                assertTrue(browser.evaluate("document.documentElement.scrollWidth").asInt() <= 375, page[0] + ": scroll width " + browser.evaluate("document.documentElement.scrollWidth"));
                browser.screenshot(shots.resolve(page[1] + ".png"));
            }
        }
    }

    @Test
    void aTimeoutWhileRowsWouldStreamIsStillAnError() throws Exception {
        // Rows come out of this query from the first moment, slowly: Fuseki as shipped sends 200 and a
        // truncated result when the timeout strikes; this server computes rows in full first and says 503.
        String q = "SELECT ?a ?d { ?a ?b ?c . ?d ?e ?f . FILTER(?c = ?f && ?a != ?d && isLiteral(?c)) }";
        var r = get("/treaties/sparql?query=" + enc(q), "application/sparql-results+json");
        assertEquals(503, r.statusCode(), new String(r.body(), "UTF-8"));
        var all = get("/treaties/sparql?query=" + enc("SELECT * { ?s ?p ?o }"), "application/sparql-results+json");
        assertEquals(200, all.statusCode());
        assertTrue(new String(all.body(), "UTF-8").strip().endsWith("}"), "a complete result is complete JSON");
    }

    @Test
    void resultFormatsByAccept() throws Exception {
        String select = enc("SELECT ?s { ?s a <https://w3id.org/treaty-graph/ontology#PeaceTreaty> } LIMIT 3");
        for (String[] f : new String[][] {{"application/sparql-results+json", "application/sparql-results+json"},
                {"application/sparql-results+xml", "application/sparql-results+xml"}, {"text/csv", "text/csv"}, {"text/tab-separated-values", "text/tab-separated-values"}}) {
            var r = get("/treaties/sparql?query=" + select, f[0]);
            assertEquals(200, r.statusCode(), f[0]);
            assertTrue(type(r).startsWith(f[1]), f[0] + " gave " + type(r));
        }
        String construct = enc("CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 5");
        for (String t : new String[] {"text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"}) {
            var r = get("/treaties/sparql?query=" + construct, t);
            assertEquals(200, r.statusCode(), t);
            assertTrue(type(r).startsWith(t), t + " gave " + type(r));
        }
        var post = http.send(HttpRequest.newBuilder(URI.create(base + "/treaties/sparql")).header("Content-Type", "application/sparql-query")
                .header("Accept", "text/csv").POST(HttpRequest.BodyPublishers.ofString("ASK { ?s ?p ?o }")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, post.statusCode());
        var gsp = get("/treaties/data?graph=" + enc(IriScheme.ASSERTED_GRAPH.getURI()), "application/n-triples");
        assertEquals(200, gsp.statusCode());
        assertEquals(TestProjects.repoGraph().asserted().size(), new String(gsp.body(), "UTF-8").lines().filter(l -> !l.isBlank()).count());
    }

    @Test
    void restartWithACurrentStoreDoesNotRebuild(@TempDir Path scratch) throws Exception {
        var project = TestProjects.scratch(scratch.resolve("p"), TestProjects.VALID);
        Path db = scratch.resolve("run/tdb2");
        // First start: nothing there yet, so it builds and loads the store.
        String first = startAndStop(project, db);
        assertTrue(first.contains("building the graph") && first.contains("loading the named graphs"), first);
        Path fingerprint = db.resolve("gen-1/fingerprint");
        var loaded = Files.getLastModifiedTime(fingerprint);
        // A restart on unchanged inputs opens the store as it is, and it still answers.
        String second = startAndStop(project, db);
        assertTrue(second.contains("opening the store"), second);
        assertFalse(second.contains("building the graph") || second.contains("loading the named graphs"), second);
        assertEquals(loaded, Files.getLastModifiedTime(fingerprint), "the store was not marked anew");
        // A change to any input makes the store stale: the next start builds a new generation and drops the old.
        Files.writeString(project.recordsDir().resolve("test.yaml"), TestProjects.VALID + "  note: The editors' remark, added after the store was loaded.\n");
        String third = startAndStop(project, db);
        assertTrue(third.contains("the inputs changed since the store was loaded") && third.contains("loading the named graphs"), third);
        assertEquals("gen-2", Files.readString(db.resolve("current")).strip());
        assertEquals(Fingerprint.of(project), Files.readString(db.resolve("gen-2/fingerprint")).strip());
        assertFalse(Files.exists(db.resolve("gen-1")), "the superseded generation is removed");
        // So does other code: a store an old converter loaded is not current for a new one.
        assertNotEquals(Fingerprint.of(project, "one build of the code"), Fingerprint.of(project, "another build of the code"));
    }

    /** Starts a server on the project and store, asks it one question, stops it; returns its progress lines. */
    private static String startAndStop(org.treatygraph.convert.Project project, Path db) throws Exception {
        java.io.StringWriter log = new java.io.StringWriter();
        TreatyServer s = TreatyServer.start(new TreatyServer.Options(project, Path.of("fuseki-config/treaty-graph.ttl").toAbsolutePath(),
                db, 0, "/", TreatyServer.LOOPBACK, 3), new Progress(new java.io.PrintWriter(log)));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port()
                    + "/treaties/sparql?query=" + enc("ASK { <https://w3id.org/treaty-graph/id/polity/persia> ?p ?o }")))
                    .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("true"), r.body());
        } finally {
            s.close();
        }
        return log.toString();
    }

    @Test
    void twoServersInOneJvmKeepTheirOwnState(@TempDir Path scratch) throws Exception {
        // Two projects that differ in their ontology (a class each) and in a label.
        var a = TestProjects.scratch(scratch.resolve("a"), TestProjects.VALID);
        var b = TestProjects.scratch(scratch.resolve("b"), TestProjects.VALID.replace("label: Soviet–Persian Treaty of Friendship", "label: Soviet–Persian Treaty"));
        Files.writeString(a.ontologyFile(), "\ntg:OnlyInA a owl:Class ; rdfs:label \"only in A\"@en ; skos:definition \"A test class.\"@en .\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(b.ontologyFile(), "\ntg:OnlyInB a owl:Class ; rdfs:label \"only in B\"@en ; skos:definition \"A test class.\"@en .\n", java.nio.file.StandardOpenOption.APPEND);
        TreatyServer sa = TreatyServer.start(new TreatyServer.Options(a, Path.of("fuseki-config/treaty-graph.ttl").toAbsolutePath(), scratch.resolve("a-run/tdb2"), 0, "/", TreatyServer.LOOPBACK, 3), Progress.SILENT);
        TreatyServer sb = TreatyServer.start(new TreatyServer.Options(b, Path.of("fuseki-config/treaty-graph.ttl").toAbsolutePath(), scratch.resolve("b-run/tdb2"), 0, "/", TreatyServer.LOOPBACK, 3), Progress.SILENT);
        try {
            for (int round = 0; round < 2; round++) {   // the second round is served from what each server kept
                String ontA = fetch(sa, "/ontology", "text/html"), ontB = fetch(sb, "/ontology", "text/html");
                assertTrue(ontA.contains("OnlyInA") && !ontA.contains("OnlyInB"), "server A's ontology page");
                assertTrue(ontB.contains("OnlyInB") && !ontB.contains("OnlyInA"), "server B's ontology page");
                String ttlA = fetch(sa, "/id/agreement/soviet-persian-treaty-1921.ttl", "text/turtle"), ttlB = fetch(sb, "/id/agreement/soviet-persian-treaty-1921.ttl", "text/turtle");
                assertTrue(ttlA.contains("Treaty of Friendship") && !ttlB.contains("Treaty of Friendship") && ttlB.contains("Soviet–Persian Treaty"), ttlB);
            }
        } finally {
            sa.close();
            sb.close();
        }
    }

    private static String fetch(TreatyServer s, String path, String accept) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(accept), path + " " + r.headers());
        return r.body();
    }
}

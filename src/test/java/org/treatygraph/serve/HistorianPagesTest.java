package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.ExternalTools;
import org.treatygraph.TestProjects;
import org.treatygraph.core.Progress;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.TG;

/**
 * The pages a historian reads (the source page, /explain, the home page) and how they speak HTTP
 * (Last-Modified, If-Modified-Since, Vary, JSON for application/json, the gzip dump read by rdflib), over
 * real HTTP against a server on the bundled data.
 */
class HistorianPagesTest {
    @TempDir static Path run;
    static TreatyServer server;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String KARS = IriScheme.ID + "agreement/treaty-of-kars-1921";

    @BeforeAll
    static void start() throws Exception {
        server = start(run);
    }

    private static TreatyServer start(Path dir) throws Exception {
        TreatyServer s = TreatyServer.start(new TreatyServer.Options(TestProjects.repo(), Path.of("fuseki-config/treaty-graph.ttl").toAbsolutePath(),
                dir.resolve("tdb2"), 0, "/", TreatyServer.LOOPBACK, 3), Progress.SILENT);
        assertTrue(s.awaitDumps(), "the dumps are written");   // the tests read the generation, current once its dumps are
        base = "http://localhost:" + s.port();
        return s;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<QuerySolution> select(String query) {
        try (var qe = QueryExecutionHTTP.service(base + "/treaties/sparql").query(query).build()) {
            List<QuerySolution> rows = new java.util.ArrayList<>();
            qe.execSelect().forEachRemaining(rows::add);
            return rows;
        }
    }

    static long count(String query) {
        return select(query).get(0).getLiteral("n").getLong();
    }

    @Test
    void theSourcePageShowsTheSourceThePassageInItsParagraphAndTheFactsCitingIt() throws Exception {
        // The passage of Tsvetkova's article that dates the Treaty of Kars, as the treaty's page links it.
        String kars = get("/id/agreement/treaty-of-kars-1921", "Accept", "text/html").body();
        Matcher m = Pattern.compile("href=\"(/sources/001_[0-9a-f]+\\.txt\\?start=(\\d+)&amp;end=(\\d+))#passage\"").matcher(kars);
        assertTrue(m.find(), kars);
        var r = get(m.group(1).replace("&amp;", "&"), "Accept", "text/html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        // Title and author as data/sources.yaml records them, from the graph.
        assertTrue(html.contains("<h1>Turkish National Movement and Soviet Russia in Caucasus (1919-1922)</h1>"), html);
        assertTrue(html.contains("by Tsvetelina Tsvetkova"), html);
        // The passage, marked, with the words around it in its paragraph; not the whole article.
        String text = Files.readString(Path.of("data/sources").resolve(m.group(1).replaceAll("^/sources/|\\?.*$", "")));
        int start = Integer.parseInt(m.group(2)), end = Integer.parseInt(m.group(3));
        String passage = text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
        assertTrue(html.contains("<mark id=\"passage\">" + Html.esc(passage) + "</mark>"), html);
        assertTrue(html.contains("Treaty of Kars"), html);
        assertTrue(html.length() < text.length() / 4, "the paragraph, not the whole text: " + html.length() + " characters");
        assertTrue(html.contains("<a href=\"/sources/001_190e26330fb8df59.txt\">The whole text</a>"), html);
        // The facts that cite it: the treaty, linked, with a property in words.
        int facts = html.indexOf("Facts that cite this passage");
        assertTrue(facts > 0, html);
        String table = html.substring(facts);
        assertTrue(table.contains("<a href=\"/id/agreement/treaty-of-kars-1921\">Treaty of Kars</a>"), table);
        assertTrue(table.matches("(?s).*<td><a href=\"/ontology#[A-Za-z]+\">[a-z ]+</a></td>.*"), "properties by their labels: " + table);
        assertFalse(table.contains("https://w3id.org/treaty-graph/"), "no raw IRIs");
        // A passage no fact cites says so; offsets outside the text are the client's mistake.
        String empty = get("/sources/001_190e26330fb8df59.txt?start=0&end=1", "Accept", "text/html").body();
        assertTrue(empty.contains("No fact of the graph cites these characters."), empty);
        assertEquals(400, get("/sources/001_190e26330fb8df59.txt?start=0&end=99999999").statusCode());
    }

    @Test
    void explainShowsEachStepInWordsWithTheQuotesOfItsLeaves() throws Exception {
        // The signing date is inferred (a property chain: signing, then its date).
        String o = select("SELECT ?o { <" + KARS + "> <" + TG.signingDate.getURI() + "> ?o . ?o <" + TG.dateValue.getURI() + "> ?v FILTER(STR(?v) = '1921-10-13') } LIMIT 1")
                .get(0).getResource("o").getURI();
        var r = get("/explain?s=" + enc(KARS) + "&p=" + enc(TG.signingDate.getURI()) + "&o=" + enc(o), "Accept", "text/html");
        assertEquals(200, r.statusCode(), r.body());
        String html = r.body();
        assertTrue(html.contains("<a href=\"/id/agreement/treaty-of-kars-1921\">Treaty of Kars</a>"), html);
        assertTrue(html.contains("<a href=\"/ontology#signingDate\">signing date</a>"), html);
        assertTrue(html.contains("13 October"), "the date in the source's words: " + html);
        assertTrue(html.contains("<code>prp-spo2-2</code>: two facts in a row"), "the rule, named and in words: " + html);
        assertTrue(html.contains("is the chain of"), "the axiom in words: " + html);
        // The asserted leaves: where they were written, and the passages that state them, by author and title.
        assertTrue(html.matches("(?s).*Asserted in the records \\(<code>data/records/[a-z-]+\\.yaml:\\d+:\\d+</code>\\).*"), html);
        assertTrue(html.matches("(?s).*<blockquote class=\"quote\">“[^”]*13 October[^”]*” — <a href=\"/sources/001_190e26330fb8df59\\.txt\\?start=\\d+&amp;end=\\d+#passage\">"
                + "Tsvetelina Tsvetkova, Turkish National Movement and Soviet Russia in Caucasus \\(1919-1922\\)</a></blockquote>.*"), html);
        assertFalse(html.contains("id:agreement") || html.contains("tg:signingDate"), "labels, not prefixed IRIs");
        // What does not hold says so, in words too.
        var none = get("/explain?s=" + enc(KARS) + "&p=" + enc(TG.annuls.getURI()) + "&o=" + enc(KARS), "Accept", "text/html");
        assertEquals(404, none.statusCode());
        assertTrue(none.body().contains("is neither asserted nor inferred: no record states it"), none.body());
    }

    @Test
    void theHomePageCountsWhatTheEndpointCounts() throws Exception {
        String html = get("/", "Accept", "text/html").body();
        Matcher m = Pattern.compile("<td class=\"count\" data-kind=\"/id/([a-z-]+)/\">(\\d+)</td>").matcher(html);
        Map<String, Long> shown = new HashMap<>();
        while (m.find()) shown.put(m.group(1), Long.parseLong(m.group(2)));
        // Every kind, each counted as its list counts it: entities (id/{kind}/{slug}, of whatever kind their
        // id names: recognitions are territorial changes too), not the nodes inside one.
        for (QuerySolution k : select("SELECT ?kind { ?c <" + TG.idKind.getURI() + "> ?kind }")) {
            String kind = k.getLiteral("kind").getString();
            long n = count("SELECT (COUNT(DISTINCT ?e) AS ?n) { ?c <" + TG.idKind.getURI() + "> '" + kind + "' . ?e a ?c "
                    + "FILTER(REGEX(STR(?e), '^" + IriScheme.ID + "[^/]+/[^/]+$')) }");
            assertEquals(n, shown.get(kind), kind + " in " + shown);
        }
        assertTrue(shown.get("agreement") > 50 && shown.get("source") == 3, shown.toString());
        long asserted = count("SELECT (COUNT(*) AS ?n) { GRAPH <" + IriScheme.ASSERTED_GRAPH.getURI() + "> { ?s ?p ?o } }");
        long inferred = count("SELECT (COUNT(*) AS ?n) { GRAPH <" + IriScheme.INFERRED_GRAPH.getURI() + "> { ?s ?p ?o } }");
        assertTrue(html.contains("<span class=\"count\">" + String.format("%,d", asserted) + "</span> facts stated in the records"), html);
        assertTrue(html.contains("<span class=\"count\">" + String.format("%,d", inferred) + "</span> facts the ontology"), html);
        // Where to start, and the build the pages come from.
        assertTrue(html.contains("<a href=\"/id/agreement/treaty-of-kars-1921\">Treaty of Kars</a>"), html);
        for (String path : new String[] {"/browse", "/query", "/ontology", "/dumps/"}) assertTrue(html.contains("href=\"" + path + "\""), path);
        String build = Files.readString(run.resolve("tdb2").resolve(Files.readString(run.resolve("tdb2/current")).strip()).resolve("fingerprint")).strip();
        assertTrue(html.contains("<code>" + build.substring(0, 12) + "</code>"), html);
    }

    @Test
    void plainJsonIsJsonLd() throws Exception {
        var r = get("/id/agreement/treaty-of-kars-1921", "Accept", "application/json");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"), r.headers().map().toString());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.JSONLD).parse(g);
        assertTrue(g.contains(IriScheme.iri("agreement/treaty-of-kars-1921"), TG.confirms, IriScheme.iri("agreement/treaty-of-moscow-1921")));
        // A client that prefers HTML still gets HTML; one that takes anything gets the first format (Turtle).
        assertTrue(get("/id/agreement/treaty-of-kars-1921", "Accept", "text/html, application/json;q=0.5").headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(get("/id/agreement/treaty-of-kars-1921", "Accept", "*/*").headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    }

    @Test
    void pagesVaryByAcceptAndEncodingEvenWhenGzipped() throws Exception {
        for (String path : new String[] {"/", "/id/agreement/treaty-of-kars-1921", "/ontology.ttl", "/treaties/sparql"}) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""), path);
            assertEquals(1, r.headers().allValues("Vary").size(), path + " " + r.headers().map());
            List<String> vary = List.of(r.headers().firstValue("Vary").orElse("").split(",\\s*"));
            assertTrue(vary.containsAll(List.of("Accept", "Accept-Encoding")), path + " " + vary);
        }
    }

    @Test
    void lastModifiedIsTheBuildsAndAnswersIfModifiedSince() throws Exception {
        var page = get("/id/agreement/treaty-of-kars-1921", "Accept", "text/html");
        String lastModified = page.headers().firstValue("Last-Modified").orElse("");
        String etag = page.headers().firstValue("ETag").orElse("");
        assertFalse(lastModified.isEmpty(), page.headers().map().toString());
        // It is when the served generation was completed, in HTTP's date form.
        Path gen = run.resolve("tdb2").resolve(Files.readString(run.resolve("tdb2/current")).strip());
        long built = Files.getLastModifiedTime(gen.resolve("fingerprint")).toMillis() / 1000 * 1000;
        assertEquals(java.time.format.DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH).format(java.time.Instant.ofEpochMilli(built).atZone(java.time.ZoneOffset.UTC)), lastModified);
        for (String path : new String[] {"/", "/sources/000_d65a8bda9b5a5c10.txt?start=10&end=20"})
            assertEquals(lastModified, get(path).headers().firstValue("Last-Modified").orElse(""), path);
        var same = get("/id/agreement/treaty-of-kars-1921", "Accept", "text/html", "If-Modified-Since", lastModified);
        assertEquals(304, same.statusCode());
        assertEquals("", same.body());
        assertEquals(etag, same.headers().firstValue("ETag").orElse(""));
        assertEquals(200, get("/id/agreement/treaty-of-kars-1921", "Accept", "text/html", "If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT").statusCode());
        assertEquals(200, get("/", "If-Modified-Since", "not a date").statusCode());
        // If-None-Match decides when both are sent.
        assertEquals(200, get("/id/agreement/treaty-of-kars-1921", "Accept", "text/html", "If-Modified-Since", lastModified, "If-None-Match", "\"other\"").statusCode());
        // Errors name no time.
        assertTrue(get("/id/agreement/no-such-treaty", "Accept", "text/html").headers().firstValue("Last-Modified").isEmpty());
        // The same build after a restart: the same Last-Modified.
        server.close();
        server = start(run);
        assertEquals(lastModified, get("/id/agreement/treaty-of-kars-1921", "Accept", "text/html").headers().firstValue("Last-Modified").orElse(""));
    }

    @Test
    void theGzipDumpIsGzipForThoseWhoTakeItAndRdflibReadsItFromTheUrl() throws Exception {
        Path dumps = run.resolve("tdb2").resolve(Files.readString(run.resolve("tdb2/current")).strip()).resolve("dumps");
        byte[] file = Files.readAllBytes(dumps.resolve("treaty-graph.nt.gz"));
        HttpResponse<byte[]> gz = http.send(HttpRequest.newBuilder(URI.create(base + "/dumps/treaty-graph.nt.gz")).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, gz.statusCode());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(gz.headers().firstValue("Content-Type").orElse("").startsWith("application/n-triples"));
        assertArrayEquals(file, gz.body(), "the file as it is");
        HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(URI.create(base + "/dumps/treaty-graph.nt.gz")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        assertArrayEquals(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(file)).readAllBytes(), plain.body(), "decoded for a client that takes no gzip");
        assertNotEquals(gz.headers().firstValue("ETag").orElse(""), plain.headers().firstValue("ETag").orElse(""), "two representations, two ETags");
        assertTrue(plain.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"));
        long triples = RDFParser.source(dumps.resolve("treaty-graph.nt.gz").toString()).toGraph().size();
        ExternalTools.requirePython("rdflib");
        var py = ExternalTools.run(List.of(ExternalTools.PYTHON, "-c",
                "import sys, rdflib\ng = rdflib.Graph()\ng.parse(sys.argv[1])\nprint(len(g))", base + "/dumps/treaty-graph.nt.gz"));
        assertEquals(0, py.exit(), py.output());
        assertEquals(String.valueOf(triples), py.output().strip());
    }
}

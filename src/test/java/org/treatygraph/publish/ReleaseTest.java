package org.treatygraph.publish;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.cli.Main;
import org.treatygraph.convert.Project;
import org.treatygraph.core.Hashing;
import org.treatygraph.core.Progress;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.TG;
import org.treatygraph.serve.TreatyServer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two consecutive releases of a small project, made by the `release` command as a user runs it: between them one
 * record changes (the Soviet–Persian treaty's signing date, from a day to a month). The second release's diff, its
 * words and its patch hold exactly that change, the patch turns release 1 into release 2, release 1's bytes never
 * change, the VoID description matches the files it lists, the ontology's version follows, and a server serves
 * both at their stable URLs with the latest also at /dumps/.
 */
class ReleaseTest {
    @TempDir static Path dir;
    static Project project;
    static Path releases;
    static Map<String, String> release1Sums, remadeSums;
    static String[] refusedAgain, refusedOlder;
    static final Node TREATY = IriScheme.iri("agreement/soviet-persian-treaty-1921");

    @BeforeAll
    static void twoReleases() throws Exception {
        project = TestProjects.scratch(dir.resolve("project"), TestProjects.VALID);
        releases = dir.resolve("releases");
        String[] first = release("1.0.0", "2026-12-01");
        assertEquals("0", first[0], first[2]);
        release1Sums = sums(releases.resolve("1.0.0"));
        // The same release made again elsewhere from the same inputs: the same bytes (release.properties aside: its comment has the time).
        StringWriter ignored = new StringWriter();
        var again = Main.commandLine();
        again.setErr(new PrintWriter(ignored));
        again.setOut(new PrintWriter(ignored));
        assertEquals(0, again.execute("release", "1.0.0", "--project", project.root().toString(), "--releases", dir.resolve("again").toString(),
                "--date", "2026-12-01", "-q"), ignored.toString());
        remadeSums = sums(dir.resolve("again/1.0.0"));
        // One record changes: the treaty's date, as a month rather than a day.
        Path records = project.recordsDir().resolve("test.yaml");
        String text = Files.readString(records, StandardCharsets.UTF_8);
        String changed = text.replace("dateText: \"26 February 1921\"\n      dateValue: \"1921-02-26\"", "dateText: \"February 1921\"\n      dateValue: \"1921-02\"");
        assertNotEquals(text, changed, "the test's edit applies to the records");
        Files.writeString(records, changed, StandardCharsets.UTF_8);
        String[] second = release("1.1.0", "2026-12-03");
        assertEquals("0", second[0], second[2]);
        refusedAgain = release("1.0.0", "2026-12-04");
        refusedOlder = release("0.9.0", "2026-12-04");
    }

    private static String[] release(String version, String date) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute("release", version, "--project", project.root().toString(), "--releases", releases.toString(), "--date", date, "-q");
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    /** Every file of a directory with its SHA-256. */
    private static Map<String, String> sums(Path d) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.toList()) m.put(p.getFileName().toString(), Hashing.sha256(Files.readAllBytes(p)));
        }
        return m;
    }

    private static DatasetGraph trig(String version) {
        return RDFDataMgr.loadDatasetGraph(releases.resolve(version).resolve(Dump.TRIG.fileName()).toString());
    }

    @Test
    void aReleaseIsNeverOverwrittenNorFollowedByAnOlderVersion() throws IOException {
        assertEquals("1", refusedAgain[0], refusedAgain[2]);
        assertTrue(refusedAgain[2].contains("release 1.0.0 exists") && refusedAgain[2].contains("nothing was written"), refusedAgain[2]);
        assertFalse(refusedAgain[2].contains("Exception"), refusedAgain[2]);
        assertEquals("1", refusedOlder[0], refusedOlder[2]);
        assertTrue(refusedOlder[2].contains("would not be after the latest release, 1.1.0"), refusedOlder[2]);
        assertEquals(List.of("1.0.0", "1.1.0"), new Releases(releases).versions());
        try (Stream<Path> s = Files.list(releases)) {
            assertEquals(Set.of("1.0.0", "1.1.0"), s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()), "no temporary directory left");
        }
        // Release 1's bytes, every file, are what they were before release 2 and the refused ones.
        assertEquals(release1Sums, sums(releases.resolve("1.0.0")));
    }

    @Test
    void aReleaseMadeTwiceFromTheSameInputsHasTheSameBytes() {
        Map<String, String> a = new TreeMap<>(release1Sums), b = new TreeMap<>(remadeSums);
        a.remove(Releases.PROPERTIES);
        b.remove(Releases.PROPERTIES);
        assertEquals(a, b);
    }

    @Test
    void theDiffHoldsExactlyTheChangedRecord() {
        Changes c = Changes.between(trig("1.0.0"), trig("1.1.0"));
        List<Quad> asserted = Stream.concat(c.added.stream(), c.removed.stream()).filter(q -> q.getGraph().equals(IriScheme.ASSERTED_GRAPH)).toList();
        assertFalse(asserted.isEmpty());
        // Every asserted change is on the treaty's signing date, and nothing but its words, value and bounds.
        Set<Node> subjects = new HashSet<>(), predicates = new HashSet<>();
        asserted.forEach(q -> { subjects.add(q.getSubject()); predicates.add(q.getPredicate()); });
        assertEquals(1, subjects.size(), subjects.toString());
        assertEquals(TREATY, IriScheme.owner(subjects.iterator().next()));
        assertTrue(Set.of(TG.dateText, TG.dateValue, TG.earliest, TG.latest).containsAll(predicates), predicates.toString());
        Node date = subjects.iterator().next();
        assertTrue(c.removed.contains(Quad.create(IriScheme.ASSERTED_GRAPH, date, TG.dateValue, NodeFactory.createLiteralDT("1921-02-26", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate))));
        assertTrue(c.added.contains(Quad.create(IriScheme.ASSERTED_GRAPH, date, TG.dateValue, NodeFactory.createLiteralDT("1921-02", org.apache.jena.datatypes.xsd.XSDDatatype.XSDgYearMonth))));
        assertTrue(c.added.contains(Quad.create(IriScheme.ASSERTED_GRAPH, date, TG.dateText, NodeFactory.createLiteralString("February 1921"))));
        // The provenance changes are those of the changed statements; the ontology's only its version.
        DatasetGraph after = trig("1.1.0"), before = trig("1.0.0");
        for (Quad q : Stream.concat(c.added.stream(), c.removed.stream()).toList()) {
            if (q.getGraph().equals(IriScheme.PROVENANCE_GRAPH)) {
                Node of = ofEntity(after, q.getSubject());
                if (of == null) of = ofEntity(before, q.getSubject());
                assertEquals(TREATY, of == null ? null : IriScheme.owner(of), q.toString());
            } else if (q.getGraph().equals(IriScheme.ONTOLOGY_GRAPH)) {
                assertEquals(IriScheme.ONTOLOGY, q.getSubject().getURI(), q.toString());
            } else {
                assertEquals(TREATY, IriScheme.owner(q.getSubject()), q.toString());
            }
        }
    }

    private static Node ofEntity(DatasetGraph d, Node statement) {
        var it = d.getGraph(IriScheme.PROVENANCE_GRAPH).find(statement, TG.ofEntity, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    @Test
    void theWordsNameTheEntityAndWhatChanged() throws IOException {
        String md = Files.readString(releases.resolve("1.1.0/CHANGES.md"), StandardCharsets.UTF_8);
        List<String> entityLines = md.lines().filter(l -> l.startsWith("- **")).toList();
        assertEquals(1, entityLines.size(), md);
        String line = entityLines.get(0);
        assertTrue(line.startsWith("- **Soviet–Persian Treaty of Friendship** (`agreement/soviet-persian-treaty-1921`): "), line);
        assertTrue(line.contains("date value precision changed (day → month)"), line);
        assertTrue(line.contains("date text changed (“26 February 1921” → “February 1921”)"), line);
        assertTrue(md.contains("Changes since release 1.0.0"), md);
        assertTrue(md.contains("- version 1.0.0+2026-12-01 → 1.1.0+2026-12-03"), md);
        var page = org.jsoup.Jsoup.parse(Files.readString(releases.resolve("1.1.0/changes.html"), StandardCharsets.UTF_8));
        var items = page.select("ul.changes li");
        assertTrue(items.size() >= 1);
        assertEquals("/id/agreement/soviet-persian-treaty-1921", items.get(0).selectFirst("a").attr("href"));
        assertTrue(items.get(0).text().contains("date value precision changed (day → month)"), items.get(0).text());
        assertEquals("Release 1.1.0", page.selectFirst("h1").text());
        // The first release's changes: everything is new.
        String first = Files.readString(releases.resolve("1.0.0/CHANGES.md"), StandardCharsets.UTF_8);
        assertTrue(first.contains("The first release") && first.contains("(`agreement/soviet-persian-treaty-1921`): new (treaty of friendship)"), first);
    }

    @Test
    void thePatchTurnsReleaseOneIntoReleaseTwo() throws IOException {
        RDFPatch patch;
        try (var in = Files.newInputStream(releases.resolve("1.1.0/changes.rdfp"))) {
            patch = RDFPatchOps.read(in);
        }
        DatasetGraph one = Changes.canonical(trig("1.0.0"));
        RDFPatchOps.applyChange(one, patch);
        Set<Quad> got = new HashSet<>(), want = new HashSet<>();
        one.find().forEachRemaining(got::add);
        Changes.canonical(trig("1.1.0")).find().forEachRemaining(want::add);
        assertEquals(want, got);
        assertEquals(IriScheme.BASE + "dumps/releases/1.1.0/changes.rdfp", patch.header().get("id").getURI());
        assertEquals(IriScheme.BASE + "dumps/releases/1.0.0/changes.rdfp", patch.header().get("prev").getURI());
        // The first release's patch builds release 1 from an empty store.
        DatasetGraph empty = org.apache.jena.sparql.core.DatasetGraphFactory.create();
        try (var in = Files.newInputStream(releases.resolve("1.0.0/changes.rdfp"))) {
            RDFPatchOps.applyChange(empty, in);
        }
        Set<Quad> fromEmpty = new HashSet<>(), release1 = new HashSet<>();
        empty.find().forEachRemaining(fromEmpty::add);
        Changes.canonical(trig("1.0.0")).find().forEachRemaining(release1::add);
        assertEquals(release1, fromEmpty);
    }

    @Test
    void theOntologyVersionFollowsTheRelease() {
        Node onto = NodeFactory.createURI(IriScheme.ONTOLOGY);
        for (String v : List.of("1.0.0", "1.1.0")) {
            Graph g = trig(v).getGraph(IriScheme.ONTOLOGY_GRAPH);
            assertEquals(List.of(NodeFactory.createURI(IriScheme.ONTOLOGY + "/" + v)), g.find(onto, OWL2.versionIRI.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList());
            String day = v.equals("1.0.0") ? "2026-12-01" : "2026-12-03";
            assertEquals(List.of(NodeFactory.createLiteralString(v + "+" + day)), g.find(onto, OWL2.versionInfo.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList());
        }
        assertTrue(trig("1.1.0").getGraph(IriScheme.ONTOLOGY_GRAPH).contains(onto, OWL2.priorVersion.asNode(), NodeFactory.createURI(IriScheme.ONTOLOGY + "/1.0.0")));
        // ontology.ttl is the release's ontology graph.
        for (String v : List.of("1.0.0", "1.1.0"))
            assertTrue(RDFDataMgr.loadGraph(releases.resolve(v).resolve(Dump.ONTOLOGY.fileName()).toString()).isIsomorphicWith(trig(v).getGraph(IriScheme.ONTOLOGY_GRAPH)), v);
    }

    /** The description against the files it describes: each listed file exists with that size and checksum, each file is listed. */
    @Test
    void theDescriptionMatchesTheFilesOfEachRelease() throws IOException {
        for (String v : List.of("1.0.0", "1.1.0")) {
            Path d = releases.resolve(v);
            Graph g = RDFDataMgr.loadGraph(d.resolve("void.ttl").toString());
            String base = IriScheme.BASE + "dumps/releases/" + v + "/";
            Node rel = NodeFactory.createURI(IriScheme.BASE + "dataset/" + v);
            Set<String> listed = new TreeSet<>();
            for (Node dist : g.find(rel, DCAT.distribution.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList()) {
                assertTrue(dist.getURI().startsWith(base), dist.toString());
                String name = dist.getURI().substring(base.length());
                listed.add(name);
                Path f = d.resolve(name);
                assertTrue(Files.isRegularFile(f), name);
                byte[] bytes = Files.readAllBytes(f);
                assertEquals(Long.toString(bytes.length), one(g, dist, DCAT.byteSize.asNode()).getLiteralLexicalForm(), name);
                Node sum = one(g, dist, NodeFactory.createURI("http://spdx.org/rdf/terms#checksum"));
                assertEquals(Hashing.sha256(bytes), one(g, sum, NodeFactory.createURI("http://spdx.org/rdf/terms#checksumValue")).getLiteralLexicalForm(), name);
                Dump dump = java.util.Arrays.stream(Dump.values()).filter(x -> x.fileName().equals(name)).findFirst().orElseThrow();
                assertEquals(NodeFactory.createURI("https://www.iana.org/assignments/media-types/" + dump.mediaType()), one(g, dist, DCAT.mediaType.asNode()));
                assertEquals(dump.isRdf(), g.contains(rel, VOID.dataDump.asNode(), dist), name + ": void:dataDump names the RDF files only");
            }
            Set<String> files = new TreeSet<>(sums(d).keySet());
            files.removeAll(Set.of("void.ttl", "SHA256SUMS", Releases.PROPERTIES));
            assertEquals(files, listed);
            // SHA256SUMS agrees with the files (sha256sum -c).
            for (String line : Files.readAllLines(d.resolve("SHA256SUMS"))) {
                String[] parts = line.split("  ", 2);
                assertEquals(parts[0], Hashing.sha256(Files.readAllBytes(d.resolve(parts[1]))), parts[1]);
            }
            Node ds = NodeFactory.createURI(IriScheme.BASE + "dataset");
            assertTrue(g.contains(rel, NodeFactory.createURI(DCAT.NS + "version"), NodeFactory.createLiteralString(new Releases(releases).release(v).label())));
            assertTrue(g.contains(rel, org.apache.jena.vocabulary.DCTerms.issued.asNode(), Node.ANY));
            assertTrue(g.contains(ds, VOID.sparqlEndpoint.asNode(), NodeFactory.createURI(IriScheme.BASE + "treaties/sparql")));
            assertTrue(g.contains(ds, org.apache.jena.vocabulary.DCTerms.publisher.asNode(), TG.editors));
            assertTrue(g.contains(ds, VOID.exampleResource.asNode(), Node.ANY));
            assertTrue(g.contains(ds, VOID.vocabulary.asNode(), NodeFactory.createURI(TG.NS)));
            assertTrue(g.contains(IriScheme.ASSERTED_GRAPH, org.apache.jena.vocabulary.DCTerms.license.asNode(), Node.ANY), "a licence per part");
        }
        Graph two = RDFDataMgr.loadGraph(releases.resolve("1.1.0/void.ttl").toString());
        assertTrue(two.contains(NodeFactory.createURI(IriScheme.BASE + "dataset/1.1.0"), NodeFactory.createURI(DCAT.NS + "previousVersion"),
                NodeFactory.createURI(IriScheme.BASE + "dataset/1.0.0")));
    }

    private static Node one(Graph g, Node s, Node p) {
        List<Node> o = g.find(s, p, Node.ANY).mapWith(t -> t.getObject()).toList();
        assertEquals(1, o.size(), s + " " + p + " " + o);
        return o.get(0);
    }

    @Test
    void aServerServesEachReleaseAtItsStableUrlAndTheLatestAtTheUsualOnes() throws Exception {
        TreatyServer server = TreatyServer.start(new TreatyServer.Options(project, Path.of("fuseki-config/treaty-graph.ttl").toAbsolutePath(), null, 0, "/",
                TreatyServer.LOOPBACK, null, List.of(), TreatyServer.Options.DEFAULT_KEEP_FREE, releases, null), Progress.SILENT);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = server.url();
            java.util.function.BiFunction<String, String, HttpResponse<byte[]>> get = (path, accept) -> {
                try {
                    var b = HttpRequest.newBuilder(URI.create(base + path.substring(1)));
                    if (accept != null) b.header("Accept", accept);
                    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            };
            for (String v : List.of("1.0.0", "1.1.0")) {
                for (String name : List.of("treaty-graph.ttl", "treaty-graph.trig", "changes.rdfp", "CHANGES.md", "changes.html", "void.ttl", "SHA256SUMS")) {
                    var r = get.apply("/dumps/releases/" + v + "/" + name, null);
                    assertEquals(200, r.statusCode(), v + "/" + name);
                    assertArrayEquals(Files.readAllBytes(releases.resolve(v).resolve(name)), r.body(), v + "/" + name);
                    assertEquals("public, max-age=31536000, immutable", r.headers().firstValue("Cache-Control").orElse(""), name);
                }
            }
            // The served build is release 1.1.0's (same inputs and code): today's URLs give its bytes.
            for (String name : List.of("treaty-graph.trig", "void.ttl", "CHANGES.md"))
                assertArrayEquals(Files.readAllBytes(releases.resolve("1.1.0").resolve(name)), get.apply("/dumps/" + name, null).body(), name);
            String listing = new String(get.apply("/dumps/releases/", null).body(), StandardCharsets.UTF_8);
            assertTrue(listing.contains("1.1.0+2026-12-03") && listing.contains("1.0.0+2026-12-01"), listing);
            assertEquals(404, get.apply("/dumps/releases/9.9.9/void.ttl", null).statusCode());
            assertEquals(404, get.apply("/dumps/releases/1.0.0/" + Releases.PROPERTIES, null).statusCode());
            assertEquals(404, get.apply("/dumps/releases/1.0.0/../1.1.0/void.ttl", null).statusCode());
            // An ontology version IRI gives the ontology as that release has it, in Turtle or JSON-LD.
            for (String v : List.of("1.0.0", "1.1.0")) {
                var r = get.apply("/ontology/" + v, "text/turtle");
                assertArrayEquals(Files.readAllBytes(releases.resolve(v).resolve(Dump.ONTOLOGY.fileName())), r.body());
                assertEquals("public, max-age=31536000, immutable", r.headers().firstValue("Cache-Control").orElse(""));
                Graph o = parse(get.apply("/ontology/" + v, "application/ld+json"), Lang.JSONLD);
                assertTrue(o.contains(NodeFactory.createURI(IriScheme.ONTOLOGY), OWL2.versionIRI.asNode(), NodeFactory.createURI(IriScheme.ONTOLOGY + "/" + v)), v);
            }
            assertEquals(404, get.apply("/ontology/9.9.9", null).statusCode());
            // The description by Accept: the same triples in Turtle, JSON-LD and RDF/XML; 406 for what it cannot give.
            Graph ttl = parse(get.apply("/.well-known/void", "text/turtle"), Lang.TURTLE);
            assertEquals(ttl.size(), parse(get.apply("/.well-known/void", "application/ld+json"), Lang.JSONLD).size());
            assertEquals(ttl.size(), parse(get.apply("/.well-known/void", "application/rdf+xml"), Lang.RDFXML).size());
            assertEquals(406, get.apply("/.well-known/void", "image/png").statusCode());
            assertTrue(ttl.contains(NodeFactory.createURI(IriScheme.BASE + "dataset"), NodeFactory.createURI(DCAT.NS + "hasVersion"), NodeFactory.createURI(IriScheme.BASE + "dataset/1.1.0")));
            // The endpoint's service description points at the description and counts each named graph.
            Graph sd = parse(get.apply("/treaties/sparql", "text/turtle"), Lang.TURTLE);
            assertTrue(sd.contains(Node.ANY, org.apache.jena.vocabulary.RDFS.seeAlso.asNode(), NodeFactory.createURI(base + ".well-known/void")), sd.toString());
            assertTrue(sd.contains(Node.ANY, VOID.triples.asNode(), Node.ANY));
        } finally {
            server.close();
        }
    }

    private static Graph parse(HttpResponse<byte[]> r, Lang lang) {
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang).parse(g);
        return g;
    }
}

package org.treatygraph.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.cli.Main;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Hashing;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.PROV;
import org.treatygraph.ontology.TG;

import static org.junit.jupiter.api.Assertions.*;

/** The build command's output: every dump parses, they hold the same triples, and the build is deterministic. */
class DumpsTest {
    @TempDir static Path tmp;
    static Path first, second;

    @BeforeAll
    static void buildTwice() {
        first = tmp.resolve("first");
        second = tmp.resolve("second");
        assertEquals(0, Main.run("build", "-q", "--project", TestProjects.repo().root().toString(), "--out", first.toString()));
        assertEquals(0, Main.run("build", "-q", "--project", TestProjects.repo().root().toString(), "--out", second.toString()));
    }

    @Test
    void twoBuildsGiveByteIdenticalFiles() throws IOException {
        Map<String, String> a = sums(first), b = sums(second);
        assertEquals(16, a.size(), a.toString());
        assertEquals(a, b);
    }

    @Test
    void turtleNTriplesAndJsonLdHoldTheSameTriples() {
        Graph ttl = parse(first.resolve("treaty-graph.ttl"), Lang.TURTLE);
        Graph nt = parse(first.resolve("treaty-graph.nt.gz"), Lang.NTRIPLES);
        Graph jsonld = parse(first.resolve("treaty-graph.jsonld"), Lang.JSONLD);
        TreatyGraph built = TestProjects.repoGraph();
        assertEquals(built.factsAndProvenance().size(), ttl.size());
        assertTrue(ttl.isIsomorphicWith(nt), "Turtle and N-Triples differ");
        assertTrue(ttl.isIsomorphicWith(jsonld), "Turtle and JSON-LD differ");
    }

    @Test
    void trigHoldsEveryNamedGraph() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.source(first.resolve("treaty-graph.trig")).lang(Lang.TRIG).parse(dsg);
        TreatyGraph built = TestProjects.repoGraph();
        assertEquals(built.asserted().size(), dsg.getGraph(IriScheme.ASSERTED_GRAPH).size());
        assertEquals(built.provenance().size(), dsg.getGraph(IriScheme.PROVENANCE_GRAPH).size());
        assertEquals(built.ontology().size(), dsg.getGraph(IriScheme.ONTOLOGY_GRAPH).size());
        assertTrue(built.inferred().size() > 1000, "inferred: " + built.inferred().size());
        assertEquals(built.inferred().size(), dsg.getGraph(IriScheme.INFERRED_GRAPH).size());
    }

    @Test
    void inferredDumpHoldsTheInferredGraphAndNothingAsserted() {
        Graph inferred = parse(first.resolve("treaty-graph-inferred.nt.gz"), Lang.NTRIPLES);
        TreatyGraph built = TestProjects.repoGraph();
        assertTrue(inferred.isIsomorphicWith(built.inferred()));
        assertEquals(0, inferred.find().filterKeep(t -> built.asserted().contains(t) || built.ontology().contains(t)).toList().size());
        // One entailment every reader of the dump can check by hand: a peace treaty is an agreement.
        assertTrue(inferred.contains(IriScheme.iri("agreement/treaty-of-kars-1921"), org.apache.jena.vocabulary.RDF.type.asNode(), TG.Agreement));
    }

    @Test
    void voidCountsTriplesAndListsEachDumpWithItsChecksum() throws IOException {
        Graph v = parse(first.resolve("void.ttl"), Lang.TURTLE);
        String ttl = Files.readString(first.resolve("void.ttl"));
        int triples = TestProjects.repoGraph().factsAndProvenance().size();
        assertTrue(ttl.contains("void:triples       " + triples) || ttl.contains("void:triples " + triples) || ttl.matches("(?s).*void:triples\\s+" + triples + "\\b.*"), ttl);
        assertTrue(ttl.contains("https://creativecommons.org/licenses/by/4.0/"));
        String turtleSum = Hashing.sha256(Files.readAllBytes(first.resolve("treaty-graph.ttl")));
        assertTrue(ttl.contains(turtleSum), "void.ttl lacks the checksum of treaty-graph.ttl");
        assertTrue(v.contains(null, RDF.type.asNode(), org.apache.jena.graph.NodeFactory.createURI("http://rdfs.org/ns/void#Dataset")));
    }

    @Test
    void theLinksDumpHoldsTheLinksAloneAndSameAsOnlyInItsOwnFile() throws IOException {
        Graph links = parse(first.resolve("wikidata-links.nt"), Lang.NTRIPLES);
        Graph asserted = TestProjects.repoGraph().asserted();
        int n = asserted.find(null, org.apache.jena.vocabulary.SKOS.exactMatch.asNode(), null).toList().size();
        assertTrue(n >= 20, "links: " + n);
        assertEquals(2 * n, links.size(), "exactMatch and wikidataId for each link");
        assertTrue(links.find().toList().stream().allMatch(asserted::contains), "nothing but asserted links");
        assertTrue(links.contains(IriScheme.iri("polity/democratic-republic-of-georgia"), org.apache.jena.vocabulary.SKOS.exactMatch.asNode(),
                org.apache.jena.graph.NodeFactory.createURI("http://www.wikidata.org/entity/Q245160")));
        Graph sameAs = parse(first.resolve("wikidata-links-sameas.nt"), Lang.NTRIPLES);
        assertEquals(n, sameAs.find(null, org.apache.jena.vocabulary.OWL.sameAs.asNode(), null).toList().size());
        for (String dump : new String[] {"treaty-graph.ttl", "treaty-graph.trig"}) {
            assertFalse(Files.readString(first.resolve(dump)).contains("owl:sameAs"), dump + " must not carry owl:sameAs");
        }
        Graph v = parse(first.resolve("void.ttl"), Lang.TURTLE);
        assertTrue(v.contains(org.apache.jena.graph.NodeFactory.createURI(IriScheme.BASE + "dataset/wikidata-links"), org.apache.jena.graph.NodeFactory.createURI("http://rdfs.org/ns/void#triples"),
                org.apache.jena.graph.NodeFactory.createLiteralDT(Integer.toString(n), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
    }

    @Test
    void checksumsMatchTheFiles() throws IOException {
        // SHA256SUMS lists every file of the build but itself, each once, with its checksum.
        Set<String> listed = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(first.resolve("SHA256SUMS"))) {
            String[] parts = line.split("  ", 2);
            assertEquals(2, parts.length, line);
            assertTrue(listed.add(parts[1]), "listed twice: " + parts[1]);
            assertEquals(parts[0], Hashing.sha256(Files.readAllBytes(first.resolve(parts[1]))), parts[1]);
        }
        Set<String> files;
        try (var s = Files.list(first)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("SHA256SUMS")).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
        assertEquals(files, listed);
        assertEquals(15, listed.size(), listed.toString());
    }

    @Test
    void failedBuildLeavesThePreviousOutputUntouched() throws IOException {
        Path project = tmp.resolve("broken");
        TestProjects.scratch(project, TestProjects.VALID.replace("hasParty:", "hasPary:"));
        Path out = tmp.resolve("kept");
        Files.createDirectories(out);
        Files.writeString(out.resolve("treaty-graph.ttl"), "previous");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Main.run("build", "-q", "--project", project.toString(), "--out", out.toString());
        } finally {
            System.setErr(old);
        }
        assertEquals(1, status);
        int line = TestProjects.VALID.lines().toList().indexOf("  hasParty: [polity/rsfsr, polity/persia]") + 1;
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("data/records/test.yaml:" + line + ":3: error: unknown key 'hasPary'"), err.toString());
        assertEquals("previous", Files.readString(out.resolve("treaty-graph.ttl")));
        try (var s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "a temporary directory was left behind");
        }
    }

    @Test
    void noEditorsNoteOrEditorialFactCarriesASourceCitation() {
        Graph g = parse(first.resolve("treaty-graph.ttl"), Lang.TURTLE);
        Node attributedTo = PROV.wasAttributedTo;
        int notes = 0, editorial = 0;
        for (Triple t : g.find(Node.ANY, RDF.type.asNode(), RDF.Statement.asNode()).toList()) {
            Node st = t.getSubject();
            boolean note = g.contains(st, RDF.predicate.asNode(), TG.note);
            boolean isEditorial = g.contains(st, TG.basis, TG.Editorial);
            if (!note && !isEditorial) continue;
            if (note) notes++;
            if (isEditorial) editorial++;
            assertTrue(isEditorial, () -> "an editor's note rests on the editors: " + st);
            assertFalse(g.contains(st, TG.citation, Node.ANY), () -> "an editor's note or editorial fact cites a source: " + st);
            assertTrue(g.contains(st, attributedTo, TG.editors), () -> "not attributed to the editors: " + st);
        }
        assertTrue(notes > 300, "the dump's notes were all checked: " + notes);
        assertTrue(editorial > notes, "editorial facts besides the notes were checked: " + editorial);
    }

    @Test
    void everyCitationSaysWhereInItsSourceItSits() {
        Graph g = parse(first.resolve("treaty-graph.ttl"), Lang.TURTLE);
        Set<Node> places = Set.of(TG.RunningText, TG.FootnoteText, TG.LiteratureTitle);
        Map<Node, Integer> byPlace = new TreeMap<>(java.util.Comparator.comparing(Node::getURI));
        for (Triple t : g.find(Node.ANY, RDF.type.asNode(), TG.Citation).toList()) {
            List<Triple> place = g.find(t.getSubject(), TG.passagePlace, Node.ANY).toList();
            assertEquals(1, place.size(), () -> "one place for " + t.getSubject());
            assertTrue(places.contains(place.get(0).getObject()), place::toString);
            byPlace.merge(place.get(0).getObject(), 1, Integer::sum);
        }
        assertEquals(places, byPlace.keySet(), "all three places occur: " + byPlace);
    }

    private static Graph parse(Path p, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        try (var in = p.toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)) {
            RDFParser.source(in).lang(lang).parse(g);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return g;
    }

    private static Map<String, String> sums(Path dir) {
        Map<String, String> m = new TreeMap<>();
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) m.put(p.getFileName().toString(), Hashing.sha256(Files.readAllBytes(p)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return m;
    }
}

package org.treatygraph.publish;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.OWL2;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Hashing;
import org.treatygraph.core.Progress;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.TG;

/**
 * Writes the dumps of a built graph into a directory. Everything is written into a temporary sibling
 * directory first and moved into place at the end, so a failed build never leaves half-written files.
 * The output is deterministic: the same graph gives byte-identical files.
 */
public final class DumpWriter {
    private final Progress progress;
    private final Path wikidataCache;

    /** @param wikidataCache the link command's cache of Wikidata answers (may be absent), for the QuickStatements export */
    public DumpWriter(Progress progress, Path wikidataCache) {
        this.progress = progress;
        this.wikidataCache = wikidataCache;
    }

    /** Writes every dump, void.ttl and SHA256SUMS into {@code outDir}, replacing what was there. */
    public Map<Dump, Path> write(TreatyGraph graph, Path outDir) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            Map<Dump, Path> files = writeAll(graph, tmp, null, dir -> Map.of());
            replace(tmp, target);
            Map<Dump, Path> moved = new LinkedHashMap<>();
            files.forEach((d, p) -> moved.put(d, target.resolve(p.getFileName())));
            return moved;
        } finally {
            deleteTree(tmp);
        }
    }

    /** What a release writes beside the dumps, before VoID and the checksums describe them all (its changes). */
    interface Extras {
        Map<Dump, Path> write(Path dir) throws IOException;
    }

    /**
     * Writes every file into {@code dir} (empty, and moved into place by the caller): the dumps, then the
     * extras, then VoID and SHA256SUMS over all of them. For a release, the ontology graph carries its version.
     */
    Map<Dump, Path> writeAll(TreatyGraph graph, Path dir, Release release, Extras extras) throws IOException {
        Map<Dump, Path> files = new LinkedHashMap<>();
        Graph facts = graph.factsAndProvenance();

        progress.step("writing " + Dump.TURTLE.fileName() + " (" + facts.size() + " triples)");
        files.put(Dump.TURTLE, writeRdf(dir, Dump.TURTLE, facts, RDFFormat.TURTLE_PRETTY));

        progress.step("writing " + Dump.NTRIPLES_GZ.fileName());
        files.put(Dump.NTRIPLES_GZ, writeSortedNTriples(dir.resolve(Dump.NTRIPLES_GZ.fileName()), facts, true));

        progress.step("writing " + Dump.JSONLD.fileName() + " and " + Dump.CONTEXT.fileName());
        JsonLdWriter jsonld = new JsonLdWriter(graph.prefixes());
        files.put(Dump.CONTEXT, jsonld.writeContext(dir.resolve(Dump.CONTEXT.fileName())));
        files.put(Dump.JSONLD, jsonld.write(dir.resolve(Dump.JSONLD.fileName()), facts));

        progress.step("writing " + Dump.TRIG.fileName());
        Path trig = dir.resolve(Dump.TRIG.fileName());
        try (OutputStream out = Files.newOutputStream(trig)) {
            RDFDataMgr.write(out, release == null ? graph.namedGraphs() : stamped(graph, release), RDFFormat.TRIG_PRETTY);
        }
        files.put(Dump.TRIG, trig);
        if (release != null) {   // the ontology as released, what its owl:versionIRI names
            Graph ontology = stamped(graph, release).getGraph(IriScheme.ONTOLOGY_GRAPH);
            ontology.getPrefixMapping().setNsPrefixes(graph.prefixes());
            files.put(Dump.ONTOLOGY, writeRdf(dir, Dump.ONTOLOGY, ontology, RDFFormat.TURTLE_PRETTY));
        }

        progress.step("writing " + Dump.INFERRED_NT_GZ.fileName() + " (" + graph.inferred().size() + " triples)");
        files.put(Dump.INFERRED_NT_GZ, writeSortedNTriples(dir.resolve(Dump.INFERRED_NT_GZ.fileName()), graph.inferred(), true));

        progress.step("writing " + Dump.WIKIDATA_LINKS.fileName() + ", " + Dump.WIKIDATA_SAMEAS.fileName() + " and " + Dump.QUICKSTATEMENTS.fileName());
        Graph links = GraphFactory.createDefaultGraph(), sameAs = GraphFactory.createDefaultGraph();
        for (Triple t : graph.wikidataLinks()) {
            links.add(t);
            sameAs.add(Triple.create(t.getSubject(), OWL.sameAs.asNode(), t.getObject()));
        }
        graph.asserted().find(Node.ANY, TG.wikidataId, Node.ANY).forEach(links::add);
        files.put(Dump.WIKIDATA_LINKS, writeSortedNTriples(dir.resolve(Dump.WIKIDATA_LINKS.fileName()), links, false));
        files.put(Dump.WIKIDATA_SAMEAS, writeSortedNTriples(dir.resolve(Dump.WIKIDATA_SAMEAS.fileName()), sameAs, false));
        Path qs = dir.resolve(Dump.QUICKSTATEMENTS.fileName());
        // The properties file sits beside the cache (data/wikidata/); "retrieved" is the release's day, so a
        // release made again gives the same bytes, else the day of the build.
        WikidataProperties properties = wikidataCache == null ? WikidataProperties.none()
                : WikidataProperties.load(wikidataCache.resolveSibling(WikidataProperties.FILE_NAME));
        List<String> statements = new QuickStatements(graph.queryDataset(), properties, IriScheme.BASE,
                release != null ? release.issued() : java.time.LocalDate.now(java.time.ZoneOffset.UTC), QuickStatements.knownClaims(wikidataCache)).lines();
        Files.writeString(qs, statements.stream().map(l -> l + "\n").collect(java.util.stream.Collectors.joining()), StandardCharsets.UTF_8);
        files.put(Dump.QUICKSTATEMENTS, qs);

        progress.step("writing " + Dump.TERRITORIES_GEOJSON.fileName() + ", " + Dump.TERRITORIES_LPF.fileName() + " and the CSV exports");
        files.putAll(Exports.write(graph.queryDataset(), dir));

        files.putAll(extras.write(dir));
        progress.step("writing " + Dump.VOID.fileName() + " and " + Dump.SUMS);
        files.put(Dump.VOID, new VoidWriter(graph, release).write(dir.resolve(Dump.VOID.fileName()), files));
        writeChecksums(dir, files);
        return files;
    }

    /** The named graphs with the ontology's owl:versionIRI and owl:versionInfo those of the release. */
    static DatasetGraph stamped(TreatyGraph graph, Release release) {
        DatasetGraph dsg = graph.namedGraphs();
        Graph ontology = GraphFactory.createDefaultGraph();
        graph.ontology().find().forEach(ontology::add);
        Node onto = NodeFactory.createURI(IriScheme.ONTOLOGY);
        ontology.remove(onto, OWL2.versionIRI.asNode(), Node.ANY);
        ontology.remove(onto, OWL2.versionInfo.asNode(), Node.ANY);
        ontology.add(onto, OWL2.versionIRI.asNode(), NodeFactory.createURI(release.ontologyVersionIri()));
        ontology.add(onto, OWL2.versionInfo.asNode(), NodeFactory.createLiteralString(release.label()));
        if (release.previous() != null)
            ontology.add(onto, OWL2.priorVersion.asNode(), NodeFactory.createURI(IriScheme.ONTOLOGY + "/" + release.previous()));
        dsg.removeGraph(IriScheme.ONTOLOGY_GRAPH);
        dsg.addGraph(IriScheme.ONTOLOGY_GRAPH, ontology);
        return dsg;
    }

    private static Path writeRdf(Path dir, Dump dump, Graph g, RDFFormat format) throws IOException {
        Path p = dir.resolve(dump.fileName());
        try (OutputStream out = Files.newOutputStream(p)) {
            RDFDataMgr.write(out, g, format);
        }
        return p;
    }

    /** N-Triples sorted line by line: a stable order that diff and sort-based tools can rely on. */
    private static Path writeSortedNTriples(Path p, Graph g, boolean gzip) throws IOException {
        List<String> lines = new ArrayList<>(g.size());
        g.find().forEach(t -> lines.add(NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " "
                + NodeFmtLib.strNT(t.getObject()) + " ."));
        lines.sort(Comparator.naturalOrder());
        // GZIPOutputStream writes no file name and a zero timestamp, so the bytes depend on the content alone.
        OutputStream file = Files.newOutputStream(p);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(gzip ? new GZIPOutputStream(file) : file, StandardCharsets.UTF_8))) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        }
        return p;
    }

    static void writeChecksums(Path dir, Map<Dump, Path> files) throws IOException {
        StringBuilder sb = new StringBuilder();
        files.values().stream().sorted().forEach(p -> {
            try {
                sb.append(Hashing.sha256(Files.readAllBytes(p))).append("  ").append(p.getFileName()).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Files.writeString(dir.resolve(Dump.SUMS), sb.toString(), StandardCharsets.UTF_8);
    }

    /** Moves the finished directory into place; the previous output is removed only once the new one is there. */
    private static void replace(Path finished, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            move(target, old);
        }
        move(finished, target);
        if (old != null) deleteTree(old);
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }
}

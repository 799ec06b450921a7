package org.treatygraph.serve;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;

/**
 * An entity's description as a document a person can read from the top: the entity first, then its own
 * nodes (dates, participations, provisions, changes), then the statements with their evidence, then the
 * rest (citations, sources, the labels of what it links to, the links to it). Jena's pretty Turtle writer
 * orders subjects by its own hash (measured: the Treaty of Kars began at line 1,335 of its Turtle), so the
 * Turtle and N-Triples views are written with Jena's streaming writers, which keep the order they are
 * given; the other syntaxes, read by programs, keep Jena's own writers.
 */
final class DescriptionWriter {
    private DescriptionWriter() {}

    static byte[] write(Graph description, Node entity, Formats format) {
        RDFFormat streaming = format == Formats.TURTLE ? RDFFormat.TURTLE_BLOCKS : format == Formats.NTRIPLES ? RDFFormat.NTRIPLES : null;
        if (streaming == null) return RDFWriter.source(description).format(format.format).asString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamRDF w = StreamRDFWriter.getWriterStream(out, streaming);
        w.start();
        Prefixes.MAPPING.getNsPrefixMap().forEach(w::prefix);
        for (Node s : subjectsInOrder(description, entity)) {
            List<Triple> block = new ArrayList<>(description.find(s, Node.ANY, Node.ANY).toList());
            block.sort(Comparator.comparingInt((Triple t) -> rank(t.getPredicate())).thenComparing(t -> t.getPredicate().toString())
                    .thenComparing(t -> t.getObject().toString()));
            block.forEach(w::triple);
        }
        w.finish();
        return out.toByteArray();
    }

    /** The entity, its nodes, the statements, then every other subject; each group in IRI order. */
    static List<Node> subjectsInOrder(Graph description, Node entity) {
        TreeSet<String> nodes = new TreeSet<>(), statements = new TreeSet<>(), rest = new TreeSet<>();
        List<Node> blank = new ArrayList<>();
        for (Node s : description.find().mapWith(Triple::getSubject).toSet()) {
            if (s.equals(entity)) continue;
            if (!s.isURI()) blank.add(s);
            else if (entity.equals(IriScheme.owner(s))) nodes.add(s.getURI());
            else if (IriScheme.id(s) != null && IriScheme.id(s).startsWith("statement/")) statements.add(s.getURI());
            else rest.add(s.getURI());
        }
        List<Node> order = new ArrayList<>();
        order.add(entity);
        for (TreeSet<String> group : List.of(nodes, statements, rest)) group.forEach(u -> order.add(org.apache.jena.graph.NodeFactory.createURI(u)));
        order.addAll(blank);
        return order;
    }

    /** rdf:type and rdfs:label lead a subject's block, as a reader expects. */
    private static int rank(Node p) {
        return p.equals(RDF.type.asNode()) ? 0 : p.equals(RDFS.label.asNode()) ? 1 : 2;
    }
}

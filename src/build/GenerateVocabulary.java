import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Writes {@code org.treatygraph.ontology.TG}, the vocabulary class, from ontology/treaty-graph.ttl at build
 * time (Maven's generate-sources phase runs this file with the project's classpath), so that a term missing
 * from the ontology is a compile error. It also carries the ontology's prefix declarations, the one prefix
 * mapping of the project ({@code ontology.Prefixes}).
 *
 * Why not Jena's schemagen: measured on this ontology with Jena 5.6.0, schemagen --owl lists 221 of the 228
 * declared terms (it skips owl:AnnotationProperty) and, with --inference, 227: an annotation property that
 * the ontology declares but never uses as a predicate (tg:note) is still missing. Its classes also hold
 * Model-API constants in a private model, where the code works on Nodes.
 *
 * Usage: java -cp CLASSPATH GenerateVocabulary.java ONTOLOGY.ttl OUTPUT-SOURCE-ROOT
 */
public class GenerateVocabulary {
    static final String NS = "https://w3id.org/treaty-graph/ontology#";

    public static void main(String[] args) throws IOException {
        Graph ontology = RDFDataMgr.loadGraph(args[0]);
        Set<String> terms = new TreeSet<>();
        for (Triple t : ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList()) {
            Node s = t.getSubject();
            if (s.isURI() && s.getURI().startsWith(NS)) terms.add(s.getURI().substring(NS.length()));
        }
        StringBuilder src = new StringBuilder();
        src.append("package org.treatygraph.ontology;\n\n")
            .append("import java.util.Map;\n\n")
            .append("import org.apache.jena.graph.Node;\n")
            .append("import org.apache.jena.graph.NodeFactory;\n\n")
            .append("/**\n * The terms of the treaty-graph ontology, generated from ").append(Path.of(args[0]).getFileName())
            .append(" by src/build/GenerateVocabulary.java.\n * Do not edit: change the ontology.\n */\n")
            .append("public final class TG {\n    private TG() {}\n\n")
            .append("    /** The ontology's namespace. */\n")
            .append("    public static final String NS = \"").append(NS).append("\";\n\n");
        Map<String, String> prefixes = new TreeMap<>(ontology.getPrefixMapping().getNsPrefixMap());
        src.append("    /** The prefixes the ontology declares, by prefix: read through {@link Prefixes}. */\n")
            .append("    static final Map<String, String> DECLARED_PREFIXES = Map.ofEntries(\n");
        int i = 0;
        for (Map.Entry<String, String> p : prefixes.entrySet()) {
            src.append("        Map.entry(\"").append(p.getKey()).append("\", \"").append(p.getValue()).append("\")")
                .append(++i < prefixes.size() ? ",\n" : ");\n\n");
        }
        for (String term : terms) {
            if (!SourceVersion.isName(term))
                throw new IllegalArgumentException(args[0] + ": tg:" + term + " is not a Java identifier; rename the term");
            Node n = NodeFactory.createURI(NS + term);
            String label = text(ontology, n, RDFS.label.asNode());
            String definition = text(ontology, n, SKOS.definition.asNode());
            src.append("    /** ").append(javadoc(label == null ? "tg:" + term : label));
            if (definition != null) src.append(": ").append(javadoc(definition));
            src.append(" */\n    public static final Node ").append(term)
                .append(" = NodeFactory.createURI(NS + \"").append(term).append("\");\n\n");
        }
        src.setLength(src.length() - 1);
        src.append("}\n");
        Path out = Path.of(args[1], "org", "treatygraph", "ontology", "TG.java");
        Files.createDirectories(out.getParent());
        byte[] bytes = src.toString().getBytes(StandardCharsets.UTF_8);
        // Unchanged output keeps its timestamp, so the compiler does not see a change that is not one.
        if (!Files.exists(out) || !Arrays.equals(Files.readAllBytes(out), bytes)) Files.write(out, bytes);
        System.out.println("GenerateVocabulary: " + terms.size() + " terms, " + prefixes.size() + " prefixes -> " + out);
    }

    private static String text(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).toList().stream().map(Triple::getObject).filter(Node::isLiteral)
                .filter(o -> o.getLiteralLanguage().isEmpty() || o.getLiteralLanguage().equals("en"))
                .map(Node::getLiteralLexicalForm).findFirst().orElse(null);
    }

    private static String javadoc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("*/", "*&#47;").replace("\\", "&#92;").replaceAll("\\s+", " ").trim();
    }
}

package org.treatygraph.reason;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.treatygraph.TestProjects;

/** Small ontologies and data written inline in the tests, and the project's own rule profile to run over them. */
final class Turtle {
    static final String PREFIXES = """
            @prefix : <http://example.org/> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix tg: <https://w3id.org/treaty-graph/ontology#> .
            """;

    private Turtle() {}

    static Graph parse(String body) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(PREFIXES + body, Lang.TURTLE).parse(g);
        return g;
    }

    static Node ex(String local) {
        return NodeFactory.createURI("http://example.org/" + local);
    }

    static Triple triple(String s, Node p, String o) {
        return Triple.create(ex(s), p, ex(o));
    }

    static Materialiser profile() {
        Path rules = TestProjects.repo().rulesFile();
        try {
            return Materialiser.load(rules, "ontology/owl2rl.rules");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Closure closure(String ontology, String data) {
        return profile().run(parse(ontology), parse(data), true, s -> {});
    }

    static List<Triple> facts(List<Explanation> es) {
        return es.stream().map(Explanation::fact).toList();
    }
}

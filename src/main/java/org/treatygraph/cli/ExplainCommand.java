package org.treatygraph.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.apache.jena.vocabulary.RDF;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Location;
import org.treatygraph.core.Progress;
import org.treatygraph.reason.Explanation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Builds the graph and shows why a triple holds: the rule, the ontology axioms and the asserted facts "
                + "(with the record file:line) it rests on, recursively.",
        footer = {"", "Terms: <full IRI>, a prefixed name (tg:signingParty, id:agreement/treaty-of-kars-1921), `a` for rdf:type, "
                + "or a literal in Turtle form (\"1921\"^^xsd:gYear).",
                "Example: explain id:agreement/treaty-of-kars-1921 tg:signingParty id:polity/grand-national-assembly"})
final class ExplainCommand implements Callable<Integer> {
    @Mixin ProjectOption project;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBJECT") String subject;
    @Parameters(index = "1", paramLabel = "PREDICATE") String predicate;
    @Parameters(index = "2", paramLabel = "OBJECT") String object;

    @Option(names = {"-v", "--verbose"}, description = "Print build progress.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TreatyGraph graph = new GraphBuilder(project.project(), verbose ? new Progress(err) : Progress.SILENT).build();
        PrefixMapping pm = graph.displayPrefixes();
        Triple t;
        try {
            t = Triple.create(term(subject, pm, "subject"), "a".equals(predicate) ? RDF.type.asNode() : term(predicate, pm, "predicate"),
                    term(object, pm, "object"));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        Optional<Explanation> why = graph.closure().explain(t);
        if (why.isEmpty()) {
            err.println("does not hold: " + Explanation.show(t, pm) + " is neither asserted nor inferred.");
            return 1;
        }
        out.print(why.get().render(pm, graph.ontology(), f -> {
            Location l = graph.locationOfFact(f);
            return l == null ? null : l.toString();
        }));
        out.flush();
        return 0;
    }

    /** A term as written on the command line; prefixed names may hold slashes (id:agreement/…). */
    static Node term(String text, PrefixMapping pm, String role) {
        String s = text.strip();
        if (s.startsWith("<") && s.endsWith(">")) return NodeFactory.createURI(s.substring(1, s.length() - 1));
        if (s.matches("(?i)https?://\\S+")) return NodeFactory.createURI(s);
        int colon = s.indexOf(':');
        if (!s.startsWith("\"") && !s.startsWith("'") && colon > 0) {
            String ns = pm.getNsPrefixURI(s.substring(0, colon));
            if (ns != null) return NodeFactory.createURI(ns + s.substring(colon + 1));
            throw new IllegalArgumentException(role + " " + s + ": unknown prefix " + s.substring(0, colon) + ":; known: "
                    + String.join(", ", new java.util.TreeSet<>(pm.getNsPrefixMap().keySet())));
        }
        try {
            PrefixMap prefixes = PrefixMapFactory.create(pm);
            return NodeFactoryExtra.parseNode(s, prefixes);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(role + " " + s + ": not an IRI, prefixed name or literal (" + e.getMessage() + ")");
        }
    }
}

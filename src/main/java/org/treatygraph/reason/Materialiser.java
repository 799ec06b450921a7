package org.treatygraph.reason;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.reasoner.InfGraph;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import java.util.function.Supplier;
import java.util.HashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;

/**
 * Computes the closure of data under an ontology with a rule profile, on Jena's forward (RETE) rule engine,
 * in two stages: the ontology, with any schema triples found in the data, is closed with the full rule set;
 * then the rules are specialised against that closed schema ({@link Specialiser}) and only the specialised
 * rules run over the data.
 */
public final class Materialiser {
    private final List<Rule> rules;

    public Materialiser(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The copy of ontology/owl2rl.rules the build puts in the jar. */
    public static Materialiser bundled() throws IOException {
        try (var in = Materialiser.class.getResourceAsStream("owl2rl.rules")) {
            if (in == null) throw new IOException("owl2rl.rules is not in the jar; pass --rules");
            return new Materialiser(RuleFile.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "owl2rl.rules (in the jar)"));
        }
    }

    /** The profile in a rule file (ontology/owl2rl.rules for the treaty graph). */
    public static Materialiser load(Path rulesFile, String display) throws IOException {
        return new Materialiser(RuleFile.load(rulesFile, display));
    }

    /** Which engine computes the closure of the data (the schema is always closed by Jena's). */
    public enum Engine {
        /** Integer-encoded triples, rules compiled to indexed joins, semi-naive ({@link SemiNaive}). */
        INDEXED,
        /** Jena's forward RETE engine: the reference; also what logs derivations for explanations. */
        RETE
    }

    /** With {@link Engine#INDEXED}, the default. */
    public Materialiser withEngine(Engine engine) {
        Materialiser m = new Materialiser(rules);
        m.engine = engine;
        return m;
    }

    private Engine engine = Engine.INDEXED;

    /**
     * Materialises the closure. With {@code explainable}, {@link Closure#explain} can answer: the RETE engine
     * logs every derivation (memory in proportion to the inferences); with the indexed engine that RETE run
     * happens on the first explanation asked for (or at once if there are inconsistencies to explain).
     */
    public Closure run(Graph ontology, Graph data, boolean explainable, Consumer<String> progress) {
        if (engine == Engine.RETE) return runRete(ontology, data, explainable, progress);
        EncodedClosure encoded = runEncoded(ontology, sink -> data.find().forEachRemaining(sink::triple), progress);
        Graph inferred = GraphFactory.createDefaultGraph();
        encoded.forEachInferred(inferred::add);
        Supplier<Derivations> derivations = explainable ? memo(() -> runRete(ontology, data, true, s -> {}).derivations()) : null;
        Closure closure = new Closure(inferred, encoded.violations(), encoded.dataRules(), derivations);
        closure.warnings().addAll(encoded.warnings());
        return closure;
    }

    /**
     * The indexed engine on data read by {@code readData} into the sink it is given: nothing of the data is
     * kept but its encoded triples. The schema (the ontology and the data's schema triples) is closed with
     * Jena's engine as in {@link Engine#RETE}, the rules are specialised against it, and the specialised
     * rules run on {@link SemiNaive} over the data and the closed schema.
     */
    public EncodedClosure runEncoded(Graph ontology, Consumer<StreamRDF> readData, Consumer<String> progress) {
        TripleStore store = new TripleStore();
        Graph schema = GraphFactory.createDefaultGraph();
        ontology.find().forEach(schema::add);
        readData.accept(new StreamRDFBase() {
            // Whether a predicate (or, for rdf:type, a class) makes a triple schema: asked once per term.
            private final Map<Node, Boolean> schemaPredicate = new HashMap<>(), schemaClass = new HashMap<>();

            @Override public void triple(Triple t) {
                if (!store.add(t)) return;
                Node p = t.getPredicate();
                boolean schemaTriple = p.equals(RDF.type.asNode())
                        ? schemaClass.computeIfAbsent(t.getObject(), o -> Vocabulary.isSchema(p, o))
                        : schemaPredicate.computeIfAbsent(p, q -> Vocabulary.isSchema(q, Node.ANY));
                if (schemaTriple) schema.add(t);
            }

            @Override public void quad(Quad q) {
                if (q.isTriple() || q.isDefaultGraph()) triple(q.asTriple());   // as StreamRDFLib.graph reads them
            }
        });
        for (TripleStore.Relation r : store.relations()) r.dataEnd = r.size;
        progress.accept(String.format("encoded %,d data triples (%,d terms)", store.size(), store.dictionary.size()));

        ClosedSchema closed = closeSchema(schema, false, progress);
        InfGraph schemaInf = closed.inf();
        Graph closedSchema = closed.graph();
        List<String> warnings = closed.warnings();
        List<Rule> dataRules = closed.dataRules();

        List<Triple> schemaInferred = new ArrayList<>();
        schemaInf.getDeductionsGraph().find().forEachRemaining(t -> {
            if (!Vocabulary.isViolation(t) && Vocabulary.isPublishable(t) && !store.contains(t) && !ontology.contains(t)) schemaInferred.add(t);
        });
        closedSchema.find().forEachRemaining(store::add);
        for (TripleStore.Relation r : store.relations()) r.derivedFrom = r.size;

        progress.accept(String.format("materialising over %,d triples (data and closed schema), indexed engine", store.size()));
        SemiNaive engine = new SemiNaive(store, dataRules);
        engine.run(progress);
        // Violations of both stages: the schema's are in the store with the closed schema.
        return new EncodedClosure(ontology, store, schemaInferred, EncodedClosure.violations(store), warnings, dataRules.size());
    }

    private static <T> Supplier<T> memo(Supplier<T> s) {
        return new Supplier<>() {
            private T value;
            @Override public synchronized T get() {
                if (value == null) value = s.get();
                return value;
            }
        };
    }

    private Closure runRete(Graph ontology, Graph data, boolean explainable, Consumer<String> progress) {
        Graph schema = GraphFactory.createDefaultGraph();
        ontology.find().forEach(schema::add);
        data.find().forEachRemaining(t -> { if (Vocabulary.isSchema(t)) schema.add(t); });
        ClosedSchema closed = closeSchema(schema, explainable, progress);
        InfGraph schemaInf = closed.inf();
        Graph closedSchema = closed.graph();
        List<String> warnings = closed.warnings();
        List<Rule> dataRules = closed.dataRules();

        progress.accept("materialising over " + data.size() + " data triples");
        InfGraph dataInf = engine(dataRules, explainable).bind(new Union(data, closedSchema));
        dataInf.prepare();

        Graph inferred = GraphFactory.createDefaultGraph();
        List<Triple> violations = new ArrayList<>();
        for (Graph deductions : List.of(schemaInf.getDeductionsGraph(), dataInf.getDeductionsGraph())) {
            deductions.find().forEachRemaining(t -> {
                if (Vocabulary.isViolation(t)) violations.add(t);
                else if (Vocabulary.isPublishable(t) && !data.contains(t) && !ontology.contains(t)) inferred.add(t);
            });
        }
        Derivations derivations = explainable ? new Derivations(ontology, data, schemaInf, dataInf, closed.specialiser().origins()) : null;
        Closure closure = new Closure(inferred, violations, dataRules.size(), derivations == null ? null : () -> derivations);
        closure.warnings().addAll(warnings);
        return closure;
    }

    /**
     * The same rules run directly over ontology and data in one stage, without specialisation: the
     * "straightforward forward run" the benchmark compares against. Not used by the build.
     */
    public Closure runUnspecialised(Graph ontology, Graph data, Consumer<String> progress) {
        progress.accept("materialising over " + data.size() + " data triples with " + rules.size() + " general rules, unspecialised");
        InfGraph inf = engine(rules, false).bind(new Union(data, ontology));
        inf.prepare();
        Graph inferred = GraphFactory.createDefaultGraph();
        List<Triple> violations = new ArrayList<>();
        inf.getDeductionsGraph().find().forEachRemaining(t -> {
            if (Vocabulary.isViolation(t)) violations.add(t);
            else if (Vocabulary.isPublishable(t) && !data.contains(t) && !ontology.contains(t)) inferred.add(t);
        });
        return new Closure(inferred, violations, rules.size(), null);
    }

    /** The schema closed by the general rules on Jena's engine, and the rules specialised against it: the first stage of both engines. */
    private record ClosedSchema(InfGraph inf, Graph graph, List<String> warnings, Specialiser specialiser, List<Rule> dataRules) {}

    private ClosedSchema closeSchema(Graph schema, boolean explainable, Consumer<String> progress) {
        progress.accept("closing the schema: " + schema.size() + " triples, " + rules.size() + " rules");
        InfGraph inf = engine(rules, explainable).bind(schema);
        inf.prepare();
        Graph closed = GraphFactory.createDefaultGraph();
        inf.find().forEach(closed::add);
        List<String> warnings = ListLimits.check(rules, closed);
        Specialiser specialiser = new Specialiser(closed);
        List<Rule> dataRules = specialiser.specialise(rules);
        progress.accept("closed schema: " + closed.size() + " triples; " + dataRules.size() + " rules specialised for the data");
        return new ClosedSchema(inf, closed, warnings, specialiser, dataRules);
    }

    private static GenericRuleReasoner engine(List<Rule> rules, boolean explainable) {
        GenericRuleReasoner r = new GenericRuleReasoner(rules);
        r.setMode(GenericRuleReasoner.FORWARD_RETE);
        r.setDerivationLogging(explainable);
        return r;
    }
}

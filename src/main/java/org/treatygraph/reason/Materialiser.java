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

    /**
     * Materialises the closure. With {@code explainable}, the rule engine logs every derivation so that
     * {@link Closure#explain} can answer; that costs memory in proportion to the inferences.
     */
    public Closure run(Graph ontology, Graph data, boolean explainable, Consumer<String> progress) {
        Graph schema = GraphFactory.createDefaultGraph();
        ontology.find().forEach(schema::add);
        data.find().forEachRemaining(t -> { if (Vocabulary.isSchema(t)) schema.add(t); });
        progress.accept("closing the schema: " + schema.size() + " triples, " + rules.size() + " rules");
        InfGraph schemaInf = engine(rules, explainable).bind(schema);
        schemaInf.prepare();

        Graph closedSchema = GraphFactory.createDefaultGraph();
        schemaInf.find().forEach(closedSchema::add);
        List<String> warnings = ListLimits.check(rules, closedSchema);
        Specialiser specialiser = new Specialiser(closedSchema);
        List<Rule> dataRules = specialiser.specialise(rules);
        progress.accept("closed schema: " + closedSchema.size() + " triples; " + dataRules.size() + " rules specialised for the data");

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
        Closure closure = new Closure(inferred, violations, dataRules.size(), explainable ? new Derivations(ontology, data, schemaInf, dataInf, specialiser.origins()) : null);
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

    private static GenericRuleReasoner engine(List<Rule> rules, boolean explainable) {
        GenericRuleReasoner r = new GenericRuleReasoner(rules);
        r.setMode(GenericRuleReasoner.FORWARD_RETE);
        r.setDerivationLogging(explainable);
        return r;
    }
}

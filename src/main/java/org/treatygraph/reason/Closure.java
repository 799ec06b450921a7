package org.treatygraph.reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.rulesys.Functor;

/** What a materialisation produced: the inferred triples, the inconsistencies found, and (if logged) why. */
public final class Closure {
    private final Graph inferred;
    private final List<Inconsistency> inconsistencies;
    private final List<String> warnings = new ArrayList<>();
    private final int dataRules;
    private final Supplier<Derivations> derivations;

    /**
     * With the indexed engine the derivations are logged by Jena's engine on first use (an explanation,
     * or an inconsistency to report): {@code derivations} is then a memoising supplier.
     */
    Closure(Graph inferred, List<Triple> violations, int dataRules, Supplier<Derivations> derivations) {
        this.inferred = inferred;
        this.dataRules = dataRules;
        this.derivations = derivations;
        this.inconsistencies = inconsistencies(violations, derivations);
    }

    /** The violations as inconsistencies, each clash once, sorted; explained when derivations are given. */
    static List<Inconsistency> inconsistencies(List<Triple> violations, Supplier<Derivations> derivations) {
        List<Inconsistency> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        // Of the two orientations of a symmetric clash, the one first in this order is reported, whichever engine found it first.
        List<Triple> sorted = violations.stream().sorted(java.util.Comparator.comparing(Triple::toString)).toList();
        for (Triple v : sorted) {
            Functor f = (Functor) v.getObject().getLiteralValue();
            Node[] args = f.getArgs();
            String rule = args.length > 0 ? args[0].getLiteralLexicalForm() : f.getName();
            String what = args.length > 1 ? args[1].getLiteralLexicalForm() : "";
            List<Node> involved = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
            // Symmetric rules (disjoint classes, disjoint properties) find the same clash twice, once each way round.
            if (!seen.add(rule + " " + v.getSubject() + " " + involved.stream().map(Node::toString).sorted().toList())) continue;
            out.add(new Inconsistency(rule, what, v.getSubject(), involved,
                    derivations == null ? null : derivations.get().explain(v).orElse(null)));
        }
        out.sort(java.util.Comparator.comparing(Inconsistency::toString));
        return out;
    }

    /** The inferred triples that are neither in the data nor in the ontology. */
    public Graph inferred() { return inferred; }

    public List<Inconsistency> inconsistencies() { return inconsistencies; }

    /** Axioms the profile cannot apply in full (see {@link ListLimits}). */
    public List<String> warnings() { return warnings; }

    /** How many rules ran over the data after specialisation. */
    public int dataRules() { return dataRules; }

    public boolean explainable() { return derivations != null; }

    Derivations derivations() { return derivations == null ? null : derivations.get(); }

    /** Why a triple holds: asserted, an axiom, or the rule and premises that derive it (recursively). */
    public Optional<Explanation> explain(Triple t) {
        if (derivations == null) throw new IllegalStateException("materialised without derivation logging");
        return derivations.get().explain(t);
    }
}

package org.treatygraph.reason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.Derivation;
import org.apache.jena.reasoner.InfGraph;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.reasoner.rulesys.RuleDerivation;

/** Turns the rule engine's derivation logs of both stages into explanations that end in asserted triples. */
final class Derivations {
    private final Graph ontology;
    private final Graph data;
    private final InfGraph schemaInf;
    private final InfGraph dataInf;
    private final Map<Rule, Specialiser.Origin> origins;
    private final Map<Triple, Explanation> done = new HashMap<>();

    Derivations(Graph ontology, Graph data, InfGraph schemaInf, InfGraph dataInf, Map<Rule, Specialiser.Origin> origins) {
        this.ontology = ontology;
        this.data = data;
        this.schemaInf = schemaInf;
        this.dataInf = dataInf;
        this.origins = origins;
    }

    Optional<Explanation> explain(Triple t) {
        return Optional.ofNullable(explain(t, new LinkedHashSet<>()));
    }

    /** Null when the triple does not hold, or holds only through a derivation that needs itself. */
    private Explanation explain(Triple t, Set<Triple> path) {
        Explanation known = done.get(t);
        if (known != null) return known;
        if (data.contains(t)) return remember(Explanation.asserted(t, Explanation.Source.DATA));
        if (ontology.contains(t)) return remember(Explanation.asserted(t, Explanation.Source.ONTOLOGY));
        InfGraph stage = dataInf.getDeductionsGraph().contains(t) ? dataInf
                : schemaInf.getDeductionsGraph().contains(t) ? schemaInf : null;
        if (stage == null || !path.add(t)) return null;
        try {
            for (Iterator<Derivation> it = stage.getDerivation(t); it.hasNext(); ) {
                if (!(it.next() instanceof RuleDerivation d)) continue;
                Explanation e = fromDerivation(t, d, path);
                if (e != null) return remember(e);
            }
            return null;
        } finally {
            path.remove(t);
        }
    }

    private Explanation fromDerivation(Triple t, RuleDerivation d, Set<Triple> path) {
        Specialiser.Origin origin = origins.get(d.getRule());
        List<Explanation> axioms = new ArrayList<>();
        List<Explanation> premises = new ArrayList<>();
        if (origin != null) {
            for (Triple a : origin.axioms()) {
                Explanation e = explain(a, path);
                if (e == null) return null;
                axioms.add(e);
            }
        }
        for (Triple m : d.getMatches()) {
            if (m == null) continue;           // a builtin's place in the body
            Explanation e = explain(m, path);
            if (e == null) return null;
            // In the schema stage every premise is an axiom; in the data stage only those the rule was specialised on.
            (d.getRule() != null && origin == null && Vocabulary.isSchema(m) ? axioms : premises).add(e);
        }
        String rule = origin != null ? origin.general().getName() : d.getRule().getName();
        return Explanation.inferred(t, rule, axioms, premises);
    }

    private Explanation remember(Explanation e) {
        done.put(e.fact(), e);
        return e;
    }
}

package org.treatygraph.reason;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.rulesys.Functor;
import org.apache.jena.riot.system.StreamRDF;

/**
 * A closure computed by the indexed engine and kept in its {@link TripleStore}: `infer` counts and writes
 * it from there, never building Jena graphs of the data or the inferences.
 */
public final class EncodedClosure {
    private final Graph ontology;
    private final TripleStore store;
    private final List<Triple> schemaInferred;
    private final List<Triple> violations;
    private final List<Inconsistency> inconsistencies;
    private final List<String> warnings;
    private final int dataRules;

    EncodedClosure(Graph ontology, TripleStore store, List<Triple> schemaInferred, List<Triple> violations, List<String> warnings, int dataRules) {
        this.ontology = ontology;
        this.store = store;
        this.schemaInferred = schemaInferred;
        this.violations = violations;
        this.inconsistencies = Closure.inconsistencies(violations, null);
        this.warnings = warnings;
        this.dataRules = dataRules;
    }

    /** The distinct data triples read. */
    public long dataTriples() {
        long n = 0;
        for (TripleStore.Relation r : store.relations()) n += r.dataEnd;
        return n;
    }

    /** The inferred triples that are neither in the data nor in the ontology (as {@link Closure#inferred}). */
    void forEachInferred(Consumer<Triple> action) {
        schemaInferred.forEach(action);
        forEachDerived(action);
    }

    /** The ontology, the data and the inferred triples: the closure as the build and `infer` publish it. Answers the inferred count. */
    public long write(StreamRDF out) {
        ontology.find().forEachRemaining(out::triple);
        for (TripleStore.Relation r : store.relations()) {
            for (int row = 0; row < r.dataEnd; row++) out.triple(store.triple(r, row));
        }
        long[] n = {0};
        forEachInferred(t -> {
            out.triple(t);
            n[0]++;
        });
        return n[0];
    }

    public List<Inconsistency> inconsistencies() { return inconsistencies; }

    public List<String> warnings() { return warnings; }

    List<Triple> violations() { return violations; }

    public int dataRules() { return dataRules; }

    private void forEachDerived(Consumer<Triple> action) {
        for (TripleStore.Relation r : store.relations()) {
            for (int row = r.derivedFrom; row < r.size; row++) {
                Triple t = store.triple(r, row);
                if (Vocabulary.isPublishable(t)) action.accept(t);
            }
        }
    }

    static List<Triple> violations(TripleStore store) {
        List<Triple> out = new ArrayList<>();
        int v = store.dictionary.find(Vocabulary.VIOLATION);
        TripleStore.Relation r = v < 0 ? null : store.relation(v);
        if (r == null) return out;
        for (int row = 0; row < r.size; row++) {
            Triple t = store.triple(r, row);
            if (Vocabulary.isViolation(t)) out.add(t);
        }
        return out;
    }
}

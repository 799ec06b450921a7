package org.treatygraph.serve.view;

import java.util.List;

/**
 * Why a fact holds (/explain), as a tree of steps: an inferred fact names its rule in words and rests on
 * ontology axioms and other facts; an asserted fact is a leaf with the passages that state it and the
 * record that wrote it.
 */
public record Derivation(Fact fact, boolean holds, Step root) {
    /**
     * One step. {@code kind}: "inferred", "asserted" or "axiom". {@code rule} and {@code ruleWords} for an
     * inferred fact; {@code where} (record file:line), {@code basis} and {@code quotes} for an asserted one.
     */
    public record Step(String kind, Fact fact, String rule, String ruleWords, String where, String basis,
            List<Quote> quotes, List<Step> steps) {}
}

package org.treatygraph.reason;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;

/**
 * A contradiction the rules found: the rule (an OWL 2 RL name such as cax-dw, or the project's own), what
 * is wrong, the entity, the other nodes involved, and the derivation when it was logged.
 */
public record Inconsistency(String rule, String message, Node subject, List<Node> involved, Explanation derivation) {
    public String summary(PrefixMapping pm) {
        return rule + ": " + message + ": " + Explanation.show(subject, pm)
                + (involved.isEmpty() ? "" : " (" + involved.stream().map(n -> Explanation.show(n, pm)).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return summary(PrefixMapping.Standard);
    }
}

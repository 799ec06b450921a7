package org.treatygraph.reason;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;

/**
 * Jena rules match RDF lists cell by cell, so the profile has one rule per list length for the rules
 * that need every member (cls-int1-2…4, prp-spo2-2…3). This finds intersections and property chains in
 * the ontology longer than any such rule covers, so that a user is told instead of silently missing
 * inferences.
 */
final class ListLimits {
    private ListLimits() {}

    static List<String> check(List<Rule> rules, Graph schema) {
        List<String> warnings = new ArrayList<>();
        check(rules, schema, OWL.intersectionOf.asNode(), "cls-int1-", "intersection", warnings);
        check(rules, schema, OWL.propertyChainAxiom.asNode(), "prp-spo2-", "property chain", warnings);
        return warnings;
    }

    private static void check(List<Rule> rules, Graph schema, Node listProperty, String rulePrefix, String what, List<String> warnings) {
        Pattern p = Pattern.compile(Pattern.quote(rulePrefix) + "(\\d+)");
        int longest = 0;
        for (Rule r : rules) {
            Matcher m = p.matcher(r.getName());
            if (m.matches()) longest = Math.max(longest, Integer.parseInt(m.group(1)));
        }
        for (Triple t : schema.find(Node.ANY, listProperty, Node.ANY).toList()) {
            int n = length(schema, t.getObject());
            if (n > longest) {
                warnings.add("warning: the " + what + " of " + t.getSubject() + " has " + n + " members; the rules cover at most " + longest
                        + " (add a rule " + rulePrefix + n + " to the rule file)");
            }
        }
    }

    private static int length(Graph g, Node list) {
        int n = 0;
        Node cell = list;
        while (!cell.equals(RDF.nil.asNode()) && n < 10_000) {
            List<Triple> rest = g.find(cell, RDF.rest.asNode(), Node.ANY).toList();
            if (rest.isEmpty()) break;
            n++;
            cell = rest.get(0).getObject();
        }
        return n;
    }
}

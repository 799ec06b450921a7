package org.treatygraph.reason;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.TriplePattern;
import org.apache.jena.reasoner.rulesys.BuiltinRegistry;
import org.apache.jena.reasoner.rulesys.ClauseEntry;
import org.apache.jena.reasoner.rulesys.Functor;
import org.apache.jena.reasoner.rulesys.Node_RuleVariable;
import org.apache.jena.reasoner.rulesys.Rule;

/**
 * Compiles general rules against a closed ontology. A rule whose body mixes schema atoms with data atoms
 * becomes one rule per match of its schema atoms, with the matched classes and properties as constants.
 * The rule engine then indexes every data atom by a constant predicate (and often a constant class), and
 * never joins data against schema at run time: measured on LUBM, this is what makes Jena's RETE engine
 * fast enough (docs/reasoning.md). Each specialised rule remembers the general rule and the axioms it
 * came from, for explanations.
 */
final class Specialiser {
    /** Where a specialised rule came from: the general rule and the ontology triples its schema atoms matched. */
    record Origin(Rule general, List<Triple> axioms) {}

    private final Graph schema;
    private final Map<Rule, Origin> origins = new IdentityHashMap<>();

    Specialiser(Graph closedSchema) {
        this.schema = closedSchema;
    }

    /** The origin of a rule this specialiser made, or null for a rule passed through unchanged. */
    Map<Rule, Origin> origins() {
        return origins;
    }

    /** The rules to run over the data: specialised mixed rules, and the pure data rules as they are. */
    List<Rule> specialise(List<Rule> rules) {
        Map<String, Rule> out = new LinkedHashMap<>();
        for (Rule r : rules) {
            List<TriplePattern> schemaAtoms = new ArrayList<>();
            List<ClauseEntry> rest = new ArrayList<>();
            for (ClauseEntry c : r.getBody()) {
                if (c instanceof TriplePattern tp && Vocabulary.isSchema(tp)) schemaAtoms.add(tp);
                else rest.add(c);
            }
            boolean hasDataAtom = rest.stream().anyMatch(c -> c instanceof TriplePattern);
            if (!hasDataAtom) continue;                     // a schema rule: already applied to the ontology
            if (schemaAtoms.isEmpty()) {
                out.putIfAbsent(r.toString(), r);
                continue;
            }
            Node[] env = new Node[r.getNumVars()];
            match(schemaAtoms, 0, env, new ArrayList<>(), r, rest, out);
        }
        return new ArrayList<>(out.values());
    }

    private void match(List<TriplePattern> atoms, int i, Node[] env, List<Triple> matched, Rule r, List<ClauseEntry> rest, Map<String, Rule> out) {
        if (i == atoms.size()) {
            emit(r, rest, env, matched, out);
            return;
        }
        TriplePattern tp = atoms.get(i);
        Node s = ground(tp.getSubject(), env), p = ground(tp.getPredicate(), env), o = ground(tp.getObject(), env);
        for (Triple t : schema.find(s, p, o).toList()) {
            Node[] next = env.clone();
            if (!bind(tp.getSubject(), t.getSubject(), next) || !bind(tp.getPredicate(), t.getPredicate(), next)
                    || !bind(tp.getObject(), t.getObject(), next)) continue;
            matched.add(t);
            match(atoms, i + 1, next, matched, r, rest, out);
            matched.remove(matched.size() - 1);
        }
    }

    private void emit(Rule r, List<ClauseEntry> rest, Node[] env, List<Triple> matched, Map<String, Rule> out) {
        List<ClauseEntry> body = new ArrayList<>();
        for (ClauseEntry c : rest) {
            if (c instanceof Functor f) {
                Functor g = substitute(f, env);
                Boolean known = staticTest(g);
                if (known == null) body.add(g);
                else if (!known) return;                    // this match can never fire
            } else {
                body.add(substitute((TriplePattern) c, env));
            }
        }
        List<ClauseEntry> head = new ArrayList<>();
        for (ClauseEntry c : r.getHead()) head.add(c instanceof TriplePattern tp ? substitute(tp, env) : substitute((Functor) c, env));
        Rule s = new Rule(r.getName(), head, body);
        if (out.putIfAbsent(s.toString(), s) == null) origins.put(s, new Origin(r, List.copyOf(matched)));
    }

    /** notEqual and equal between constants are decided here, once, instead of at every match. */
    private static Boolean staticTest(Functor f) {
        Node[] a = f.getArgs();
        if (a.length != 2 || a[0].isVariable() || a[1].isVariable()) return null;
        if (f.getName().equals("notEqual")) return !a[0].sameValueAs(a[1]);
        if (f.getName().equals("equal")) return a[0].sameValueAs(a[1]);
        return null;
    }

    private static TriplePattern substitute(TriplePattern tp, Node[] env) {
        return new TriplePattern(value(tp.getSubject(), env), value(tp.getPredicate(), env), value(tp.getObject(), env));
    }

    private static Functor substitute(Functor f, Node[] env) {
        Node[] args = f.getArgs().clone();
        for (int i = 0; i < args.length; i++) args[i] = value(args[i], env);
        return new Functor(f.getName(), args, BuiltinRegistry.theRegistry);
    }

    private static Node value(Node n, Node[] env) {
        if (n instanceof Node_RuleVariable v && v.getIndex() >= 0 && env[v.getIndex()] != null) return env[v.getIndex()];
        if (Functor.isFunctor(n)) return Functor.makeFunctorNode(substitute((Functor) n.getLiteralValue(), env));
        return n;
    }

    private static Node ground(Node n, Node[] env) {
        if (n instanceof Node_RuleVariable v) return v.getIndex() >= 0 && env[v.getIndex()] != null ? env[v.getIndex()] : Node.ANY;
        return n;
    }

    private static boolean bind(Node pattern, Node value, Node[] env) {
        if (!(pattern instanceof Node_RuleVariable v)) return pattern.sameValueAs(value) || pattern.equals(value);
        if (v.getIndex() < 0) return true;
        Node bound = env[v.getIndex()];
        if (bound == null) {
            env[v.getIndex()] = value;
            return true;
        }
        return bound.equals(value);
    }
}

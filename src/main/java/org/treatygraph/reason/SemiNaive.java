package org.treatygraph.reason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.TriplePattern;
import org.apache.jena.reasoner.rulesys.BindingEnvironment;
import org.apache.jena.reasoner.rulesys.impl.BindingVector;
import org.apache.jena.reasoner.rulesys.Builtin;
import org.apache.jena.reasoner.rulesys.ClauseEntry;
import org.apache.jena.reasoner.rulesys.Functor;
import org.apache.jena.reasoner.rulesys.Node_RuleVariable;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.reasoner.rulesys.RuleContext;
import org.apache.jena.reasoner.InfGraph;
import org.apache.jena.util.iterator.ClosableIterator;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Problem;

/**
 * The indexed rule engine: Jena rules (as the {@link Specialiser} leaves them) compiled to nested-loop joins
 * over a {@link TripleStore}'s integer indexes, evaluated semi-naively. Each round, every rule is run once
 * for each of its body atoms, that atom ranging over the triples new in the previous round (the delta) and
 * the others over all triples; what a round derives is added at its end and is the next round's delta.
 * The first round, where everything is new, runs each rule once over everything. The fixpoint is the same
 * as the forward RETE engine's; only the memory differs: nothing but the triples and their indexes is kept.
 *
 * <p>Body builtins (notEqual, notLiteral, lessThan, …) are Jena's own implementations, called once all
 * their arguments are bound, so they mean what they mean to the RETE engine. Head terms may be functors
 * (error(…) for inconsistencies). Not supported, with a clear error: head actions (builtins in the head)
 * and builtins that bind variables.
 */
final class SemiNaive {
    private static final int CONST = 0, BOUND = 1, BIND = 2, CHECK = 3;

    private final TripleStore store;
    private final List<Compiled> rules = new ArrayList<>();
    private final BuiltinContext context = new BuiltinContext();
    // Triples derived in the current round, appended to the store at its end.
    private int[] pending = new int[3 * 1024];
    private int pendingSize;

    SemiNaive(TripleStore store, List<Rule> rules) {
        this.store = store;
        for (Rule r : rules) this.rules.add(new Compiled(r));
    }

    /** Runs to the fixpoint; answers the number of triples added. */
    long run(Consumer<String> progress) {
        for (TripleStore.Relation r : store.relations()) {
            r.deltaFrom = 0;
            r.deltaTo = r.size;
        }
        for (Compiled c : rules) if (c.atoms.length == 0) c.fire(new int[c.slots]);
        long added = 0;
        for (int round = 1; ; round++) {
            for (Compiled c : rules) {
                if (round == 1) {
                    if (c.plans.length > 0) c.plans[0].run();       // naive: the delta is everything
                } else {
                    for (Plan p : c.plans) p.run();
                }
            }
            int n = flush();
            added += n;
            progress.accept(String.format("round %d: %,d new triples", round, n));
            if (n == 0) return added;
        }
    }

    private int flush() {
        List<TripleStore.Relation> rels = store.relations();
        for (TripleStore.Relation r : rels) r.deltaFrom = r.deltaTo = r.size;
        for (int i = 0; i < pendingSize; i += 3) store.relationFor(pending[i]).append(pending[i + 1], pending[i + 2]);
        for (TripleStore.Relation r : store.relations()) r.deltaTo = r.size;
        int n = pendingSize / 3;
        pendingSize = 0;
        if (pending.length > 3 * 1024 * 1024) pending = new int[3 * 1024];
        return n;
    }

    private void derive(int s, int p, int o) {
        if (!store.relationFor(p).claim(s, o)) return;
        if (pendingSize + 3 > pending.length) pending = Arrays.copyOf(pending, pending.length * 2);
        pending[pendingSize++] = p;
        pending[pendingSize++] = s;
        pending[pendingSize++] = o;
    }

    /** A body atom or a head triple: per position a mode and a constant id or a variable's slot. */
    private static final class Atom {
        final int[] mode = new int[3], value = new int[3];   // positions: 0 subject, 1 predicate, 2 object
        Functor objectFunctor;                                // a head object such as error(…)
        int[] functorSlots;
    }

    private final class Compiled {
        final Rule rule;
        final Map<String, Integer> slotOf = new HashMap<>();
        int slots;
        final TriplePattern[] atoms;
        final List<Functor> builtins = new ArrayList<>();
        final List<Atom> heads = new ArrayList<>();
        Plan[] plans;

        Compiled(Rule r) {
            this.rule = r;
            List<TriplePattern> body = new ArrayList<>();
            for (ClauseEntry c : r.getBody()) {
                if (c instanceof TriplePattern tp) body.add(tp);
                else if (c instanceof Functor f && f.getImplementor() != null) builtins.add(f);
                else throw unsupported("a body clause " + c + " that is neither a triple pattern nor a known builtin");
            }
            atoms = body.toArray(TriplePattern[]::new);
            for (TriplePattern tp : atoms) for (Node n : nodes(tp)) slot(n);
            for (ClauseEntry c : r.getHead()) {
                if (!(c instanceof TriplePattern tp)) throw unsupported("a head action " + c);
                Atom h = new Atom();
                Node[] ns = nodes(tp);
                for (int i = 0; i < 3; i++) {
                    if (i == 2 && Functor.isFunctor(ns[i])) {
                        h.objectFunctor = (Functor) ns[i].getLiteralValue();
                        Node[] args = h.objectFunctor.getArgs();
                        h.functorSlots = new int[args.length];
                        for (int a = 0; a < args.length; a++) h.functorSlots[a] = args[a] instanceof Node_RuleVariable ? existingSlot(args[a]) : -1;
                    } else if (ns[i] instanceof Node_RuleVariable) {
                        h.mode[i] = BOUND;
                        h.value[i] = existingSlot(ns[i]);
                    } else {
                        h.mode[i] = CONST;
                        h.value[i] = store.dictionary.id(ns[i]);
                    }
                }
                heads.add(h);
            }
            plans = new Plan[atoms.length];
            for (int d = 0; d < atoms.length; d++) plans[d] = new Plan(this, d);
            // The first round runs plans[0] alone: start it from the atom with the fewest triples.
            int best = 0;
            for (int d = 1; d < atoms.length; d++) if (plans[d].firstSize() < plans[best].firstSize()) best = d;
            Plan t = plans[0];
            plans[0] = plans[best];
            plans[best] = t;
        }

        private int slot(Node n) {
            if (!(n instanceof Node_RuleVariable v)) return -1;
            return slotOf.computeIfAbsent(v.getName(), k -> slots++);
        }

        private int existingSlot(Node n) {
            Integer s = slotOf.get(((Node_RuleVariable) n).getName());
            if (s == null) throw unsupported("a head variable " + n + " that no body triple pattern binds");
            return s;
        }

        void fire(int[] env) {
            for (Atom h : heads) {
                int[] v = new int[3];
                for (int i = 0; i < 3; i++) v[i] = h.mode[i] == CONST ? h.value[i] : env[h.value[i]];
                if (h.objectFunctor != null) {
                    Node[] args = h.objectFunctor.getArgs().clone();
                    for (int a = 0; a < args.length; a++) if (h.functorSlots[a] >= 0) args[a] = store.node(env[h.functorSlots[a]]);
                    v[2] = store.dictionary.id(Functor.makeFunctorNode(h.objectFunctor.getName(), args));
                }
                derive(v[0], v[1], v[2]);
            }
        }

        InputException unsupported(String what) {
            return new InputException(new Problem(null, "rule " + rule.getName() + ": the indexed engine does not support " + what
                    + "; run with --engine rete"));
        }
    }

    private static Node[] nodes(TriplePattern tp) {
        return new Node[] {tp.getSubject(), tp.getPredicate(), tp.getObject()};
    }

    /** One rule with one body atom as the delta: the atoms and builtins in the order they are joined. */
    private final class Plan {
        final Compiled rule;
        final Atom[] steps;
        final Functor[][] builtinsAfter;        // builtins to test once step i has bound its variables
        final int[] env;

        Plan(Compiled c, int delta) {
            this.rule = c;
            int n = c.atoms.length;
            steps = new Atom[n];
            builtinsAfter = new Functor[n][];
            boolean[] bound = new boolean[c.slots];
            boolean[] used = new boolean[n];
            List<Functor> waiting = new ArrayList<>(c.builtins);
            Map<Functor, int[]> slotsOf = new HashMap<>();
            for (Functor f : c.builtins) {
                Node[] args = f.getArgs();
                int[] s = new int[args.length];
                for (int a = 0; a < args.length; a++) {
                    if (args[a] instanceof Node_RuleVariable v) {
                        Integer slot = c.slotOf.get(v.getName());
                        if (slot == null) throw c.unsupported("a builtin " + f + " that binds a variable");
                        s[a] = slot;
                    } else s[a] = -1;
                }
                slotsOf.put(f, s);
            }
            List<int[]> bs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int pick = i == 0 ? delta : bestNext(c, used, bound);
                used[pick] = true;
                steps[i] = compile(c, c.atoms[pick], bound);
                List<Functor> ready = new ArrayList<>();
                for (Functor f : List.copyOf(waiting)) {
                    if (Arrays.stream(slotsOf.get(f)).allMatch(s -> s < 0 || bound[s])) {
                        ready.add(f);
                        waiting.remove(f);
                    }
                }
                builtinsAfter[i] = ready.toArray(Functor[]::new);
            }
            if (!waiting.isEmpty()) throw c.unsupported("a builtin " + waiting.get(0) + " that binds a variable");
            this.slotsOf = slotsOf;
            env = new int[c.slots];
        }

        private final Map<Functor, int[]> slotsOf;

        long firstSize() {
            Atom a = steps[0];
            if (a.mode[1] != CONST) return store.size();
            TripleStore.Relation r = store.relation(a.value[1]);
            return r == null ? 0 : r.size;
        }

        private int bestNext(Compiled c, boolean[] used, boolean[] bound) {
            int best = -1;
            long bestScore = Long.MIN_VALUE;
            for (int i = 0; i < c.atoms.length; i++) {
                if (used[i]) continue;
                Node[] ns = nodes(c.atoms[i]);
                boolean[] known = new boolean[3];
                for (int k = 0; k < 3; k++) known[k] = !(ns[k] instanceof Node_RuleVariable) || bound[c.slotOf.get(((Node_RuleVariable) ns[k]).getName())];
                long score = (known[1] ? 0 : -1_000_000_000_000L) + (known[0] ? 1 : 0) * 100_000_000_000L + (known[2] ? 1 : 0) * 100_000_000_000L;
                if (known[1] && !(ns[1] instanceof Node_RuleVariable)) {
                    TripleStore.Relation r = store.relation(store.dictionary.id(ns[1]));
                    score -= r == null ? 0 : r.size;
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            return best;
        }

        private Atom compile(Compiled c, TriplePattern tp, boolean[] bound) {
            Atom a = new Atom();
            Node[] ns = nodes(tp);
            boolean[] boundHere = new boolean[c.slots];
            for (int k : new int[] {1, 0, 2}) {
                Node x = ns[k];
                if (x instanceof Node_RuleVariable v) {
                    int slot = c.slotOf.get(v.getName());
                    a.value[k] = slot;
                    a.mode[k] = bound[slot] ? BOUND : boundHere[slot] ? CHECK : BIND;
                    boundHere[slot] = true;
                } else {
                    if (Functor.isFunctor(x)) throw c.unsupported("a functor " + x + " in a body triple pattern");
                    a.mode[k] = CONST;
                    a.value[k] = store.dictionary.id(x);
                }
            }
            for (int s = 0; s < c.slots; s++) bound[s] |= boundHere[s];
            return a;
        }

        void run() {
            Atom a = steps[0];
            if (a.mode[1] == CONST) {
                TripleStore.Relation r = store.relation(a.value[1]);
                if (r != null && r.deltaTo > r.deltaFrom) scanDelta(r);
            } else {
                List<TripleStore.Relation> rels = store.relations();
                for (int i = 0, n = rels.size(); i < n; i++) {
                    TripleStore.Relation r = rels.get(i);
                    if (r.deltaTo > r.deltaFrom) scanDelta(r);
                }
            }
        }

        private void scanDelta(TripleStore.Relation r) {
            for (int row = r.deltaFrom, end = r.deltaTo; row < end; row++) {
                if (match(steps[0], r.p, r.s[row], r.o[row])) next(0);
            }
        }

        /** Having matched step i, tests its builtins and joins the rest. */
        private void next(int i) {
            for (Functor f : builtinsAfter[i]) if (!test(f)) return;
            if (i + 1 == steps.length) {
                rule.fire(env);
                return;
            }
            Atom a = steps[i + 1];
            if (a.mode[1] == BIND) {
                List<TripleStore.Relation> rels = store.relations();
                for (int k = 0, n = rels.size(); k < n; k++) join(i + 1, a, rels.get(k));
            } else {
                TripleStore.Relation r = store.relation(a.mode[1] == CONST ? a.value[1] : env[a.value[1]]);
                if (r != null) join(i + 1, a, r);
            }
        }

        private void join(int i, Atom a, TripleStore.Relation r) {
            int s = known(a, 0), o = known(a, 2);
            if (s >= 0 && o >= 0) {
                if (r.contains(s, o) && match(a, r.p, s, o)) next(i);
            } else if (s >= 0) {
                for (int row = r.firstWithSubject(s); row >= 0; row = r.nextWithSubject(row)) {
                    if (match(a, r.p, s, r.o[row])) next(i);
                }
            } else if (o >= 0) {
                for (int row = r.firstWithObject(o); row >= 0; row = r.nextWithObject(row)) {
                    if (match(a, r.p, r.s[row], o)) next(i);
                }
            } else {
                for (int row = 0, end = r.size; row < end; row++) {
                    if (match(a, r.p, r.s[row], r.o[row])) next(i);
                }
            }
        }

        private int known(Atom a, int k) {
            return a.mode[k] == CONST ? a.value[k] : a.mode[k] == BOUND ? env[a.value[k]] : -1;
        }

        /** Binds the atom's variables to a triple; false if the triple does not fit. Order: p, s, o. */
        private boolean match(Atom a, int p, int s, int o) {
            return fit(a, 1, p) && fit(a, 0, s) && fit(a, 2, o);
        }

        private boolean fit(Atom a, int k, int v) {
            switch (a.mode[k]) {
                case CONST: return a.value[k] == v;
                case BIND: env[a.value[k]] = v; return true;
                default: return env[a.value[k]] == v;      // BOUND, or CHECK: a variable repeated in the atom
            }
        }

        private boolean test(Functor f) {
            int[] slots = slotsOf.get(f);
            Node[] args = f.getArgs().clone();
            for (int a = 0; a < args.length; a++) if (slots[a] >= 0) args[a] = store.node(env[slots[a]]);
            return f.getImplementor().bodyCall(args, args.length, context);
        }
    }

    /**
     * What Jena's builtins see: every argument is already ground, so the environment has nothing to look
     * up; a builtin that asks for the graph is not one the engine supports.
     */
    private static final class BuiltinContext implements RuleContext {
        private final BindingEnvironment env = new BindingVector(new Node[0]);

        @Override public BindingEnvironment getEnv() { return env; }
        @Override public InfGraph getGraph() { throw new UnsupportedOperationException("a builtin that reads the graph"); }
        @Override public Rule getRule() { return null; }
        @Override public void setRule(Rule rule) {}
        @Override public boolean contains(Triple t) { throw new UnsupportedOperationException("a builtin that reads the graph"); }
        @Override public boolean contains(Node s, Node p, Node o) { throw new UnsupportedOperationException("a builtin that reads the graph"); }
        @Override public ClosableIterator<Triple> find(Node s, Node p, Node o) { throw new UnsupportedOperationException("a builtin that reads the graph"); }
        @Override public void silentAdd(Triple t) { throw new UnsupportedOperationException("a builtin that writes"); }
        @Override public void add(Triple t) { throw new UnsupportedOperationException("a builtin that writes"); }
        @Override public void remove(Triple t) { throw new UnsupportedOperationException("a builtin that writes"); }
    }
}

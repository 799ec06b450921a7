package org.treatygraph.reason;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.rulesys.Functor;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;

/**
 * Why a triple holds. An asserted triple is a leaf (from the data or from the ontology); an inferred one
 * names its rule, the ontology axioms the rule was applied with, and the facts it matched, each of which is
 * explained in turn down to asserted triples.
 */
public record Explanation(Triple fact, Source source, String rule, List<Explanation> axioms, List<Explanation> premises) {
    public enum Source { DATA, ONTOLOGY, INFERRED }

    static Explanation asserted(Triple t, Source s) {
        return new Explanation(t, s, null, List.of(), List.of());
    }

    /** A triple on one line, IRIs shortened with the prefixes. */
    public static String show(Triple t, PrefixMapping pm) {
        return show(t, pm, null);
    }

    static Explanation inferred(Triple t, String rule, List<Explanation> axioms, List<Explanation> premises) {
        return new Explanation(t, Source.INFERRED, rule, List.copyOf(axioms), List.copyOf(premises));
    }

    public boolean isInferred() {
        return source == Source.INFERRED;
    }

    /** The axioms a reader is shown: without the cells of RDF lists and the rules' helper triples (a list shows as a whole). */
    public List<Explanation> shownAxioms() {
        return axioms.stream().filter(a -> !isListCell(a.fact)).toList();
    }

    /** Every rule used anywhere in this derivation. */
    public java.util.Set<String> rules() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        collectRules(out);
        return out;
    }

    private void collectRules(java.util.Set<String> out) {
        if (rule != null) out.add(rule);
        axioms.forEach(a -> a.collectRules(out));
        premises.forEach(p -> p.collectRules(out));
    }

    /**
     * The derivation as an indented tree. {@code schema} is used to show RDF lists as ( a b c ) instead
     * of their cells; {@code whereAsserted} may say where a data triple was written (or return null).
     */
    public String render(PrefixMapping pm, Graph schema, Function<Triple, String> whereAsserted) {
        StringBuilder sb = new StringBuilder();
        render(sb, "", "", pm, schema, whereAsserted);
        return sb.toString();
    }

    /** Only what the fact rests on (its axioms and premises, recursively), one tree per line group. */
    public String renderGrounds(PrefixMapping pm, Graph schema, Function<Triple, String> whereAsserted) {
        StringBuilder sb = new StringBuilder();
        renderChildren(sb, "", pm, schema, whereAsserted);
        return sb.toString();
    }

    private void renderChildren(StringBuilder sb, String indent, PrefixMapping pm, Graph schema, Function<Triple, String> where) {
        for (Explanation a : shownAxioms()) a.render(sb, indent, "axiom ", pm, schema, where);
        for (Explanation p : premises) p.render(sb, indent, "from  ", pm, schema, where);
    }

    private void render(StringBuilder sb, String indent, String label, PrefixMapping pm, Graph schema, Function<Triple, String> where) {
        sb.append(indent).append(label).append(show(fact, pm, schema));
        switch (source) {
            case DATA -> {
                String w = where == null ? null : where.apply(fact);
                sb.append("   [asserted").append(w == null ? "" : ", " + w).append("]\n");
            }
            case ONTOLOGY -> sb.append("   [ontology axiom]\n");
            case INFERRED -> {
                sb.append("   [inferred by rule ").append(rule).append("]\n");
                renderChildren(sb, indent + "  ", pm, schema, where);
            }
        }
    }

    private static boolean isListCell(Triple t) {
        Node p = t.getPredicate();
        return p.equals(RDF.first.asNode()) || p.equals(RDF.rest.asNode()) || Vocabulary.isHelper(t);
    }

    static String show(Triple t, PrefixMapping pm, Graph schema) {
        return show(t.getSubject(), pm) + " " + show(t.getPredicate(), pm) + " " + showObject(t.getObject(), pm, schema);
    }

    private static String showObject(Node o, PrefixMapping pm, Graph schema) {
        if (schema != null && o.isBlank() && schema.contains(o, RDF.first.asNode(), Node.ANY)) {
            StringBuilder sb = new StringBuilder("(");
            Node cell = o;
            for (int i = 0; i < 100 && cell.isBlank(); i++) {
                ExtendedIterator<Triple> first = schema.find(cell, RDF.first.asNode(), Node.ANY);
                if (!first.hasNext()) break;
                sb.append(' ').append(show(first.next().getObject(), pm));
                first.close();
                ExtendedIterator<Triple> rest = schema.find(cell, RDF.rest.asNode(), Node.ANY);
                cell = rest.hasNext() ? rest.next().getObject() : RDF.nil.asNode();
                rest.close();
            }
            return sb.append(" )").toString();
        }
        return show(o, pm);
    }

    static String show(Node n, PrefixMapping pm) {
        if (Functor.isFunctor(n)) {
            Functor f = (Functor) n.getLiteralValue();
            return f.getName() + "(" + List.of(f.getArgs()).stream().map(a -> show(a, pm)).collect(Collectors.joining(", ")) + ")";
        }
        if (n.isURI()) {
            String s = pm.shortForm(n.getURI());
            return s.equals(n.getURI()) ? "<" + s + ">" : s;
        }
        return NodeFmtLib.strNT(n);
    }
}

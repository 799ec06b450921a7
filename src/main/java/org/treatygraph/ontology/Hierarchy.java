package org.treatygraph.ontology;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDFS;

/**
 * The one answer to "what is above or below this class or property": rdfs:subClassOf and
 * rdfs:subPropertyOf of a schema graph, which may be the reasoner's closure (named classes and properties
 * only; OWL restrictions are the reasoner's business). The ontology index, the VoID partitions,
 * QuickStatements and the ontology's documentation all ask here.
 */
public final class Hierarchy {
    /** Above or below everything, so they say nothing: left out of both hierarchies. */
    private static final Set<Node> TRIVIAL = Set.of(OWL2.Thing.asNode(), OWL2.Nothing.asNode(), RDFS.Resource.asNode(),
            OWL2.topObjectProperty.asNode(), OWL2.bottomObjectProperty.asNode(),
            OWL2.topDataProperty.asNode(), OWL2.bottomDataProperty.asNode());

    private final Order classes;
    private final Order properties;

    public Hierarchy(Graph schema) {
        this.classes = new Order(schema, RDFS.subClassOf.asNode());
        this.properties = new Order(schema, RDFS.subPropertyOf.asNode());
    }

    public static boolean isTrivial(Node term) {
        return TRIVIAL.contains(term);
    }

    /** The rdfs:subClassOf hierarchy. */
    public Order classes() {
        return classes;
    }

    /** The rdfs:subPropertyOf hierarchy. */
    public Order properties() {
        return properties;
    }

    public Set<Node> superClasses(Node cls) {
        return classes.above(cls);
    }

    public Set<Node> superProperties(Node property) {
        return properties.above(property);
    }

    public boolean isSubClassOf(Node cls, Node ancestor) {
        return cls.equals(ancestor) || superClasses(cls).contains(ancestor);
    }

    public boolean isSubPropertyOf(Node property, Node ancestor) {
        return property.equals(ancestor) || superProperties(property).contains(ancestor);
    }

    /**
     * One hierarchy. The direct terms are what is left of the stated ones after removing those implied by
     * others (terms equivalent to either aside), so a closure that states every ancestor has the same
     * direct terms as the asserted hierarchy. Every answer leaves out the term itself and is ordered
     * nearest first, then by IRI.
     */
    public static final class Order {
        private static final Comparator<Node> BY_IRI = Comparator.comparing(Node::getURI);

        private final Graph schema;
        private final Node step;
        /** Every term reachable upwards, the term itself too if it is on a cycle. */
        private final Map<Node, Set<Node>> reach = new ConcurrentHashMap<>();
        private final Map<Node, Set<Node>> directlyAbove = new ConcurrentHashMap<>();
        private final Map<Node, Set<Node>> directlyBelow = new ConcurrentHashMap<>();
        private final Map<Node, Set<Node>> above = new ConcurrentHashMap<>();
        private final Map<Node, Set<Node>> below = new ConcurrentHashMap<>();

        private Order(Graph schema, Node step) {
            this.schema = schema;
            this.step = step;
        }

        public Set<Node> above(Node term) {
            return cached(above, term, t -> walk(t, this::directlyAbove));
        }

        public Set<Node> below(Node term) {
            return cached(below, term, t -> walk(t, this::directlyBelow));
        }

        public Set<Node> directlyAbove(Node term) {
            return cached(directlyAbove, term, n -> {
                Set<Node> up = reach(n);
                List<Node> direct = stated(n, true).stream().filter(s -> up.stream().noneMatch(t -> between(n, t, s))).toList();
                return ordered(direct);
            });
        }

        public Set<Node> directlyBelow(Node term) {
            return cached(directlyBelow, term, n -> ordered(stated(n, false).stream().filter(s -> directlyAbove(s).contains(n)).toList()));
        }

        /** Whether {@code t} is strictly between {@code n} and its super-term {@code s}, making the edge n → s implied. */
        private boolean between(Node n, Node t, Node s) {
            if (t.equals(s) || t.equals(n) || reach(t).contains(n)) return false;
            boolean equivalentToS = reach(s).contains(t) && reach(t).contains(s);
            return !equivalentToS && reach(t).contains(s);
        }

        private Set<Node> reach(Node term) {
            return cached(reach, term, n -> {
                Set<Node> seen = new HashSet<>();
                Deque<Node> todo = new ArrayDeque<>(stated(n, true));
                while (!todo.isEmpty()) {
                    Node x = todo.pop();
                    if (seen.add(x)) todo.addAll(stated(x, true));
                }
                return seen;
            });
        }

        /** The named, non-trivial terms the schema states above (or below) a term, itself aside. */
        private Set<Node> stated(Node n, boolean up) {
            Set<Node> result = new HashSet<>();
            if (TRIVIAL.contains(n)) return result;
            for (Triple t : (up ? schema.find(n, step, Node.ANY) : schema.find(Node.ANY, step, n)).toList()) {
                Node other = up ? t.getObject() : t.getSubject();
                if (other.isURI() && !other.equals(n) && !TRIVIAL.contains(other)) result.add(other);
            }
            return result;
        }

        /** Breadth first from {@code start} along {@code next}, {@code start} left out. */
        private static Set<Node> walk(Node start, Function<Node, Set<Node>> next) {
            Set<Node> seen = new LinkedHashSet<>();
            Deque<Node> todo = new ArrayDeque<>(next.apply(start));
            while (!todo.isEmpty()) {
                Node x = todo.poll();
                if (!x.equals(start) && seen.add(x)) todo.addAll(next.apply(x));
            }
            return Collections.unmodifiableSet(seen);
        }

        private static Set<Node> ordered(List<Node> nodes) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(nodes.stream().sorted(BY_IRI).toList()));
        }

        /** Not computeIfAbsent: the answers for one term ask for others', which a ConcurrentHashMap forbids. */
        private static Set<Node> cached(Map<Node, Set<Node>> cache, Node term, Function<Node, Set<Node>> compute) {
            Set<Node> known = cache.get(term);
            if (known != null) return known;
            Set<Node> computed = compute.apply(term);
            Set<Node> raced = cache.putIfAbsent(term, computed);
            return raced != null ? raced : computed;
        }
    }
}

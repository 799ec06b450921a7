package org.treatygraph.ontology;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDFS;

/**
 * The one answer to "what is above this class or property": the transitive rdfs:subClassOf and
 * rdfs:subPropertyOf of a schema graph (named classes and properties only; OWL restrictions are the
 * reasoner's business). The ontology index, the VoID partitions and QuickStatements all ask here.
 */
public final class Hierarchy {
    private final Graph schema;
    private final Map<Node, Set<Node>> classes = new ConcurrentHashMap<>();
    private final Map<Node, Set<Node>> properties = new ConcurrentHashMap<>();

    public Hierarchy(Graph schema) {
        this.schema = schema;
    }

    /** The named classes above a class, nearest first, the class itself not included. */
    public Set<Node> superClasses(Node cls) {
        return classes.computeIfAbsent(cls, c -> closure(c, RDFS.subClassOf.asNode()));
    }

    /** The named properties above a property, nearest first, the property itself not included. */
    public Set<Node> superProperties(Node property) {
        return properties.computeIfAbsent(property, p -> closure(p, RDFS.subPropertyOf.asNode()));
    }

    public boolean isSubClassOf(Node cls, Node ancestor) {
        return cls.equals(ancestor) || superClasses(cls).contains(ancestor);
    }

    public boolean isSubPropertyOf(Node property, Node ancestor) {
        return property.equals(ancestor) || superProperties(property).contains(ancestor);
    }

    private Set<Node> closure(Node start, Node step) {
        Set<Node> seen = new LinkedHashSet<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            Node x = todo.poll();
            schema.find(x, step, Node.ANY).forEach(t -> {
                Node up = t.getObject();
                if (up.isURI() && !up.equals(start) && seen.add(up)) todo.add(up);
            });
        }
        return Collections.unmodifiableSet(seen);
    }
}

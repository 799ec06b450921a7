package org.treatygraph.ontology;

import java.nio.file.Path;
import java.util.*;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * What the converter knows of the ontology, read from the ontology file at run time: which record key
 * means which property (and what it takes), which classes and individuals there are, the class
 * hierarchy, and which class each kind of entity identifier stands for. Nothing here is per-class code:
 * a property added to the ontology is usable in records at once.
 */
public final class OntologyIndex {
    private final Graph graph;
    private final Map<String, Term> termsByKey = new TreeMap<>();
    private final Map<String, Node> classes = new TreeMap<>();
    private final Map<String, Node> individuals = new TreeMap<>();
    private final Map<String, Node> classByKind = new TreeMap<>();
    private final Set<Node> classNodes = new HashSet<>();
    private Hierarchy hierarchy;

    private OntologyIndex(Graph graph) {
        this.graph = graph;
        indexClasses();
        indexProperties();
        indexIndividuals();
    }

    public static OntologyIndex load(Path ontologyFile) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFDataMgr.read(g, ontologyFile.toString());
        return new OntologyIndex(g);
    }

    public Graph graph() {
        return graph;
    }

    public PrefixMapping prefixes() {
        return graph.getPrefixMapping();
    }

    /** The property a record key stands for: a tg local name, a borrowed term's record key, or a prefixed name. */
    public Optional<Term> term(String key) {
        Term t = termsByKey.get(key);
        if (t == null && key.contains(":")) {
            String iri = graph.getPrefixMapping().expandPrefix(key);
            t = termsByKey.values().stream().filter(x -> x.property().getURI().equals(iri)).findFirst().orElse(null);
        }
        return Optional.ofNullable(t);
    }

    /** A class by its tg local name or prefixed name. */
    public Optional<Node> classNamed(String name) {
        return Optional.ofNullable(classes.get(name));
    }

    /** An individual of the ontology (a status, a calendar) by its tg local name. */
    public Optional<Node> individualNamed(String name) {
        return Optional.ofNullable(individuals.get(name));
    }

    /** The class that the identifier kind ('agreement', 'person', …) stands for. */
    public Optional<Node> classForKind(String kind) {
        return Optional.ofNullable(classByKind.get(kind));
    }

    public Set<String> kinds() {
        return classByKind.keySet();
    }

    public Set<String> keys() {
        return termsByKey.keySet();
    }

    public Set<String> classNames() {
        return classes.keySet();
    }

    public Set<String> individualNames() {
        return individuals.keySet();
    }

    public boolean isClass(Node n) {
        return classNodes.contains(n);
    }

    /** The ontology's class and property hierarchy. */
    public Hierarchy hierarchy() {
        return hierarchy;
    }

    /** Whether {@code cls} is {@code ancestor} or one of its subclasses. */
    public boolean isSubClassOf(Node cls, Node ancestor) {
        return hierarchy.isSubClassOf(cls, ancestor);
    }

    /** The types of an ontology individual. */
    public Set<Node> typesOf(Node individual) {
        Set<Node> types = new HashSet<>();
        graph.find(individual, RDF.type.asNode(), Node.ANY).forEach(t -> types.add(t.getObject()));
        return types;
    }

    /** A short name for an IRI, using the ontology's prefixes ("tg:Cession"). */
    public String shortName(Node n) {
        if (!n.isURI()) return n.toString();
        return graph.getPrefixMapping().shortForm(n.getURI());
    }

    private String nameOf(Node n) {
        String iri = n.getURI();
        if (iri.startsWith(TG.NS)) return iri.substring(TG.NS.length());
        return graph.getPrefixMapping().shortForm(iri);
    }

    private void indexClasses() {
        graph.find(Node.ANY, RDF.type.asNode(), OWL2.Class.asNode()).forEach(t -> {
            Node c = t.getSubject();
            if (c.isURI()) classes.put(nameOf(c), c);
        });
        hierarchy = new Hierarchy(graph);
        for (Node c : classes.values()) {
            classNodes.add(c);
            graph.find(c, TG.idKind, Node.ANY).forEach(t -> classByKind.put(t.getObject().getLiteralLexicalForm(), c));
        }
    }

    private void indexProperties() {
        Map<Node, Term.Kind> kinds = new LinkedHashMap<>();
        graph.find(Node.ANY, RDF.type.asNode(), OWL2.ObjectProperty.asNode()).forEach(t -> kinds.put(t.getSubject(), Term.Kind.OBJECT));
        graph.find(Node.ANY, RDF.type.asNode(), OWL2.DatatypeProperty.asNode()).forEach(t -> kinds.put(t.getSubject(), Term.Kind.DATATYPE));
        graph.find(Node.ANY, RDF.type.asNode(), OWL2.AnnotationProperty.asNode()).forEach(t -> kinds.putIfAbsent(t.getSubject(), Term.Kind.ANNOTATION));
        for (Map.Entry<Node, Term.Kind> e : kinds.entrySet()) {
            Node p = e.getKey();
            if (!p.isURI()) continue;
            Optional<String> recordKey = graph.find(p, TG.recordKey, Node.ANY).nextOptional().map(t -> t.getObject().getLiteralLexicalForm());
            boolean ours = p.getURI().startsWith(TG.NS);
            if (!ours && recordKey.isEmpty()) continue;
            // Annotation properties of the ontology's own machinery are not record keys.
            if (ours && e.getValue() == Term.Kind.ANNOTATION && recordKey.isEmpty()) continue;
            String key = recordKey.orElseGet(() -> p.getURI().substring(TG.NS.length()));
            Node range = rangeOf(p);
            List<String> datatypes = new ArrayList<>();
            if (range != null && range.isBlank()) {
                Node list = graph.find(range, OWL2.unionOf.asNode(), Node.ANY).nextOptional().map(Triple::getObject).orElse(null);
                while (list != null && !list.equals(RDF.nil.asNode())) {
                    Node head = list;
                    graph.find(head, RDF.first.asNode(), Node.ANY).forEach(t -> datatypes.add(t.getObject().getURI()));
                    list = graph.find(head, RDF.rest.asNode(), Node.ANY).nextOptional().map(Triple::getObject).orElse(null);
                }
                range = null;
            } else if (range != null && range.getURI().startsWith(XSDDatatype.XSD + "#")) {
                datatypes.add(range.getURI());
            }
            termsByKey.put(key, new Term(key, p, e.getValue(), range, List.copyOf(datatypes)));
        }
    }

    /** The declared range, or the range of the nearest super-property that declares one. */
    private Node rangeOf(Node p) {
        List<Node> candidates = new ArrayList<>(List.of(p));
        candidates.addAll(hierarchy.superProperties(p));
        for (Node q : candidates) {
            Optional<Node> r = graph.find(q, RDFS.range.asNode(), Node.ANY).nextOptional().map(Triple::getObject);
            if (r.isPresent()) return r.get();
        }
        return null;
    }

    private void indexIndividuals() {
        graph.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEach(t -> {
            if (classNodes.contains(t.getObject()) && t.getSubject().isURI() && t.getSubject().getURI().startsWith(TG.NS))
                individuals.put(nameOf(t.getSubject()), t.getSubject());
        });
    }
}

package org.treatygraph.serve;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.DC_11;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.treatygraph.ontology.Hierarchy;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;
import org.treatygraph.ontology.TG;

/**
 * The ontology's documentation as one HTML page, generated from the ontology itself.
 *
 * <p>The page has a header (title, description, IRI, version, a table of contents and a note on the
 * machine-readable formats) and one section per class, object property, datatype property, annotation
 * property and named individual, each group in alphabetical order of local names. A term of the
 * ontology's own namespace has its local name as anchor, so that {@code …/ontology#Treaty} finds
 * {@code #Treaty}; a borrowed term (rdfs:label, skos:exactMatch) has its prefixed name. Each section shows
 * whatever the ontology says of the term (label, definition, hierarchy, domain, range, inverse, chains,
 * characteristics, individuals, the project's annotations) and one example from the data.
 *
 * <p>The page loads nothing from elsewhere (its one stylesheet is the server's /assets/ontology.css), every
 * text is escaped, and the output depends on nothing but the input: everything is sorted, so the same
 * graphs give the same bytes.
 */
public final class OntologyDocumentation {

    /**
     * @param ontology the ontology graph (ontology/treaty-graph.ttl)
     * @param inferredOntology may be null; the schema closure (e.g. transitive rdfs:subClassOf), used for sub/super terms if given
     * @param data the built graph (asserted facts) to take one example usage per class/property from; may be empty
     * @param entityLink maps an entity IRI (https://w3id.org/treaty-graph/id/...) to the link to put in href (e.g. a local server URL);
     */
    public static String render(Graph ontology, Graph inferredOntology, Graph data, Function<String, String> entityLink) {
        Objects.requireNonNull(ontology, "ontology");
        return new OntologyDocumentation(ontology, inferredOntology,
                data == null ? GraphFactory.createDefaultGraph() : data,
                entityLink == null ? iri -> null : entityLink).page();
    }

    // ------------------------------------------------------------------------------------------
    // Vocabulary

        /** VANN: Jena ships no vocabulary class for it; the ontology declares its prefix. */
    private static final String VANN = Prefixes.MAPPING.getNsPrefixURI("vann");

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static final Node TYPE = RDF.type.asNode();
    private static final Node FIRST = RDF.first.asNode();
    private static final Node REST = RDF.rest.asNode();
    private static final Node NIL = RDF.nil.asNode();
    private static final Node LABEL = RDFS.label.asNode();
    private static final Node COMMENT = RDFS.comment.asNode();
    private static final Node SUB_CLASS_OF = RDFS.subClassOf.asNode();
    private static final Node SUB_PROPERTY_OF = RDFS.subPropertyOf.asNode();
    private static final Node DOMAIN = RDFS.domain.asNode();
    private static final Node RANGE = RDFS.range.asNode();
    private static final Node DEFINITION = SKOS.definition.asNode();
    private static final Node ONTOLOGY = OWL2.Ontology.asNode();
    private static final Node VERSION_IRI = OWL2.versionIRI.asNode();
    private static final Node VERSION_INFO = OWL2.versionInfo.asNode();
    private static final Node PREFERRED_PREFIX = uri(VANN + "preferredNamespacePrefix");
    private static final Node PREFERRED_NAMESPACE = uri(VANN + "preferredNamespaceUri");
    private static final Node DISJOINT_WITH = OWL2.disjointWith.asNode();
    private static final Node EQUIVALENT_CLASS = OWL2.equivalentClass.asNode();
    private static final Node EQUIVALENT_PROPERTY = OWL2.equivalentProperty.asNode();
    private static final Node INVERSE_OF = OWL2.inverseOf.asNode();
    private static final Node PROPERTY_CHAIN = OWL2.propertyChainAxiom.asNode();
    private static final Node PROPERTY_DISJOINT_WITH = OWL2.propertyDisjointWith.asNode();
    private static final Node NAMED_INDIVIDUAL = OWL2.NamedIndividual.asNode();
    private static final Node UNION_OF = OWL2.unionOf.asNode();
    private static final Node INTERSECTION_OF = OWL2.intersectionOf.asNode();
    private static final Node COMPLEMENT_OF = OWL2.complementOf.asNode();
    private static final Node ONE_OF = OWL2.oneOf.asNode();
    private static final Node ON_PROPERTY = OWL2.onProperty.asNode();
    private static final Node ON_DATATYPE = OWL2.onDatatype.asNode();
    private static final Node WITH_RESTRICTIONS = OWL2.withRestrictions.asNode();

    /** Types that make a term a class. */
    private static final Set<Node> CLASS_TYPES = Set.of(OWL2.Class.asNode(), RDFS.Class.asNode());

    /** Property characteristics, in the order the page lists them. Those but functional imply an object property. */
    private static final Map<Node, String> CHARACTERISTICS = new LinkedHashMap<>();
    static {
        CHARACTERISTICS.put(OWL2.FunctionalProperty.asNode(), "functional");
        CHARACTERISTICS.put(OWL2.InverseFunctionalProperty.asNode(), "inverse functional");
        CHARACTERISTICS.put(OWL2.TransitiveProperty.asNode(), "transitive");
        CHARACTERISTICS.put(OWL2.SymmetricProperty.asNode(), "symmetric");
        CHARACTERISTICS.put(OWL2.AsymmetricProperty.asNode(), "asymmetric");
        CHARACTERISTICS.put(OWL2.ReflexiveProperty.asNode(), "reflexive");
        CHARACTERISTICS.put(OWL2.IrreflexiveProperty.asNode(), "irreflexive");
    }

    /** Restrictions of class expressions: the property of the restriction and the word the page uses. */
    private static final Map<Node, String> RESTRICTIONS = new LinkedHashMap<>();
    static {
        RESTRICTIONS.put(OWL2.someValuesFrom.asNode(), "some");
        RESTRICTIONS.put(OWL2.allValuesFrom.asNode(), "only");
        RESTRICTIONS.put(OWL2.hasValue.asNode(), "value");
        RESTRICTIONS.put(OWL2.hasSelf.asNode(), "Self");
        RESTRICTIONS.put(OWL2.minCardinality.asNode(), "min");
        RESTRICTIONS.put(OWL2.maxCardinality.asNode(), "max");
        RESTRICTIONS.put(OWL2.cardinality.asNode(), "exactly");
        RESTRICTIONS.put(OWL2.minQualifiedCardinality.asNode(), "min");
        RESTRICTIONS.put(OWL2.maxQualifiedCardinality.asNode(), "max");
        RESTRICTIONS.put(OWL2.qualifiedCardinality.asNode(), "exactly");
    }

    /** Predicates a term section shows in rows of their own; any other is listed as an annotation. */
    private static final Set<Node> SHOWN = Set.of(TYPE, LABEL, COMMENT, DEFINITION, SUB_CLASS_OF, SUB_PROPERTY_OF, DOMAIN,
            RANGE, DISJOINT_WITH, EQUIVALENT_CLASS, EQUIVALENT_PROPERTY, INVERSE_OF, PROPERTY_CHAIN, PROPERTY_DISJOINT_WITH);

    /** Header annotations with a name of their own (others show under their label or prefixed name). */
    private static final Map<Node, String> HEADER_NAMES = new LinkedHashMap<>();
    static {
        HEADER_NAMES.put(OWL2.priorVersion.asNode(), "Prior version");
        HEADER_NAMES.put(OWL2.imports.asNode(), "Imports");
        HEADER_NAMES.put(DCTerms.creator.asNode(), "Creator");
        HEADER_NAMES.put(DCTerms.contributor.asNode(), "Contributor");
        HEADER_NAMES.put(DCTerms.publisher.asNode(), "Publisher");
        HEADER_NAMES.put(DCTerms.created.asNode(), "Created");
        HEADER_NAMES.put(DCTerms.modified.asNode(), "Modified");
        HEADER_NAMES.put(DCTerms.issued.asNode(), "Issued");
        HEADER_NAMES.put(DCTerms.license.asNode(), "License");
        HEADER_NAMES.put(DCTerms.rights.asNode(), "Rights");
        HEADER_NAMES.put(RDFS.seeAlso.asNode(), "See also");
    }

    /** The groups of terms, in page order. */
    private enum Group {
        CLASSES("section-classes", "Classes", "class"),
        OBJECT_PROPERTIES("section-object-properties", "Object properties", "object property"),
        DATATYPE_PROPERTIES("section-datatype-properties", "Datatype properties", "datatype property"),
        ANNOTATION_PROPERTIES("section-annotation-properties", "Annotation properties", "annotation property"),
        INDIVIDUALS("section-individuals", "Individuals", "individual");

        final String id;
        final String title;
        final String kind;

        Group(String id, String title, String kind) {
            this.id = id;
            this.title = title;
            this.kind = kind;
        }
    }

    // ------------------------------------------------------------------------------------------
    // State

    private final Graph ontology;
    private final Graph inferred;
    private final Graph data;
    private final Function<String, String> entityLink;
    private final Node ontologyNode;
    private final String namespace;
    /** Namespaces of the ontology's prefix mapping, longest first, for short names. */
    private final List<Map.Entry<String, String>> prefixes = new ArrayList<>();
    private final Map<Group, List<Node>> groups = new LinkedHashMap<>();
    /** The anchor of each documented term. */
    private final Map<Node, String> anchors = new HashMap<>();
    private final Hierarchy.Order classes;
    private final Hierarchy.Order properties;

    private OntologyDocumentation(Graph ontology, Graph inferred, Graph data, Function<String, String> entityLink) {
        this.ontology = ontology;
        this.inferred = inferred;
        this.data = data;
        this.entityLink = entityLink;
        ontology.getPrefixMapping().getNsPrefixMap().forEach((prefix, ns) -> prefixes.add(Map.entry(prefix, ns)));
        prefixes.sort(Comparator.comparing((Map.Entry<String, String> e) -> -e.getValue().length()).thenComparing(Map.Entry::getKey));
        this.ontologyNode = sorted(subjects(ontology, TYPE, ONTOLOGY)).stream().filter(Node::isURI).findFirst().orElse(null);
        this.namespace = namespaceOf(ontologyNode);
        Hierarchy hierarchy = new Hierarchy(inferred == null ? ontology : new Union(ontology, inferred));
        this.classes = hierarchy.classes();
        this.properties = hierarchy.properties();
        collectTerms();
    }

    private String namespaceOf(Node ont) {
        if (ont != null) {
            for (Node ns : objects(ontology, ont, PREFERRED_NAMESPACE)) {
                if (ns.isLiteral()) return ns.getLiteralLexicalForm();
                if (ns.isURI()) return ns.getURI();
            }
        }
        return TG.NS;
    }

    private void collectTerms() {
        Map<Group, Set<Node>> found = new LinkedHashMap<>();
        for (Group g : Group.values()) found.put(g, new HashSet<>());
        Set<Node> seen = new HashSet<>();
        Set<Node> classNodes = new HashSet<>();
        // Classes first, then the properties, so that a term with several types is documented once.
        for (Triple t : ontology.find(Node.ANY, TYPE, Node.ANY).toList()) {
            if (t.getSubject().isURI() && CLASS_TYPES.contains(t.getObject())) classNodes.add(t.getSubject());
        }
        addAll(found.get(Group.CLASSES), classNodes, seen);
        Set<Node> objectProps = new HashSet<>(subjects(ontology, TYPE, OWL2.ObjectProperty.asNode()));
        for (Node c : CHARACTERISTICS.keySet()) {
            if (!c.getURI().endsWith("#FunctionalProperty")) objectProps.addAll(subjects(ontology, TYPE, c));
        }
        addAll(found.get(Group.OBJECT_PROPERTIES), objectProps, seen);
        addAll(found.get(Group.DATATYPE_PROPERTIES), subjects(ontology, TYPE, OWL2.DatatypeProperty.asNode()), seen);
        addAll(found.get(Group.ANNOTATION_PROPERTIES), subjects(ontology, TYPE, OWL2.AnnotationProperty.asNode()), seen);
        Set<Node> individuals = new HashSet<>(subjects(ontology, TYPE, NAMED_INDIVIDUAL));
        for (Triple t : ontology.find(Node.ANY, TYPE, Node.ANY).toList()) {
            if (classNodes.contains(t.getObject())) individuals.add(t.getSubject());
        }
        addAll(found.get(Group.INDIVIDUALS), individuals, seen);

        Set<String> used = new HashSet<>();
        for (Group g : Group.values()) used.add(g.id);
        used.add("contents");
        for (Group g : Group.values()) {
            List<Node> terms = new ArrayList<>(found.get(g));
            terms.sort(Comparator.comparing(this::localName, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(this::localName).thenComparing(Node::getURI));
            groups.put(g, terms);
            for (Node term : terms) {
                String id = anchorFor(term);
                for (int i = 2; !used.add(id); i++) id = anchorFor(term) + "-" + i;
                anchors.put(term, id);
            }
        }
    }

    private static void addAll(Set<Node> into, Iterable<Node> candidates, Set<Node> seen) {
        for (Node n : candidates) {
            if (n.isURI() && seen.add(n)) into.add(n);
        }
    }

    /** The ontology's own terms are anchored by local name; borrowed ones by prefixed name (or IRI). */
    private String anchorFor(Node term) {
        String iri = term.getURI();
        if (iri.startsWith(namespace) && iri.length() > namespace.length()) return iri.substring(namespace.length());
        return shortName(term);
    }

    private String localName(Node term) {
        String iri = term.getURI();
        if (iri.startsWith(namespace) && iri.length() > namespace.length()) return iri.substring(namespace.length());
        String s = shortName(term);
        if (!s.equals(iri)) return s.substring(s.indexOf(':') + 1);
        return term.getLocalName().isEmpty() ? iri : term.getLocalName();
    }

    /** A prefixed name from the ontology's prefixes (the longest namespace that fits), or the IRI. */
    private String shortName(Node n) {
        String iri = n.getURI();
        for (Map.Entry<String, String> e : prefixes) {
            if (iri.startsWith(e.getValue()) && !e.getValue().isEmpty()) return e.getKey() + ":" + iri.substring(e.getValue().length());
        }
        return iri;
    }

    // ------------------------------------------------------------------------------------------
    // The page

    private String page() {
        StringBuilder out = new StringBuilder(256 * 1024);
        String title = ontologyNode == null ? null : firstText(ontologyNode, DCTerms.title.asNode(), DC_11.title.asNode(), LABEL);
        if (title == null) title = ontologyNode == null ? "Ontology" : ontologyNode.getURI();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
           .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
           .append("<title>").append(esc(title)).append("</title>\n")
           .append("<link rel=\"stylesheet\" href=\"/assets/ontology.css\">\n</head>\n<body>\n");
        header(out, title);
        out.append("<main>\n");
        for (Group g : Group.values()) group(out, g);
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private void header(StringBuilder out, String title) {
        out.append("<header>\n<h1>").append(esc(title)).append("</h1>\n");
        Set<Node> shownInHeader = new HashSet<>(Set.of(TYPE, DCTerms.title.asNode(), DC_11.title.asNode(), VERSION_IRI,
                VERSION_INFO, PREFERRED_PREFIX, PREFERRED_NAMESPACE));
        if (ontologyNode != null) {
            for (Node p : List.of(DCTerms.description.asNode(), DC_11.description.asNode(), COMMENT)) {
                String description = preferredText(objects(ontology, ontologyNode, p));
                if (description != null) {
                    out.append("<p class=\"description\">").append(esc(description)).append("</p>\n");
                    shownInHeader.add(p);
                    break;
                }
            }
        }
        if (title.equals(ontologyNode == null ? null : label(ontologyNode))) shownInHeader.add(LABEL);
        out.append("<dl class=\"meta\">\n");
        if (ontologyNode != null) {
            row(out, "IRI", "<code>" + esc(ontologyNode.getURI()) + "</code>");
            List<Node> versionIris = objects(ontology, ontologyNode, VERSION_IRI);
            if (!versionIris.isEmpty()) row(out, "Version IRI", join(versionIris, n -> n.isURI() ? "<code>" + esc(n.getURI()) + "</code>" : value(n), ", "));
            List<Node> versionInfo = objects(ontology, ontologyNode, VERSION_INFO);
            if (!versionInfo.isEmpty()) row(out, "Version", join(versionInfo, this::value, ", "));
        }
        List<Node> prefix = ontologyNode == null ? List.of() : objects(ontology, ontologyNode, PREFERRED_PREFIX);
        String ns = "<code>" + esc(namespace) + "</code>";
        row(out, "Namespace", prefix.isEmpty() ? ns : ns + " (preferred prefix <code>" + esc(text(prefix.get(0))) + ":</code>)");
        if (ontologyNode != null) {
            // Named annotations in the order of HEADER_NAMES, then the others by prefixed name.
            List<Node> order = new ArrayList<>(HEADER_NAMES.keySet());
            Map<Node, List<Node>> others = new TreeMap<>(Comparator
                    .comparing((Node p) -> order.contains(p) ? order.indexOf(p) : order.size())
                    .thenComparing(this::shortName).thenComparing(Node::getURI));
            for (Triple t : ontology.find(ontologyNode, Node.ANY, Node.ANY).toList()) {
                if (t.getPredicate().isURI() && !shownInHeader.contains(t.getPredicate())) {
                    others.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
                }
            }
            others.forEach((p, values) -> row(out, HEADER_NAMES.containsKey(p) ? esc(HEADER_NAMES.get(p)) : predicateName(p),
                    join(sortedValues(values), this::value, ", ")));
        }
        out.append("</dl>\n");
        out.append("<p class=\"formats\">This page is the ontology's HTML documentation. The same IRI, <code>")
           .append(esc(ontologyNode == null ? namespace : ontologyNode.getURI()))
           .append("</code>, also returns the ontology itself by content negotiation: ask for Turtle (<code>text/turtle</code>), ")
           .append("RDF/XML (<code>application/rdf+xml</code>) or JSON-LD (<code>application/ld+json</code>) in the <code>Accept</code> header.</p>\n");
        out.append("<nav id=\"contents\">\n<h2>Contents</h2>\n<ol>\n");
        for (Group g : Group.values()) {
            out.append("<li><a href=\"#").append(esc(g.id)).append("\">").append(esc(g.title)).append("</a> (")
               .append(groups.get(g).size()).append(")</li>\n");
        }
        out.append("</ol>\n</nav>\n</header>\n");
    }

    private void group(StringBuilder out, Group g) {
        List<Node> terms = groups.get(g);
        out.append("<section id=\"").append(esc(g.id)).append("\" class=\"group\">\n<h2>").append(esc(g.title)).append("</h2>\n");
        if (terms.isEmpty()) {
            out.append("<p>None.</p>\n</section>\n");
            return;
        }
        out.append("<ul class=\"index\">\n");
        for (Node term : terms) out.append("<li>").append(ref(term)).append("</li>\n");
        out.append("</ul>\n");
        for (Node term : terms) term(out, g, term);
        out.append("</section>\n");
    }

    private void term(StringBuilder out, Group g, Node term) {
        String id = anchors.get(term);
        boolean own = term.getURI().startsWith(namespace);
        out.append("<section class=\"term\" id=\"").append(esc(id)).append("\">\n<h3>")
           .append(esc(own ? localName(term) : shortName(term)))
           .append(" <span class=\"kind\">").append(esc(g.kind)).append("</span></h3>\n");
        out.append("<p class=\"iri\"><code>").append(esc(term.getURI())).append("</code></p>\n");
        String definition = preferredText(objects(ontology, term, DEFINITION));
        if (definition != null) out.append("<p class=\"definition\">").append(esc(definition)).append("</p>\n");
        for (Node comment : sortedValues(objects(ontology, term, COMMENT))) {
            out.append("<p class=\"comment\">").append(esc(text(comment))).append("</p>\n");
        }
        out.append("<dl>\n");
        String label = label(term);
        if (label != null) row(out, "Label", esc(label));
        switch (g) {
            case CLASSES -> classRows(out, term);
            case INDIVIDUALS -> individualRows(out, term);
            default -> propertyRows(out, g, term);
        }
        annotationRows(out, term);
        String example = switch (g) {
            case CLASSES -> classExample(term);
            case INDIVIDUALS -> individualExample(term);
            default -> propertyExample(term);
        };
        if (example != null) row(out, "Example", "<span class=\"example\">" + example + "</span>");
        out.append("</dl>\n</section>\n");
    }

    private void classRows(StringBuilder out, Node c) {
        listRow(out, "Superclasses", classes.directlyAbove(c));
        listRow(out, "Subclasses", classes.directlyBelow(c));
        if (inferred != null) listRow(out, "All superclasses", classes.above(c));
        listRow(out, "Equivalent classes", symmetric(c, EQUIVALENT_CLASS));
        listRow(out, "Disjoint with", symmetric(c, DISJOINT_WITH));
        List<Node> inDomain = new ArrayList<>();
        List<Node> inRange = new ArrayList<>();
        for (Group g : List.of(Group.OBJECT_PROPERTIES, Group.DATATYPE_PROPERTIES, Group.ANNOTATION_PROPERTIES)) {
            for (Node p : groups.get(g)) {
                if (objects(ontology, p, DOMAIN).stream().anyMatch(d -> mentions(d, c))) inDomain.add(p);
                if (objects(ontology, p, RANGE).stream().anyMatch(r -> mentions(r, c))) inRange.add(p);
            }
        }
        listRow(out, "Properties with this domain", inDomain);
        listRow(out, "Properties with this range", inRange);
        List<Node> members = new ArrayList<>();
        for (Node i : groups.get(Group.INDIVIDUALS)) {
            if (ontology.contains(i, TYPE, c)) members.add(i);
        }
        listRow(out, "Individuals", members);
    }

    private void propertyRows(StringBuilder out, Group g, Node p) {
        List<String> characteristics = new ArrayList<>();
        CHARACTERISTICS.forEach((type, name) -> {
            if (ontology.contains(p, TYPE, type)) characteristics.add(name);
        });
        if (!characteristics.isEmpty()) row(out, "Characteristics", esc(String.join(", ", characteristics)));
        domainOrRange(out, "Domain", p, DOMAIN);
        domainOrRange(out, "Range", p, RANGE);
        listRow(out, "Super-properties", properties.directlyAbove(p));
        listRow(out, "Sub-properties", properties.directlyBelow(p));
        if (inferred != null) listRow(out, "All super-properties", properties.above(p));
        listRow(out, "Equivalent properties", symmetric(p, EQUIVALENT_PROPERTY));
        listRow(out, "Inverse of", symmetric(p, INVERSE_OF));
        List<String> chains = new ArrayList<>();
        for (Node chain : objects(ontology, p, PROPERTY_CHAIN)) {
            chains.add(join(list(chain), this::expression, " ∘ "));
        }
        chains.sort(null);
        if (!chains.isEmpty()) row(out, "Property chain", String.join("<br>\n", chains));
        listRow(out, "Disjoint with", symmetric(p, PROPERTY_DISJOINT_WITH));
    }

    /** The declared domain or range, or else the one inherited from the nearest super-property that declares one. */
    private void domainOrRange(StringBuilder out, String name, Node p, Node predicate) {
        List<Node> own = objects(ontology, p, predicate);
        if (!own.isEmpty()) {
            row(out, name, joinExpressions(own));
            return;
        }
        for (Node sup : properties.above(p)) {
            List<Node> inherited = objects(ontology, sup, predicate);
            if (!inherited.isEmpty()) {
                row(out, name, joinExpressions(inherited) + " <small>(from " + ref(sup) + ")</small>");
                return;
            }
        }
    }

    private String joinExpressions(Collection<Node> nodes) {
        List<String> parts = new ArrayList<>();
        for (Node n : nodes) parts.add(expression(n));
        parts.sort(Comparator.comparing((String html) -> html.replaceAll("<[^>]*>", "")).thenComparing(Comparator.naturalOrder()));
        return String.join(", ", parts);
    }

    private void individualRows(StringBuilder out, Node i) {
        List<Node> types = new ArrayList<>();
        for (Node t : objects(ontology, i, TYPE)) {
            if (!t.equals(NAMED_INDIVIDUAL) && !Hierarchy.isTrivial(t)) types.add(t);
        }
        listRow(out, "Types", types);
    }

    /** Rows for every other statement about the term: the project's annotations (record key, id kind, Wikidata) and the rest. */
    private void annotationRows(StringBuilder out, Node term) {
        Map<Node, List<Node>> byPredicate = new TreeMap<>(Comparator.comparing(this::shortName).thenComparing(Node::getURI));
        for (Triple t : ontology.find(term, Node.ANY, Node.ANY).toList()) {
            if (t.getPredicate().isURI() && !SHOWN.contains(t.getPredicate())) {
                byPredicate.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
            }
        }
        byPredicate.forEach((p, values) -> row(out, predicateName(p), join(sortedValues(values), this::value, ", ")));
    }

    /** A row name for a predicate: its label (capitalised) linked to its section, or its prefixed name. */
    private String predicateName(Node p) {
        String label = label(p);
        String name = label == null ? shortName(p) : Character.toUpperCase(label.charAt(0)) + label.substring(1);
        String id = anchors.get(p);
        if (id == null) return esc(name);
        return "<a href=\"#" + esc(id) + "\" title=\"" + esc(shortName(p)) + "\">" + esc(name) + "</a>";
    }

    // ------------------------------------------------------------------------------------------
    // Examples from the data

    private String classExample(Node c) {
        Triple best = best(data.find(Node.ANY, TYPE, c).toList());
        if (best == null) {
            List<Triple> triples = new ArrayList<>();
            for (Node sub : classes.below(c)) triples.addAll(data.find(Node.ANY, TYPE, sub).toList());
            best = best(triples);
        }
        return best == null ? null : exampleTriple(best);
    }

    private String propertyExample(Node p) {
        Triple best = best(data.find(Node.ANY, p, Node.ANY).toList());
        if (best == null) {
            List<Triple> triples = new ArrayList<>();
            for (Node sub : properties.below(p)) triples.addAll(data.find(Node.ANY, sub, Node.ANY).toList());
            best = best(triples);
        }
        return best == null ? null : exampleTriple(best);
    }

    private String individualExample(Node i) {
        List<Triple> triples = new ArrayList<>();
        for (Triple t : data.find(Node.ANY, Node.ANY, i).toList()) {
            if (!t.getPredicate().equals(TYPE)) triples.add(t);
        }
        Triple best = best(triples);
        return best == null ? null : exampleTriple(best);
    }

    /** The triple to show: an entity with a label before one without, an entity before other IRIs; then by IRI. */
    private Triple best(List<Triple> triples) {
        Triple best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Triple t : triples) {
            Node s = t.getSubject();
            if (!s.isURI()) continue;
            int rank = isEntity(s) ? (dataLabel(s) != null ? 0 : 1) : 2;
            if (best == null || rank < bestRank || rank == bestRank && compareTriples(t, best) < 0) {
                best = t;
                bestRank = rank;
            }
        }
        return best;
    }

    private int compareTriples(Triple a, Triple b) {
        int c = a.getSubject().getURI().compareTo(b.getSubject().getURI());
        if (c != 0) return c;
        c = a.getPredicate().toString().compareTo(b.getPredicate().toString());
        if (c != 0) return c;
        c = nodeKey(a.getObject()).compareTo(nodeKey(b.getObject()));
        // Blank nodes compare by what the page would show of them, not by their labels.
        return c != 0 || !a.getObject().isBlank() ? c : dataNode(a.getObject(), 0).compareTo(dataNode(b.getObject(), 0));
    }

    /** A sort key for a node that does not depend on blank node labels. */
    private static String nodeKey(Node n) {
        if (n.isURI()) return "1" + n.getURI();
        if (n.isLiteral()) return "2" + n.getLiteralLexicalForm() + "\u0000" + n.getLiteralDatatypeURI() + "\u0000" + n.getLiteralLanguage();
        return "3";
    }

    private String exampleTriple(Triple t) {
        return dataNode(t.getSubject(), 0) + " " + term(t.getPredicate()) + " " + dataNode(t.getObject(), 0) + " .";
    }

    private boolean isEntity(Node n) {
        return IriScheme.isOurs(n);
    }

    private String dataLabel(Node n) {
        return preferredText(objects(data, n, LABEL));
    }

    /** A node of the data: an entity linked through entityLink with its label, a term linked to its section, a literal, or a blank node's statements. */
    private String dataNode(Node n, int depth) {
        if (n.isURI()) {
            if (!isEntity(n)) return term(n);
            String label = dataLabel(n);
            String href = entityLink.apply(n.getURI());
            String iri = "<code>" + esc(n.getURI()) + "</code>";
            String linked = href == null ? iri : "<a href=\"" + esc(href) + "\">" + iri + "</a>";
            return label == null ? linked : linked + " (" + literalText(label) + ")";
        }
        if (n.isLiteral()) return literal(n);
        if (depth > 0) return "[…]";
        List<String> parts = new ArrayList<>();
        List<Triple> triples = data.find(n, Node.ANY, Node.ANY).toList();
        triples.sort((a, b) -> {
            int c = a.getPredicate().toString().compareTo(b.getPredicate().toString());
            return c != 0 ? c : nodeKey(a.getObject()).compareTo(nodeKey(b.getObject()));
        });
        for (Triple t : triples) {
            if (parts.size() == 6) {
                parts.add("…");
                break;
            }
            parts.add(term(t.getPredicate()) + " " + dataNode(t.getObject(), depth + 1));
        }
        return parts.isEmpty() ? "[ ]" : "[ " + String.join(" ; ", parts) + " ]";
    }

    private String literalText(String text) {
        return "<span class=\"literal\">“" + esc(truncate(text)) + "”</span>";
    }

    /** A literal as in Turtle: quoted, with its language or (unless a string) its datatype. */
    private String literal(Node n) {
        StringBuilder s = new StringBuilder("<span class=\"literal\">\"").append(esc(truncate(n.getLiteralLexicalForm()))).append("\"</span>");
        String lang = n.getLiteralLanguage();
        String dt = n.getLiteralDatatypeURI();
        if (lang != null && !lang.isEmpty()) s.append("@").append(esc(lang));
        else if (dt != null && !dt.equals(XSD.xstring.getURI())) s.append("^^").append(term(uri(dt)));
        return s.toString();
    }

    private static String truncate(String s) {
        if (s.codePointCount(0, s.length()) <= 300) return s;
        return s.substring(0, s.offsetByCodePoints(0, 300)) + "…";
    }

    // ------------------------------------------------------------------------------------------
    // Terms, expressions and values of the ontology

    /** A term: linked to its section if the page documents it, else its prefixed name. */
    private String ref(Node n) {
        String id = anchors.get(n);
        String name = "<code>" + esc(shortName(n)) + "</code>";
        if (id == null) return name;
        String label = label(n);
        return "<a href=\"#" + esc(id) + "\"" + (label == null ? "" : " title=\"" + esc(label) + "\"") + ">" + name + "</a>";
    }

    private String term(Node n) {
        return n.isURI() ? ref(n) : expression(n);
    }

    /** A class or data range: a term, or a blank node's union, intersection, complement, enumeration or restriction. */
    private String expression(Node n) {
        return expression(n, 0);
    }

    private String expression(Node n, int depth) {
        if (n.isURI()) return ref(n);
        if (n.isLiteral()) return literal(n);
        if (depth > 8) return "…";
        Node union = one(ontology, n, UNION_OF);
        if (union != null) return join(list(union), x -> nested(x, depth), " or ");
        Node intersection = one(ontology, n, INTERSECTION_OF);
        if (intersection != null) return join(list(intersection), x -> nested(x, depth), " and ");
        Node complement = one(ontology, n, COMPLEMENT_OF);
        if (complement != null) return "not " + nested(complement, depth);
        Node oneOf = one(ontology, n, ONE_OF);
        if (oneOf != null) return "{ " + join(list(oneOf), x -> expression(x, depth + 1), ", ") + " }";
        Node onProperty = one(ontology, n, ON_PROPERTY);
        if (onProperty != null) {
            for (Map.Entry<Node, String> r : RESTRICTIONS.entrySet()) {
                Node v = one(ontology, n, r.getKey());
                if (v == null) continue;
                String head = expression(onProperty, depth + 1) + " " + r.getValue();
                if (v.isLiteral() && r.getKey().getURI().contains("ardinality")) {
                    Node qualifier = one(ontology, n, OWL2.onClass.asNode());
                    if (qualifier == null) qualifier = one(ontology, n, OWL2.onDataRange.asNode());
                    return head + " " + esc(v.getLiteralLexicalForm()) + (qualifier == null ? "" : " " + nested(qualifier, depth));
                }
                if (r.getValue().equals("Self")) return expression(onProperty, depth + 1) + " some Self";
                return head + " " + nested(v, depth);
            }
        }
        Node onDatatype = one(ontology, n, ON_DATATYPE);
        if (onDatatype != null) {
            List<String> facets = new ArrayList<>();
            Node restrictions = one(ontology, n, WITH_RESTRICTIONS);
            if (restrictions != null) {
                for (Node facet : list(restrictions)) {
                    for (Triple t : ontology.find(facet, Node.ANY, Node.ANY).toList()) {
                        facets.add(term(t.getPredicate()) + " " + expression(t.getObject(), depth + 1));
                    }
                }
            }
            facets.sort(null);
            return expression(onDatatype, depth + 1) + "[" + String.join(", ", facets) + "]";
        }
        return "<em>an anonymous class or data range</em>";
    }

    private String nested(Node n, int depth) {
        String s = expression(n, depth + 1);
        return n.isBlank() ? "(" + s + ")" : s;
    }

    /** A value of an annotation: a term, a plain text, or a typed literal. */
    private String value(Node n) {
        if (n.isURI()) return isEntity(n) ? dataNode(n, 0) : ref(n);
        if (n.isBlank()) return expression(n);
        String lang = n.getLiteralLanguage();
        String dt = n.getLiteralDatatypeURI();
        String text = esc(n.getLiteralLexicalForm());
        if (lang != null && !lang.isEmpty()) return lang.equalsIgnoreCase("en") ? text : text + " <small>@" + esc(lang) + "</small>";
        if (dt != null && !dt.equals(XSD.xstring.getURI())) return text + " <small>(" + term(uri(dt)) + ")</small>";
        return text;
    }

    private static String text(Node n) {
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : "";
    }

    private void row(StringBuilder out, String name, String html) {
        out.append("<dt>").append(name).append("</dt><dd>").append(html).append("</dd>\n");
    }

    private void listRow(StringBuilder out, String name, Collection<Node> nodes) {
        if (nodes.isEmpty()) return;
        row(out, name, joinExpressions(nodes));
    }

    private <T> String join(List<T> items, Function<T, String> f, String separator) {
        List<String> parts = new ArrayList<>();
        for (T item : items) parts.add(f.apply(item));
        return String.join(separator, parts);
    }

    /** Whether a domain or range names the class, itself or in a union. */
    private boolean mentions(Node expression, Node c) {
        if (expression.equals(c)) return true;
        if (!expression.isBlank()) return false;
        Node union = one(ontology, expression, UNION_OF);
        return union != null && list(union).contains(c);
    }

    /** Terms related to {@code n} by a symmetric predicate, stated either way round. */
    private List<Node> symmetric(Node n, Node predicate) {
        Set<Node> related = new HashSet<>(objects(ontology, n, predicate));
        related.addAll(subjects(ontology, predicate, n));
        related.remove(n);
        return sorted(related);
    }

    /** The items of an RDF list (stopping at a cycle or a malformed cell). */
    private List<Node> list(Node head) {
        List<Node> items = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        Node cell = head;
        while (cell != null && !cell.equals(NIL) && seen.add(cell)) {
            Node first = one(ontology, cell, FIRST);
            if (first == null) break;
            items.add(first);
            cell = one(ontology, cell, REST);
        }
        return items;
    }

    /** The text to show among several literals: English, then no language, then the first in order. */
    private static String preferredText(List<Node> values) {
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Node v : values) {
            if (!v.isLiteral()) continue;
            String lang = v.getLiteralLanguage() == null ? "" : v.getLiteralLanguage().toLowerCase(java.util.Locale.ROOT);
            int rank = lang.equals("en") ? 0 : lang.startsWith("en-") ? 1 : lang.isEmpty() ? 2 : 3;
            String text = v.getLiteralLexicalForm();
            if (rank < bestRank || rank == bestRank && text.compareTo(best) < 0) {
                best = text;
                bestRank = rank;
            }
        }
        return best;
    }

    private String label(Node term) {
        return preferredText(objects(ontology, term, LABEL));
    }

    private String firstText(Node s, Node... predicates) {
        for (Node p : predicates) {
            String t = preferredText(objects(ontology, s, p));
            if (t != null) return t;
        }
        return null;
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        List<Node> result = new ArrayList<>();
        g.find(s, p, Node.ANY).forEach(t -> result.add(t.getObject()));
        return result;
    }

    private static List<Node> subjects(Graph g, Node p, Node o) {
        List<Node> result = new ArrayList<>();
        g.find(Node.ANY, p, o).forEach(t -> result.add(t.getSubject()));
        return result;
    }

    private static Node one(Graph g, Node s, Node p) {
        List<Node> all = objects(g, s, p);
        if (all.isEmpty()) return null;
        all.sort(Comparator.comparing(OntologyDocumentation::nodeKey));
        return all.get(0);
    }

    /** IRIs first in order, then literals, then blank nodes (whose order among themselves is that of their rendering). */
    private List<Node> sorted(Iterable<Node> nodes) {
        List<Node> list = new ArrayList<>();
        nodes.forEach(list::add);
        list.sort(Comparator.comparing(OntologyDocumentation::nodeKey));
        return list;
    }

    private List<Node> sortedValues(List<Node> values) {
        List<Node> list = new ArrayList<>(new LinkedHashSet<>(values));
        list.sort(Comparator.comparing(OntologyDocumentation::nodeKey).thenComparing(this::value));
        return list;
    }

    private static String esc(String s) {
        return Html.esc(s);
    }
}

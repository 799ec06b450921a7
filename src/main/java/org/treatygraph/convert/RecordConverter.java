package org.treatygraph.convert;

import java.util.*;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.treatygraph.ontology.OntologyIndex;
import org.treatygraph.ontology.TG;
import org.treatygraph.ontology.Term;

/**
 * Turns records into triples by way of the ontology: each key is looked up as an ontology term, each
 * value is checked against the term's range (datatype, class, or set of individuals), and each triple
 * keeps the passages that state it. There is no per-class code here.
 */
public final class RecordConverter {
    private static final Pattern ID = Pattern.compile("([a-z]+)/([a-z0-9]+(?:-[a-z0-9]+)*)");
    private static final Pattern REF = Pattern.compile("[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Set<String> RESERVED = Set.of("id", "about", "type", "cite");
    private static final Set<String> WRAPPER_KEYS = Set.of("value", "ref", "cite", "note");

    private final OntologyIndex ontology;
    private final Citations citations;
    private final boolean citationsRequired;
    private final List<Problem> problems;

    private final Map<Triple, Fact> facts = new LinkedHashMap<>();
    private final Map<Node, Location> definitions = new HashMap<>();
    private final Map<Node, Set<Node>> types = new HashMap<>();
    private final List<Reference> references = new ArrayList<>();

    private record Reference(Node target, Term term, Location location) {}

    /**
     * Stands for the citations of a record whose quotes could not be located: those are reported already,
     * so its facts are not reported again as uncited. Compared by identity.
     */
    private static final List<Cite> UNRESOLVED = java.util.Collections.unmodifiableList(new ArrayList<>());

    private List<Cite> resolve(YamlNode cite) {
        List<Cite> found = citations.resolve(cite);
        return found.isEmpty() && !cite.items().isEmpty() ? UNRESOLVED : found;
    }

    /**
     * @param citationsRequired whether every fact must cite a passage (records: yes; the source list: no)
     */
    RecordConverter(OntologyIndex ontology, Citations citations, boolean citationsRequired, List<Problem> problems) {
        this.ontology = ontology;
        this.citations = citations;
        this.citationsRequired = citationsRequired;
        this.problems = problems;
    }

    public Collection<Fact> facts() { return facts.values(); }
    public Map<Node, Location> definitions() { return definitions; }

    /** Converts one file's records. */
    void convertFile(YamlNode root) {
        if (!root.isList()) {
            problems.add(new Problem(root.location(), "a records file is a list of records (each starting with '- id:'), found " + root.describe()));
            return;
        }
        for (YamlNode record : root.items()) convertRecord(record);
    }

    private void convertRecord(YamlNode record) {
        if (!record.isMap()) {
            problems.add(new Problem(record.location(), "a record is a map of keys, found " + record.describe()));
            return;
        }
        YamlNode id = record.get("id"), about = record.get("about");
        if ((id == null) == (about == null)) {
            problems.add(new Problem(record.location(), "a record has either 'id' (a new entity) or 'about' (facts about an entity defined elsewhere)"));
            return;
        }
        YamlNode idNode = id != null ? id : about;
        String idText = idNode.isScalar() ? idNode.text() : null;
        var m = idText == null ? null : ID.matcher(idText);
        if (m == null || !m.matches()) {
            problems.add(new Problem(idNode.location(), "an id is {kind}/{slug} with a lower-case, hyphenated slug (e.g. agreement/treaty-of-kars-1921), found " + idNode.describe()));
            return;
        }
        String kind = m.group(1);
        Optional<Node> kindClass = ontology.classForKind(kind);
        if (kindClass.isEmpty()) {
            problems.add(new Problem(idNode.location(), "unknown kind '" + kind + "' in id " + idText
                    + Suggest.nearest(kind, ontology.kinds()) + " (kinds: " + String.join(", ", ontology.kinds()) + ")"));
            return;
        }
        Node subject = TG.entity(idText);
        if (id != null) {
            if (!define(subject, idNode.location())) return;
            if (record.get("type") == null) {
                problems.add(new Problem(record.location(), "record " + idText + " needs a type (a subclass of " + ontology.shortName(kindClass.get()) + ")"));
            }
        } else {
            references.add(new Reference(subject, null, idNode.location()));
        }
        List<Cite> cites = record.get("cite") != null ? resolve(record.get("cite")) : List.of();
        convertNode(subject, record, cites, null, id != null ? kindClass.get() : null, idText);
    }

    private boolean define(Node node, Location at) {
        Location earlier = definitions.putIfAbsent(node, at);
        if (earlier != null) {
            problems.add(new Problem(at, "duplicate id " + node.getURI().substring(TG.ID.length()) + " (already defined at " + earlier + ")"));
            return false;
        }
        return true;
    }

    /** Converts a record or nested node whose citations ({@code cites}: its own, or its parent's) are resolved. */
    private void convertNode(Node subject, YamlNode map, List<Cite> cites, Node defaultType, Node kindClass, String idText) {
        List<Node> declared = new ArrayList<>();
        YamlNode type = map.get("type");
        if (type != null) {
            for (YamlNode t : type.items()) {
                Optional<Node> cls = t.isScalar() && t.text() != null ? ontology.classNamed(t.text()) : Optional.empty();
                if (cls.isEmpty()) {
                    problems.add(new Problem(t.location(), "unknown class " + t.describe() + Suggest.nearest(t.text(), ontology.classNames())));
                    continue;
                }
                declared.add(cls.get());
                emit(subject, RDF.type.asNode(), cls.get(), cites, t.location(), "type");
            }
        } else if (defaultType != null) {
            emit(subject, RDF.type.asNode(), defaultType, cites, map.location(), "type");
        }
        if (kindClass != null && !declared.isEmpty() && declared.stream().noneMatch(c -> ontology.isSubClassOf(c, kindClass))) {
            problems.add(new Problem(type.location(), "an id of kind '" + idText.substring(0, idText.indexOf('/')) + "' must be a "
                    + ontology.shortName(kindClass) + " or a subclass of it; " + ontology.shortName(declared.get(0)) + " is not"));
        }

        Map<String, Integer> counters = new HashMap<>();
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            String key = e.getKey();
            if (RESERVED.contains(key)) continue;
            Optional<Term> term = ontology.term(key);
            if (term.isEmpty()) {
                problems.add(new Problem(map.keyLocation(key), "unknown key '" + key + "': no such ontology term" + Suggest.nearest(key, ontology.keys())));
                continue;
            }
            for (YamlNode value : e.getValue().items()) convertValue(subject, term.get(), value, cites, counters);
        }
    }

    private void convertValue(Node subject, Term term, YamlNode value, List<Cite> cites, Map<String, Integer> counters) {
        if (value.isList()) {
            problems.add(new Problem(value.location(), "a list inside a list is not a value of '" + term.key() + "'"));
            return;
        }
        if (value.isScalar()) {
            emitScalar(subject, term, value, cites);
            return;
        }
        if (isWrapper(value)) {
            List<Cite> own = value.get("cite") != null ? resolve(value.get("cite")) : cites;
            YamlNode v = value.get("value") != null ? value.get("value") : value.get("ref");
            if (v == null || !v.isScalar()) {
                problems.add(new Problem(value.location(), "a cited value needs 'value' (a literal) or 'ref' (an id)"));
                return;
            }
            Fact fact = emitScalar(subject, term, v, own);
            YamlNode note = value.get("note");
            if (fact != null && note != null) {
                for (YamlNode n : note.items()) {
                    if (n.isScalar() && n.text() != null) fact.notes().add(n.text().strip());
                    else problems.add(new Problem(n.location(), "a note on a value is text, found " + n.describe()));
                }
            }
            return;
        }
        if (!term.isObjectProperty()) {
            problems.add(new Problem(value.location(), "'" + term.key() + "' takes a literal value"
                    + (term.datatypes().isEmpty() ? "" : " (" + describe(term.datatypes()) + ")") + ", found a map"));
            return;
        }
        YamlNode localId = value.get("id");
        String slug;
        if (localId != null) {
            slug = localId.isScalar() ? localId.text() : null;
            if (slug == null || !SLUG.matcher(slug).matches()) {
                problems.add(new Problem(localId.location(), "a nested id is a lower-case, hyphenated slug (e.g. article-5), found " + localId.describe()));
                return;
            }
        } else {
            slug = kebab(term.key()) + "-" + counters.merge(term.key(), 1, Integer::sum);
        }
        Node node = NodeFactory.createURI(subject.getURI() + "/" + slug);
        if (!define(node, value.location())) return;
        List<Cite> nodeCites = value.get("cite") != null ? resolve(value.get("cite")) : cites;
        emit(subject, term.property(), node, nodeCites, value.location(), term.key());
        Node defaultType = term.range() != null && ontology.isClass(term.range()) ? term.range() : null;
        convertNode(node, value, nodeCites, defaultType, null, null);
    }

    private static boolean isWrapper(YamlNode map) {
        return (map.get("value") != null || map.get("ref") != null) && WRAPPER_KEYS.containsAll(map.entries().keySet());
    }

    private Fact emitScalar(Node subject, Term term, YamlNode value, List<Cite> cites) {
        String text = value.text();
        if (text == null || text.isBlank()) {
            problems.add(new Problem(value.location(), "no value given for '" + term.key() + "'"));
            return null;
        }
        Node object = switch (term.kind()) {
            case OBJECT -> reference(term, text.strip(), value.location());
            case DATATYPE -> literal(term, text, value.location());
            case ANNOTATION -> NodeFactory.createLiteralLang(text.strip(), "en");
        };
        return object == null ? null : emit(subject, term.property(), object, cites, value.location(), term.key());
    }

    private Node reference(Term term, String text, Location at) {
        if (text.startsWith("http://") || text.startsWith("https://")) {
            if (term.range() != null) {
                problems.add(new Problem(at, "'" + term.key() + "' takes an id of this graph (" + ontology.shortName(term.range()) + "), not an outside IRI"));
                return null;
            }
            return NodeFactory.createURI(text);
        }
        if (text.contains("/")) {
            if (!REF.matcher(text).matches()) {
                problems.add(new Problem(at, "malformed reference '" + text + "' (an id is {kind}/{slug}, e.g. polity/rsfsr)"));
                return null;
            }
            Node target = TG.entity(text);
            references.add(new Reference(target, term, at));
            return target;
        }
        Optional<Node> individual = ontology.individualNamed(text);
        if (individual.isEmpty()) {
            problems.add(new Problem(at, "'" + text + "' is neither an id ({kind}/{slug}) nor an individual of the ontology"
                    + Suggest.nearest(text, ontology.individualNames())));
            return null;
        }
        if (term.range() != null && ontology.typesOf(individual.get()).stream().noneMatch(t -> ontology.isSubClassOf(t, term.range()))) {
            problems.add(new Problem(at, "'" + text + "' is not a " + ontology.shortName(term.range()) + ", which '" + term.key() + "' expects"));
            return null;
        }
        return individual.get();
    }

    private Node literal(Term term, String text, Location at) {
        if (term.datatypes().isEmpty()) return NodeFactory.createLiteralString(text.strip());
        String lexical = text.strip();
        for (String dt : term.datatypes()) {
            RDFDatatype datatype = TypeMapper.getInstance().getSafeTypeByName(dt);
            if (datatype.equals(XSDDatatype.XSDstring)) return NodeFactory.createLiteralString(text.strip());
            if (datatype.isValid(lexical)) return NodeFactory.createLiteralDT(lexical, datatype);
        }
        problems.add(new Problem(at, "wrong datatype for '" + term.key() + "': expected " + describe(term.datatypes()) + ", found '" + lexical + "'"));
        return null;
    }

    private static String describe(List<String> datatypes) {
        List<String> names = datatypes.stream().map(d -> "xsd:" + d.substring(d.indexOf('#') + 1)).toList();
        return names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** Records a fact; editorial notes are the editors' words, not the sources', and need no citation. */
    Fact emit(Node s, Node p, Node o, Collection<Cite> cites, Location at, String key) {
        if (p.equals(RDF.type.asNode())) types.computeIfAbsent(s, k -> new HashSet<>()).add(o);
        boolean editorial = p.equals(TG.note);
        if (citationsRequired && !editorial && cites.isEmpty() && cites != UNRESOLVED) {
            problems.add(new Problem(at, "'" + key + "' states a fact with no citation: give this record or value a 'cite'"));
        }
        Fact fact = facts.computeIfAbsent(Triple.create(s, p, o), t -> new Fact(t, at));
        fact.cites().addAll(cites);
        return fact;
    }

    /** After every file is converted: every reference must name a defined entity of the expected class. */
    void checkReferences(Map<Node, Location> alsoDefined) {
        for (Reference r : references) {
            if (!definitions.containsKey(r.target()) && !alsoDefined.containsKey(r.target())) {
                String id = r.target().getURI().substring(TG.ID.length());
                problems.add(new Problem(r.location(), "dangling reference " + id + ": no record defines it"
                        + Suggest.nearest(id, definitions.keySet().stream().map(n -> n.getURI().substring(TG.ID.length())).toList())));
                continue;
            }
            if (r.term() == null || r.term().range() == null) continue;
            Set<Node> targetTypes = types.getOrDefault(r.target(), Set.of());
            if (!targetTypes.isEmpty() && targetTypes.stream().noneMatch(t -> ontology.isSubClassOf(t, r.term().range()))) {
                problems.add(new Problem(r.location(), "'" + r.term().key() + "' expects a " + ontology.shortName(r.term().range()) + ", but "
                        + r.target().getURI().substring(TG.ID.length()) + " is a "
                        + targetTypes.stream().map(ontology::shortName).sorted().reduce((a, b) -> a + ", " + b).orElse("")));
            }
        }
    }

    private static String kebab(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT).replace(':', '-');
    }
}

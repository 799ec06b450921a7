package org.treatygraph.convert;

import java.util.*;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.treatygraph.core.Location;
import org.treatygraph.core.Problem;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.OntologyIndex;
import org.treatygraph.ontology.TG;
import org.treatygraph.ontology.Term;

/**
 * Turns records into triples by way of the ontology: each key is looked up as an ontology term, each
 * value is checked against the term's range (datatype, class, or set of individuals), and each triple
 * keeps the passages that state it. There is no per-class code here.
 */
public final class RecordConverter {
    private static final Pattern ID = IriScheme.ENTITY_ID;
    private static final Pattern REF = Pattern.compile("[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Set<String> RESERVED = Set.of("id", "about", "type", "cite", "reading", "editorial", "restsOn", "accordingTo");
    private static final Set<String> WRAPPER_KEYS = Set.of("value", "ref", "cite", "note", "reading", "editorial", "restsOn", "accordingTo");

    private final OntologyIndex ontology;
    private final Citations citations;
    private final boolean citationsRequired;
    private final Literals literals;
    private final List<Problem> problems;

    private final Map<Triple, Fact> facts = new LinkedHashMap<>();
    private final Map<Node, Location> definitions = new HashMap<>();
    private final Set<Node> entities = new HashSet<>();
    private final Map<Node, Set<Node>> types = new HashMap<>();
    private final List<Reference> references = new ArrayList<>();

    private record Reference(Node target, Term term, Location location) {}

    /** What 'accordingTo' refers to: an agent of the graph. */
    private static final Term AUTHOR = new Term("accordingTo", TG.accordingTo, Term.Kind.OBJECT, TG.Agent, List.of());

    /**
     * The evidence a map (record, nested node or value) offers: its own {@code cite}, {@code reading},
     * {@code editorial}, {@code restsOn} and {@code accordingTo}, over what it inherits from around it.
     */
    private Evidence evidence(YamlNode map, Evidence around, boolean value) {
        YamlNode cite = map.get("cite"), reading = map.get("reading"), editorial = map.get("editorial"), restsOn = map.get("restsOn");
        Evidence ev = around.inherited();
        if (cite != null) {
            List<Cite> found = citations.resolve(cite);
            ev = new Evidence(found, value, ev.reading(), null, ev.restsOn(), found.size() < cite.items().size(), ev.accordingTo());
        }
        if (reading != null) {
            String why = prose(reading, "reading");
            if (why != null) ev = new Evidence(ev.cites(), ev.own(), why, null, ev.restsOn(), ev.unresolved(), ev.accordingTo());
        }
        if (editorial != null) {
            String why = prose(editorial, "editorial");
            if (cite != null)
                problems.add(new Problem(map.keyLocation("cite"), "an editorial fact cites no source (the editors assert it): "
                        + "name the passages its reasoning rests on with restsOn, or drop 'editorial' if a passage states it"));
            if (why != null) ev = new Evidence(List.of(), false, null, why, ev.restsOn(), false, List.of());
        }
        if (restsOn != null) {
            List<Cite> on = citations.resolve(restsOn);
            ev = new Evidence(ev.cites(), ev.own(), ev.reading(), ev.editorial(), on, ev.unresolved(), ev.accordingTo());
        }
        YamlNode according = map.get("accordingTo");
        if (according != null) {
            // A claim the source reports ("according to S. Kuznetsova"): it names its author as well as the source.
            List<Node> authors = new ArrayList<>();
            for (YamlNode a : according.items()) {
                String text = a.isScalar() ? a.text() : null;
                if (text == null || !REF.matcher(text.strip()).matches()) {
                    problems.add(new Problem(a.location(), "'accordingTo' names whose claim the passage reports by id (e.g. person/kuznetsova), found " + a.describe()));
                    continue;
                }
                Node author = IriScheme.iri(text.strip());
                references.add(new Reference(author, AUTHOR, a.location()));
                authors.add(author);
            }
            ev = new Evidence(ev.cites(), ev.own(), ev.reading(), ev.editorial(), ev.restsOn(), ev.unresolved(), authors);
        }
        return ev;
    }

    private String prose(YamlNode n, String key) {
        if (n.isScalar() && n.text() != null && !n.text().isBlank()) return n.text().strip();
        problems.add(new Problem(n.location(), "'" + key + "' is the editors' reasoning in words, found " + n.describe()));
        return null;
    }

    /**
     * @param citationsRequired whether every fact must cite a passage (records: yes; the source list: no)
     * @param dates             the window of plausible dates, or null to leave dates unchecked
     */
    RecordConverter(OntologyIndex ontology, Citations citations, boolean citationsRequired, DateWindow dates, List<Problem> problems) {
        this.ontology = ontology;
        this.citations = citations;
        this.citationsRequired = citationsRequired;
        this.literals = new Literals(dates);
        this.problems = problems;
    }

    public Collection<Fact> facts() { return facts.values(); }
    public Map<Node, Location> definitions() { return definitions; }
    /** The entities records define with an id (not nested nodes). */
    Set<Node> entities() { return entities; }

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
        // 'about' may name a nested node too (agreement/treaty-of-kars-1921/signing-1): a second source adds its date to the one signing.
        var m = idText == null ? null : id != null ? ID.matcher(idText) : REF.matcher(idText);
        if (m == null || !m.matches()) {
            problems.add(new Problem(idNode.location(), id != null
                    ? "an id is {kind}/{slug} with a lower-case, hyphenated slug (e.g. agreement/treaty-of-kars-1921), found " + idNode.describe()
                    : "'about' names an entity ({kind}/{slug}) or one of its nested nodes (agreement/treaty-of-kars-1921/signing-1), found " + idNode.describe()));
            return;
        }
        String kind = idText.substring(0, idText.indexOf('/'));
        Optional<Node> kindClass = ontology.classForKind(kind);
        if (kindClass.isEmpty()) {
            problems.add(new Problem(idNode.location(), "unknown kind '" + kind + "' in id " + idText
                    + Suggest.nearest(kind, ontology.kinds()) + " (kinds: " + String.join(", ", ontology.kinds()) + ")"));
            return;
        }
        Node subject = IriScheme.iri(idText);
        if (id != null) {
            if (!define(subject, idNode.location())) return;
            entities.add(subject);
            if (record.get("type") == null) {
                problems.add(new Problem(record.location(), "record " + idText + " needs a type (a subclass of " + ontology.shortName(kindClass.get()) + ")"));
            }
        } else {
            references.add(new Reference(subject, null, idNode.location()));
        }
        if (record.get("reading") != null)
            problems.add(new Problem(record.keyLocation("reading"), "a reading belongs to the fact it explains: put it on that value ({ref: …, cite: …, reading: …}) or nested node, not on the whole record"));
        convertNode(subject, record, evidence(record, Evidence.NONE, false), null, id != null ? kindClass.get() : null, idText);
    }

    private boolean define(Node node, Location at) {
        Location earlier = definitions.putIfAbsent(node, at);
        if (earlier != null) {
            problems.add(new Problem(at, "duplicate id " + IriScheme.id(node) + " (already defined at " + earlier + ")"));
            return false;
        }
        return true;
    }

    /** Converts a record or nested node with the evidence it offers its facts (its own, or its parent's). */
    private void convertNode(Node subject, YamlNode map, Evidence ev, Node defaultType, Node kindClass, String idText) {
        List<Node> declared = new ArrayList<>();
        YamlNode type = map.get("type");
        if (type != null) {
            for (YamlNode item : type.items()) {
                YamlNode t = item;
                Evidence typeEv = ev;
                if (item.isMap() && isWrapper(item)) {
                    t = item.get("value") != null ? item.get("value") : item.get("ref");
                    typeEv = evidence(item, ev, true);
                }
                Optional<Node> cls = t.isScalar() && t.text() != null ? ontology.classNamed(t.text()) : Optional.empty();
                if (cls.isEmpty()) {
                    problems.add(new Problem(t.location(), "unknown class " + t.describe() + Suggest.nearest(t.text(), ontology.classNames())));
                    continue;
                }
                declared.add(cls.get());
                emit(subject, RDF.type.asNode(), cls.get(), typeEv, t.location(), "type");
            }
        } else if (defaultType != null) {
            emit(subject, RDF.type.asNode(), defaultType, ev, map.location(), "type");
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
            var derived = ontology.graph().find(term.get().property(), TG.derivedFrom, Node.ANY);
            if (derived.hasNext()) {
                // The reasoner derives it (a status from its event), so that it always has the event's date and evidence.
                problems.add(new Problem(map.keyLocation(key), "'" + key + "' is not recorded: the reasoner derives it from "
                        + derived.next().getObject().getLiteralLexicalForm()));
                continue;
            }
            for (YamlNode value : e.getValue().items()) convertValue(subject, term.get(), value, ev, counters);
        }
    }

    private void convertValue(Node subject, Term term, YamlNode value, Evidence ev, Map<String, Integer> counters) {
        if (value.isList()) {
            problems.add(new Problem(value.location(), "a list inside a list is not a value of '" + term.key() + "'"));
            return;
        }
        boolean isNote = term.property().equals(TG.note);
        if (value.isScalar()) {
            emitScalar(subject, term, value, isNote ? Evidence.NONE : ev);
            return;
        }
        if (isWrapper(value)) {
            YamlNode v = value.get("value") != null ? value.get("value") : value.get("ref");
            if (v == null || !v.isScalar()) {
                problems.add(new Problem(value.location(), "a cited value needs 'value' (a literal) or 'ref' (an id)"));
                return;
            }
            if (isNote && (value.get("cite") != null || value.get("reading") != null)) {
                String k = value.get("cite") != null ? "cite" : "reading";
                problems.add(new Problem(value.keyLocation(k), "an editor's note is the editors' words and cites no source: "
                        + "name the passages it discusses with restsOn, and state what a passage says as a fact of its own"));
                return;
            }
            Evidence own = evidence(value, isNote ? Evidence.NONE : ev, true);
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
        Evidence nodeEv = evidence(value, ev, false);
        emit(subject, term.property(), node, nodeEv, value.location(), term.key());
        Node defaultType = term.range() != null && ontology.isClass(term.range()) ? term.range() : null;
        convertNode(node, value, nodeEv, defaultType, null, null);
    }

    private static boolean isWrapper(YamlNode map) {
        return (map.get("value") != null || map.get("ref") != null) && WRAPPER_KEYS.containsAll(map.entries().keySet());
    }

    private Fact emitScalar(Node subject, Term term, YamlNode value, Evidence ev) {
        String text = value.text();
        if (text == null || text.isBlank()) {
            problems.add(new Problem(value.location(), "no value given for '" + term.key() + "'"));
            return null;
        }
        Node object = switch (term.kind()) {
            case OBJECT -> reference(term, text.strip(), value.location());
            case DATATYPE -> literals.literal(term, value, problems);
            case ANNOTATION -> NodeFactory.createLiteralLang(text.strip(), "en");
        };
        return object == null ? null : emit(subject, term.property(), object, ev, value.location(), term.key());
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
            Node target = IriScheme.iri(text);
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

    /** "xsd:date, xsd:gYearMonth or xsd:gYear". */
    static String describe(List<String> datatypes) {
        return either(datatypes.stream().map(d -> "xsd:" + d.substring(d.indexOf('#') + 1)).toList());
    }

    /** "a", "a or b", "a, b or c". */
    static String either(List<String> names) {
        return names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** Records a fact with the evidence this place offers for it; {@link Support} weighs the evidence later. */
    Fact emit(Node s, Node p, Node o, Evidence ev, Location at, String key) {
        if (p.equals(RDF.type.asNode())) types.computeIfAbsent(s, k -> new HashSet<>()).add(o);
        Fact fact = facts.computeIfAbsent(Triple.create(s, p, o), t -> new Fact(t, at));
        fact.offers().add(new Fact.Offer(ev, at, key));
        return fact;
    }

    /** A fact that follows from another (a date's bounds from its value): it rests on what that one rests on. */
    void derive(Node s, Node p, Node o, Fact from) {
        Fact fact = facts.computeIfAbsent(Triple.create(s, p, o), t -> new Fact(t, from.location()));
        fact.basis(from.basis());
        fact.cites().addAll(from.cites());
        fact.restsOn().addAll(from.restsOn());
        fact.readings().addAll(from.readings());
        fact.editorialReasons().addAll(from.editorialReasons());
    }

    boolean citationsRequired() { return citationsRequired; }
    Map<Node, Set<Node>> types() { return types; }

    /**
     * A records file that could not be read (malformed YAML, a byte that is not UTF-8): where it failed, and
     * the ids its text seems to define, so that references to them are not reported as dangling.
     */
    record Unreadable(Location error, Set<Node> ids) {
        private static final Pattern WRITTEN_ID = Pattern.compile("(?<![\\w-])[\"']?id[\"']?\\s*:\\s*[\"']?(" + ID.pattern() + ")");

        static Unreadable of(Location error, String text) {
            Set<Node> ids = new HashSet<>();
            for (var m = WRITTEN_ID.matcher(text); m.find(); ) ids.add(IriScheme.iri(m.group(1)));
            return new Unreadable(error, ids);
        }

        /** Whether the id, or the entity it is a node of, is one the file seems to define. */
        boolean mayDefine(Node target) {
            return ids.stream().anyMatch(id -> target.equals(id) || target.getURI().startsWith(id.getURI() + "/"));
        }
    }

    /**
     * After every file is converted: every reference must name a defined entity of the expected class.
     * References to what an unreadable file seems to define are not checked; one line per file says so.
     */
    void checkReferences(Map<Node, Location> alsoDefined, List<Unreadable> unreadable) {
        Map<Unreadable, Set<String>> unchecked = new LinkedHashMap<>();
        for (Reference r : references) {
            if (!definitions.containsKey(r.target()) && !alsoDefined.containsKey(r.target())) {
                String id = IriScheme.id(r.target());
                Optional<Unreadable> into = unreadable.stream().filter(u -> u.mayDefine(r.target())).findFirst();
                if (into.isPresent()) {
                    unchecked.computeIfAbsent(into.get(), u -> new TreeSet<>()).add(id);
                    continue;
                }
                problems.add(new Problem(r.location(), "dangling reference " + id + ": no record defines it"
                        + Suggest.nearest(id, definitions.keySet().stream().map(IriScheme::id).toList())));
                continue;
            }
            if (r.term() == null || r.term().range() == null) continue;
            Set<Node> targetTypes = types.getOrDefault(r.target(), Set.of());
            if (!targetTypes.isEmpty() && targetTypes.stream().noneMatch(t -> ontology.isSubClassOf(t, r.term().range()))) {
                problems.add(new Problem(r.location(), "'" + r.term().key() + "' expects a " + ontology.shortName(r.term().range()) + ", but "
                        + IriScheme.id(r.target()) + " is a "
                        + targetTypes.stream().map(ontology::shortName).sorted().reduce((a, b) -> a + ", " + b).orElse("")));
            }
        }
        unchecked.forEach((u, ids) -> problems.add(new Problem(Problem.Severity.WARNING, u.error(), null,
                "references into this file were not checked, since it could not be read: other files refer to " + ids.size()
                + " id(s) it seems to define (" + String.join(", ", ids.stream().limit(5).toList()) + (ids.size() > 5 ? ", …" : "")
                + "); they are checked once the file reads")));
    }

    private static String kebab(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT).replace(':', '-');
    }
}

package org.treatygraph.serve;

import static org.treatygraph.ontology.Solutions.text;
import org.treatygraph.core.DatesInWords;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.treatygraph.core.Resources;
import org.treatygraph.ontology.Hierarchy;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;
import org.treatygraph.ontology.TG;
import org.treatygraph.serve.view.EntityView;
import org.treatygraph.serve.view.EntityView.Detail;
import org.treatygraph.serve.view.EntityView.Fact;
import org.treatygraph.serve.view.EntityView.Item;
import org.treatygraph.serve.view.EntityView.Wikidata;
import org.treatygraph.serve.view.EntityView.Reference;
import org.treatygraph.serve.view.EntityView.Section;
import org.treatygraph.serve.view.EntityView.Statement;
import org.treatygraph.serve.view.EntityView.StatementGroup;
import org.treatygraph.serve.view.EntityView.Value;

/**
 * An entity's page as a document, made from its description alone (describe-entity.rq's result; the page's
 * queries in page/ run over it): the header (label, most specific kind, key dates in words, other names,
 * Wikidata), its facts in the sections of page/sections.tsv, the links to it in the words of
 * page/incoming.tsv, one numbered reference a cited passage however many facts cite it, and the raw
 * statements. Technical mirrors of the project's facts (PROV, schema.org, FOAF types and properties, a
 * super-property beside its sub-property) stay in the raw statements and the RDF.
 */
final class EntityDocument {
    private static final Map<String, Query> QUERIES = new ConcurrentHashMap<>();
    private static final List<SectionSpec> SECTIONS = sectionSpecs();
    private static final Map<Node, String> INCOMING = incomingHeadings();
    private static final String OTHER_LINKS = "Other links to it";
    /** Date properties the header shows by name; tg:date, their super-property, only for dates none of them names. */
    private static final List<Node> DATE_PROPERTIES = List.of(TG.signingDate, TG.ratificationDate, TG.renunciationDate,
            TG.startDate, TG.endDate, TG.established, TG.dissolved, TG.date);
    /** Shown in the header, not among the facts. */
    private static final Set<Node> HEADER = Set.of(RDF.type.asNode(), RDFS.label.asNode(), SKOS.altLabel.asNode(),
            SKOS.exactMatch.asNode(), SKOS.closeMatch.asNode(), TG.wikidataId, TG.note);

    private final Site site;
    private final Dataset ds;
    private final Node entity;
    private final Hierarchy hierarchy;
    /** Every fact of the description by subject, in the order of triples.rq's rows; asserted ones are in {@link #asserted}. */
    private final Map<Node, List<Triple>> bySubject = new LinkedHashMap<>();
    private final Map<Node, List<Triple>> byObject = new HashMap<>();
    private final Set<Triple> asserted = new HashSet<>();
    private final Map<Node, String> labels = new HashMap<>();
    private final Map<Triple, Evidence> evidence = new HashMap<>();
    /** Cited passages by citation node, numbered in the order the page first cites them. */
    private final Map<Node, Reference> references = new LinkedHashMap<>();

    private record SectionSpec(String id, String title, Set<Node> properties) {}

    /** A fact's statement: its basis, the editors' reason or reading, its passages. */
    private record Evidence(Node basis, String reading, String reason, Map<Node, Passage> passages) {}

    private record Passage(String source, String exact, String file, int start, int end, String place) {}

    EntityDocument(Site site, DatasetGraph description, Node entity) {
        this.site = site;
        this.ds = DatasetFactory.wrap(description);
        this.entity = entity;
        this.hierarchy = site.hierarchy();
        for (QuerySolution r : select("triples")) {
            Triple t = Triple.create(r.get("s").asNode(), r.get("p").asNode(), r.get("o").asNode());
            bySubject.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
            byObject.computeIfAbsent(t.getObject(), k -> new ArrayList<>()).add(t);
            if (r.get("asserted") != null) asserted.add(t);
        }
        for (QuerySolution r : select("labels")) {
            Node x = r.get("x").asNode();
            String l = r.getLiteral("l").getLexicalForm();
            labels.merge(x, l, (a, b) -> a.compareTo(b) <= 0 ? a : b);   // the same label on every render
        }
        for (QuerySolution r : select("evidence")) {
            Triple t = Triple.create(r.get("s").asNode(), r.get("p").asNode(), r.get("o").asNode());
            Evidence e = evidence.computeIfAbsent(t, k -> new Evidence(node(r, "basis"), text(r, "reading"), text(r, "reason"),
                    new LinkedHashMap<>()));
            if (r.get("c") != null) {
                // A source by its author and title where the sources list gives them, else by its label.
                String source = text(r, "title") == null ? text(r, "source")
                        : (text(r, "author") == null ? "" : text(r, "author") + ", ") + text(r, "title");
                e.passages().putIfAbsent(r.get("c").asNode(), new Passage(source, text(r, "exact"), text(r, "file"),
                        r.getLiteral("start").getInt(), r.getLiteral("end").getInt(), text(r, "place")));
            }
        }
    }

    EntityView view() {
        String label = labels.getOrDefault(entity, IriScheme.show(entity));
        List<Fact> dates = dates();
        List<Section> sections = sections();
        List<Fact> incoming = incoming();
        return new EntityView(label, kindOf(entity), entity.getURI(), site.local(entity.getURI()), dates,
                literals(entity, SKOS.altLabel.asNode()), wikidata(), sections, incoming, List.copyOf(references.values()),
                statements());
    }

    // ---- header

    /** The most specific of the project's kinds of a node, in words ("friendship treaty"). */
    private String kindOf(Node n) {
        List<Node> kinds = objects(n, RDF.type.asNode()).stream()
                .filter(k -> k.isURI() && k.getURI().startsWith(TG.NS)).toList();
        return kinds.stream()
                .filter(k -> kinds.stream().noneMatch(o -> !o.equals(k) && hierarchy.isSubClassOf(o, k)))
                .map(k -> labels.getOrDefault(k, k.getLocalName()).toLowerCase(Locale.ROOT))
                .sorted().findFirst().orElse(null);
    }

    /** The key dates: each date property, with every date the sources give for it (contested ones side by side). */
    private List<Fact> dates() {
        List<Fact> facts = new ArrayList<>();
        Set<Node> shown = new HashSet<>();
        for (Node p : DATE_PROPERTIES) {
            Map<String, Item> items = new LinkedHashMap<>();
            for (Triple t : shownFacts(entity, p)) {
                if (!shown.add(t.getObject()) && p.equals(TG.date)) continue;
                Item item = item(t, false);
                items.merge(item.value().text(), item, EntityDocument::merge);
            }
            if (!items.isEmpty()) facts.add(new Fact(capital(labelOf(p)), List.copyOf(items.values()), items.size() > 1));
        }
        return facts;
    }

    private List<Wikidata> wikidata() {
        List<Wikidata> links = new ArrayList<>();
        for (QuerySolution r : select("wikidata", "entity", entity)) {
            String w = r.getResource("w").getURI();
            boolean close = r.getLiteral("close").getBoolean();
            String usedBy = r.getResource("usedBy") == null ? null : r.getResource("usedBy").getURI();
            links.add(new Wikidata(w.substring(w.lastIndexOf('/') + 1), w, text(r, "how"), text(r, "on"), text(r, "page"), close,
                    usedBy == null ? null : usedBy.substring(usedBy.lastIndexOf('/') + 1)));
        }
        return links;
    }

    // ---- sections

    private List<Section> sections() {
        Map<String, List<Fact>> bySection = new LinkedHashMap<>();
        for (SectionSpec s : SECTIONS) bySection.put(s.id(), new ArrayList<>());
        bySection.put("other", new ArrayList<>());
        Map<Node, List<Triple>> byPredicate = new LinkedHashMap<>();
        for (Triple t : shownFacts(entity, null)) {
            Node p = t.getPredicate();
            if (HEADER.contains(p) || DATE_PROPERTIES.contains(p)) continue;
            byPredicate.computeIfAbsent(p, k -> new ArrayList<>()).add(t);
        }
        List<Node> predicates = new ArrayList<>(byPredicate.keySet());
        predicates.sort(Comparator.comparingInt(EntityDocument::sectionOrder).thenComparing(this::labelOf));
        for (Node p : predicates) {
            List<Item> items = byPredicate.get(p).stream().map(t -> item(t, true))
                    .sorted(Comparator.comparing((Item i) -> i.value().text())).toList();
            bySection.get(sectionOf(p)).add(new Fact(capital(labelOf(p)), items));
        }
        List<Item> notes = shownFacts(entity, TG.note).stream()   // under "Editors' notes" they need no mark of their own
                .map(t -> new Item(value(t.getObject()), refs(t), null, null, null, List.of())).toList();
        List<Section> sections = new ArrayList<>();
        for (SectionSpec s : SECTIONS) {
            if (!bySection.get(s.id()).isEmpty()) sections.add(new Section(s.id(), s.title(), bySection.get(s.id())));
        }
        if (!bySection.get("other").isEmpty()) sections.add(new Section("other", "Other facts", bySection.get("other")));
        if (!notes.isEmpty()) sections.add(new Section("notes", "Editors' notes", List.of(new Fact("Note", notes))));
        return sections;
    }

    private static String sectionOf(Node p) {
        for (SectionSpec s : SECTIONS) if (s.properties().contains(p)) return s.id();
        return "other";
    }

    /** A detail's place: the order of its property in page/sections.tsv, by the property's label. */
    private int order(String propertyLabel) {
        for (int i = 0; i < SECTIONS.size(); i++) {
            int j = 0;
            for (Node p : SECTIONS.get(i).properties()) {
                if (labelOf(p).equals(propertyLabel)) return i * 100 + j;
                j++;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static int sectionOrder(Node p) {
        for (int i = 0; i < SECTIONS.size(); i++) {
            List<Node> ps = List.copyOf(SECTIONS.get(i).properties());
            if (ps.contains(p)) return i * 100 + ps.indexOf(p);
        }
        return Integer.MAX_VALUE;
    }

    /**
     * A fact as an item: its value in words, its references, whether it is inferred or the editors' own,
     * and, where the value is a node of the graph without a page of its own to read (a participation, an
     * article, a change, a date), what it is made of.
     */
    private Item item(Triple t, boolean withDetails) {
        Node o = t.getObject();
        Evidence e = evidence.get(t);
        List<Integer> refs = union(refs(t), isDate(o) ? nodeRefs(o) : List.of());
        List<Detail> details = withDetails && isNode(o) && !isDate(o) ? details(o, t.getSubject()) : List.of();
        String editorial = editorial(e);
        if (isDate(o)) {   // a date's value may be the editors' computation from the source's words
            for (Node v : objects(o, TG.dateValue)) if (editorial == null) editorial = editorial(evidence.get(Triple.create(o, TG.dateValue, v)));
        }
        return new Item(value(o), refs, asserted.contains(t) ? null : explainHref(t), editorial, e == null ? null : e.reading(), details);
    }

    /** The facts of a node beside the one that leads to it: "territory: Kars", "role: leader of the delegation". */
    private List<Detail> details(Node node, Node parent, Node... leaveOut) {
        List<Detail> details = new ArrayList<>();
        String shownAs = labelOf(node);
        Node owner = IriScheme.owner(node);
        if (owner != null && !owner.equals(entity) && !owner.equals(parent)) {   // a part of another entity: say of which
            details.add(new Detail("part of", new Value(labelOf(owner), site.local(owner.getURI()), null), List.of()));
        }
        for (Triple t : shownFacts(node, null)) {
            Node p = t.getPredicate();
            if (t.getObject().equals(parent) || t.getObject().equals(entity) || p.equals(RDF.type.asNode())
                    || p.equals(RDFS.label.asNode()) || p.equals(TG.ofEntity) || List.of(leaveOut).contains(p)) continue;
            Value v = value(t.getObject());
            if (v.text().equals(shownAs)) continue;   // the item already says it ("Reza Shah", agent: Reza Shah)
            List<Integer> refs = refs(t);
            if (isDate(t.getObject())) refs = union(refs, nodeRefs(t.getObject()));
            Detail same = details.stream().filter(d -> d.label().equals(labelOf(p)) && d.value().equals(v)).findFirst().orElse(null);
            if (same != null) {   // the same value from two sources: one line, both references
                details.set(details.indexOf(same), new Detail(same.label(), v, union(same.refs(), refs)));
            } else {
                details.add(new Detail(labelOf(p), v, union(refs, List.of())));
            }
        }
        if (!details.isEmpty() && details.get(0).label().equals("part of")
                && details.stream().skip(1).anyMatch(d -> d.value().text().equals(details.get(0).value().text()))) {
            details.remove(0);   // "by instrument: Treaty of Kars" already says whose part it is
        }
        details.sort(Comparator.comparing((Detail d) -> d.label().equals(labelOf(TG.note))).thenComparingInt(d -> order(d.label())));
        return details;
    }

    // ---- links to the entity

    /**
     * The links to the entity from outside it, in words: under the heading page/incoming.tsv gives the
     * property, or "Other links to it" with the property in words beside each ("confirmed by this"). A link
     * that only says backwards what the entity's own facts say (an inverse) is left out.
     */
    private List<Fact> incoming() {
        Map<String, List<Triple>> byHeading = new LinkedHashMap<>();
        Set<Node> linkedByEntity = new HashSet<>();
        for (Triple t : shownFacts(entity, null)) linkedByEntity.add(t.getObject());
        for (Triple t : byObject.getOrDefault(entity, List.of())) {
            Node s = t.getSubject();
            Node p = t.getPredicate();
            if (s.equals(entity) || entity.equals(IriScheme.owner(s)) || !isProjectTerm(p) || hasSubPropertyFact(t, byObject.get(entity))) continue;
            if (linkedByEntity.contains(s)) continue;   // the entity's own facts already name it (an inverse)
            byHeading.computeIfAbsent(INCOMING.getOrDefault(p, OTHER_LINKS), k -> new ArrayList<>()).add(t);
        }
        List<Fact> facts = new ArrayList<>();
        for (Map.Entry<String, List<Triple>> e : byHeading.entrySet()) {
            List<Item> items = e.getValue().stream()
                    .sorted(Comparator.comparing((Triple t) -> earliest(t.getSubject())).thenComparing(t -> labelOf(t.getSubject())))
                    .map(t -> {
                        Node s = t.getSubject();
                        String note = e.getKey().equals(OTHER_LINKS) ? labelOf(t.getPredicate()) + " this" : null;
                        String when = dateWords(s);
                        if (when != null) note = note == null ? when : note + "; " + when;
                        return new Item(new Value(labelOf(s), site.local(s.getURI()), note), List.of(), null, null, null,
                                isNode(s) ? details(s, entity, TG.date) : List.of());   // its date is in the note
                    })
                    .toList();
            facts.add(new Fact(e.getKey(), items));
        }
        facts.sort(Comparator.comparing((Fact f) -> f.label().equals(OTHER_LINKS)).thenComparing(Fact::label));
        return facts;
    }

    /** The earliest date of a thing the page names, for ordering ("9999" when it has none, so undated come last). */
    private String earliest(Node n) {
        return objects(n, TG.date).stream().map(d -> firstLiteral(d, TG.earliest, TG.dateValue)).filter(s -> s != null)
                .sorted().findFirst().orElse("9999");
    }

    private String dateWords(Node n) {
        List<String> words = objects(n, TG.date).stream().map(this::dateOf).filter(s -> s != null).distinct().sorted().toList();
        return words.isEmpty() ? null : String.join("; ", words);
    }

    // ---- raw statements

    private List<StatementGroup> statements() {
        List<Node> nodes = new ArrayList<>();
        nodes.add(entity);
        for (QuerySolution r : select("nested", "entity", entity)) nodes.add(r.get("n").asNode());
        List<StatementGroup> groups = new ArrayList<>();
        for (Node n : nodes) {
            List<Statement> rows = bySubject.getOrDefault(n, List.of()).stream()
                    .sorted(Comparator.comparing((Triple t) -> shortName(t.getPredicate())).thenComparing(t -> t.getObject().toString()))
                    .map(t -> new Statement(new Value(shortName(t.getPredicate()), site.local(t.getPredicate().getURI()), null),
                            rawValue(t.getObject()), asserted.contains(t) ? null : explainHref(t)))
                    .toList();
            if (!rows.isEmpty()) groups.add(new StatementGroup(n.equals(entity) ? IriScheme.show(n) : IriScheme.show(n), rows));
        }
        return groups;
    }

    private Value rawValue(Node o) {
        if (o.isURI()) return new Value(labels.containsKey(o) ? labels.get(o) : shortName(o), site.local(o.getURI()), shortName(o));
        if (o.isLiteral()) {
            String dt = o.getLiteralDatatypeURI();
            boolean plain = dt == null || dt.equals(XSDDatatype.XSDstring.getURI()) || dt.equals(RDF.dtLangString.getURI());
            return new Value(o.getLiteralLexicalForm(), null, plain ? (o.getLiteralLanguage().isEmpty() ? null : "@" + o.getLiteralLanguage())
                    : shortName(NodeFactory.createURI(dt)));
        }
        return new Value(o.toString(), null, null);
    }

    // ---- values, labels, evidence

    /** A value in words: a date's words (with the source's own where they differ), a label, a literal's text. */
    private Value value(Node o) {
        if (o.isLiteral()) {
            String dt = o.getLiteralDatatypeURI();
            if (XSDDatatype.XSDdate.getURI().equals(dt)) return new Value(DatesInWords.words(o.getLiteralLexicalForm(), null, null), null, null);
            return new Value(o.getLiteralLexicalForm(), null, null);
        }
        if (!o.isURI()) return new Value(o.toString(), null, null);
        String href = site.local(o.getURI());
        if (isDate(o)) {
            String words = dateOf(o);
            String source = firstLiteral(o, TG.dateText);
            List<String> notes = new ArrayList<>();
            if (source != null && !DatesInWords.sameWords(source, words)) notes.add("the source: “" + source + "”");
            Node calendar = objects(o, TG.calendar).stream().findFirst().orElse(null);
            if (calendar != null && !calendar.equals(TG.GregorianCalendar)) {
                String cv = firstLiteral(o, TG.calendarValue);
                notes.add(labelOf(calendar) + (cv == null ? "" : ": " + cv));
            }
            return new Value(words == null ? (source == null ? labelOf(o) : source) : words, null, notes.isEmpty() ? null : String.join("; ", notes));
        }
        return new Value(labelOf(o), href, null);
    }

    private String dateOf(Node d) {
        return DatesInWords.words(firstLiteral(d, TG.dateValue), firstLiteral(d, TG.earliest), firstLiteral(d, TG.latest));
    }

    /** A node's label; without one, what it is: a participation by its agent, else its kind, else its id. */
    private String labelOf(Node n) {
        String l = labels.get(n);
        if (l != null) return l;
        if (isDate(n)) {
            String d = dateOf(n);
            if (d != null) return d;
        }
        // A participation by who took part, or, on that person's page, in what; a position by its title.
        for (Node p : List.of(TG.agent, TG.participationIn)) {
            for (Node a : objects(n, p)) if (!a.equals(entity) && labels.containsKey(a)) return labels.get(a);
        }
        String title = firstLiteral(n, TG.positionTitle, TG.roleTitle);
        if (title != null) return title;
        String kind = bySubject.containsKey(n) ? kindOf(n) : null;
        if (kind != null) return kind;
        String id = IriScheme.id(n);   // a part of another entity the description does not describe: its name in the IRI
        if (id != null && IriScheme.owner(n) != null && !n.equals(IriScheme.owner(n))) return id.substring(id.lastIndexOf('/') + 1).replace('-', ' ');
        return n.isURI() ? shortName(n) : n.toString();
    }

    /** A date specification (by its type, or, for a date the description names beside the entity, by its date facts). */
    private boolean isDate(Node n) {
        return objects(n, RDF.type.asNode()).contains(TG.DateSpecification)
                || firstLiteral(n, TG.dateValue, TG.earliest, TG.latest, TG.dateText) != null;
    }

    /** A node of the graph that is not an entity with its own page to read (a part of one), and that the description describes. */
    private boolean isNode(Node n) {
        return n.isURI() && IriScheme.owner(n) != null && !IriScheme.owner(n).equals(n) && bySubject.containsKey(n);
    }

    /**
     * The facts about a node the page shows: the project's own properties, without a fact that a more specific
     * one of the same value already says (tg:date beside tg:signingDate, a mirror in PROV).
     */
    private List<Triple> shownFacts(Node s, Node p) {
        List<Triple> all = bySubject.getOrDefault(s, List.of());
        List<Triple> shown = new ArrayList<>();
        for (Triple t : all) {
            if (p != null && !t.getPredicate().equals(p)) continue;
            if (!isProjectTerm(t.getPredicate()) && !HEADER.contains(t.getPredicate())) continue;
            if (p == null && hasSubPropertyFact(t, all)) continue;
            shown.add(t);
        }
        return shown;
    }

    /** Whether another fact between the same nodes has a strict sub-property of this one's property. */
    private boolean hasSubPropertyFact(Triple t, List<Triple> around) {
        for (Triple o : around) {
            if (o.equals(t) || !o.getObject().equals(t.getObject()) || !o.getSubject().equals(t.getSubject())) continue;
            if (hierarchy.isSubPropertyOf(o.getPredicate(), t.getPredicate()) && !o.getPredicate().equals(t.getPredicate())) return true;
        }
        return false;
    }

    private static boolean isProjectTerm(Node p) {
        return p.isURI() && p.getURI().startsWith(TG.NS) || p.equals(SKOS.altLabel.asNode());
    }

    private List<Node> objects(Node s, Node p) {
        List<Node> out = new ArrayList<>();
        for (Triple t : bySubject.getOrDefault(s, List.of())) if (t.getPredicate().equals(p)) out.add(t.getObject());
        return out;
    }

    private String firstLiteral(Node s, Node... ps) {
        for (Node p : ps) {
            for (Node o : objects(s, p)) if (o.isLiteral()) return o.getLiteralLexicalForm();
        }
        return null;
    }

    private List<String> literals(Node s, Node p) {
        return objects(s, p).stream().filter(Node::isLiteral).map(Node::getLiteralLexicalForm).sorted().toList();
    }

    /** The reference numbers of the passages a fact's statement cites (numbered here on first use). */
    private List<Integer> refs(Triple t) {
        Evidence e = evidence.get(t);
        if (e == null) return List.of();
        List<Integer> refs = new ArrayList<>();
        for (Map.Entry<Node, Passage> p : e.passages().entrySet()) refs.add(reference(p.getKey(), p.getValue()));
        return refs;
    }

    /** The references of everything stated about a node (a date's value and words, the event that has it). */
    private List<Integer> nodeRefs(Node n) {
        List<Integer> refs = new ArrayList<>();
        for (Triple t : bySubject.getOrDefault(n, List.of())) refs = union(refs, refs(t));
        for (Triple t : byObject.getOrDefault(n, List.of())) refs = union(refs, refs(t));
        return refs;
    }

    private int reference(Node citation, Passage p) {
        Reference r = references.computeIfAbsent(citation, c -> new Reference(references.size() + 1,
                p.source() == null ? p.file() : p.source(), p.exact(),
                "/sources/" + p.file() + "?start=" + p.start() + "&end=" + p.end() + "#passage",
                p.place() == null ? null : p.place().toLowerCase(Locale.ROOT)));
        return r.number();
    }

    private static String editorial(Evidence e) {
        if (e == null || !TG.Editorial.equals(e.basis())) return null;
        return e.reason() == null ? "the editors' own" : e.reason();
    }

    private static Item merge(Item a, Item b) {
        List<Detail> details = new ArrayList<>(a.details());
        details.addAll(b.details());
        return new Item(a.value(), union(a.refs(), b.refs()), a.explainHref() != null && b.explainHref() != null ? a.explainHref() : null,
                a.editorial() != null ? a.editorial() : b.editorial(), a.reading() != null ? a.reading() : b.reading(), details);
    }

    private static List<Integer> union(List<Integer> a, List<Integer> b) {
        Set<Integer> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all.stream().sorted().toList();
    }

    private String explainHref(Triple t) {
        Node o = t.getObject();
        return "/explain?s=" + enc(t.getSubject().getURI()) + "&p=" + enc(t.getPredicate().getURI())
                + "&o=" + enc(o.isURI() ? o.getURI() : NodeFmtLib.strNT(o));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String shortName(Node n) {
        return Prefixes.MAPPING.shortForm(n.getURI());
    }

    private static Node node(QuerySolution r, String var) {
        RDFNode n = r.get(var);
        return n == null ? null : n.asNode();
    }


    private List<QuerySolution> select(String name) {
        return select(name, null, null);
    }

    /** Runs page/{name}.rq over the description, with {@code variable} bound to {@code node} where given. */
    private List<QuerySolution> select(String name, String variable, Node node) {
        Query q = QUERIES.computeIfAbsent(name, n -> Prefixes.query(EntityDocument.class, "page/" + n + ".rq"));
        var b = QueryExecution.dataset(ds).query(q);
        if (variable != null) b = b.substitution(variable, ResourceFactory.createResource(node.getURI()));
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution qe = b.build()) {
            qe.execSelect().forEachRemaining(rows::add);
        }
        return rows;
    }

    // ---- configuration

    private static List<SectionSpec> sectionSpecs() {
        List<SectionSpec> specs = new ArrayList<>();
        for (String[] f : tsv("page/sections.tsv", 3)) {
            Set<Node> ps = new LinkedHashSet<>();
            for (String name : f[2].trim().split("\\s+")) ps.add(term(name));
            specs.add(new SectionSpec(f[0], f[1], ps));
        }
        return List.copyOf(specs);
    }

    private static Map<Node, String> incomingHeadings() {
        Map<Node, String> m = new LinkedHashMap<>();
        for (String[] f : tsv("page/incoming.tsv", 2)) m.put(term(f[0]), f[1]);
        return Map.copyOf(m);
    }

    /** A property named in the page's configuration; an unknown name is a mistake in the file, found at class load. */
    private static Node term(String name) {
        Node n = NodeFactory.createURI(TG.NS + name);
        try {
            TG.class.getField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("page configuration names tg:" + name + ", which the ontology does not declare");
        }
        return n;
    }

    private static List<String[]> tsv(String resource, int columns) {
        List<String[]> rows = new ArrayList<>();
        String text = Resources.text(EntityDocument.class, resource);
        int line = 0;
        for (String l : text.split("\n")) {
            line++;
            if (l.isBlank() || l.startsWith("#")) continue;
            String[] f = l.split("\t");
            if (f.length != columns) throw new IllegalStateException(resource + ":" + line + ": expected " + columns + " tab-separated fields, found " + f.length);
            rows.add(f);
        }
        return rows;
    }
}

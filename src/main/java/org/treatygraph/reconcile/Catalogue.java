package org.treatygraph.reconcile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.treatygraph.ontology.Hierarchy;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;
import org.treatygraph.ontology.TG;
import org.treatygraph.search.SearchIndex;

/**
 * What the reconciliation service knows, read once from the store: every entity of the search index with its
 * classes and property values, and the ontology's classes (types) and properties, by the ids clients use
 * (local names: "Agreement", "hasParty"; "wikidata" for the Wikidata item).
 */
public final class Catalogue {
    /** The pseudo-property of an entity's Wikidata item (skos:exactMatch). */
    public static final String WIKIDATA = "wikidata";

    /** A value: an IRI (an entity, a node of one, an outside item) or a literal; a date with the days it can denote. */
    public record Value(String iri, String lexical, String datatype, String label, LocalDate earliest, LocalDate latest) {
        public boolean isDate() {
            return earliest != null && latest != null;
        }
    }

    /** An entity: its id ("territory/kars"), the search index's record of it, its classes (IRIs) and values by property IRI. */
    public record Entity(String id, SearchIndex.Entity names, Set<String> classes, Map<String, List<Value>> values) {
        public String label() {
            return names.label();
        }

        public List<String> allNames() {
            List<String> all = new ArrayList<>();
            all.add(names.label());
            all.addAll(names.altLabels());
            return all;
        }
    }

    /** A class or property by its id (local name), IRI, label, definition, Wikidata property id (or null) and range (or null). */
    public record Term(String id, String iri, String label, String definition, String wikidata, String range) {}

    private final SearchIndex index;
    private final Hierarchy hierarchy;
    private final Map<String, Entity> byIri = new LinkedHashMap<>();
    private final Map<String, Term> types = new LinkedHashMap<>();
    private final Map<String, Term> properties = new LinkedHashMap<>();
    private final Map<String, String> wikidataItems = new HashMap<>();   // Q-id → entity IRI

    private Catalogue(SearchIndex index, Hierarchy hierarchy) {
        this.index = index;
        this.hierarchy = hierarchy;
    }

    /** Reads the catalogue from a dataset whose default graph is the union of the asserted, inferred and ontology graphs. */
    public static Catalogue load(Dataset ds, SearchIndex index, Hierarchy hierarchy) {
        Catalogue c = new Catalogue(index, hierarchy);
        Txn.executeRead(ds, () -> c.read(ds));
        return c;
    }

    private void read(Dataset ds) {
        Map<String, Set<String>> classes = new HashMap<>();
        Map<String, Map<String, List<Value>>> values = new HashMap<>();
        try (QueryExecution qe = QueryExecution.dataset(ds).query(Prefixes.query(Catalogue.class, "entity-facts.rq")).build()) {
            qe.execSelect().forEachRemaining((QuerySolution s) -> {
                String e = s.getResource("e").getURI(), p = s.getResource("p").getURI();
                RDFNode v = s.get("v");
                if (p.equals(RDF.type.getURI())) {
                    classes.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(v.asResource().getURI());
                    return;
                }
                Value value;
                if (v.isLiteral()) {
                    Literal l = v.asLiteral();
                    value = new Value(null, l.getLexicalForm(), l.getDatatypeURI(), null, null, null);
                } else {
                    value = new Value(v.isURIResource() ? v.asResource().getURI() : null, null, null, s.contains("vl") ? s.getLiteral("vl").getLexicalForm() : null,
                            s.contains("earliest") ? LocalDate.parse(s.getLiteral("earliest").getLexicalForm()) : null,
                            s.contains("latest") ? LocalDate.parse(s.getLiteral("latest").getLexicalForm()) : null);
                }
                List<Value> list = values.computeIfAbsent(e, k -> new HashMap<>()).computeIfAbsent(p, k -> new ArrayList<>());
                if (!list.contains(value)) list.add(value);
                if (p.equals(SKOS.exactMatch.getURI()) && value.iri() != null && value.iri().startsWith(IriScheme.WIKIDATA_ITEM))
                    wikidataItems.putIfAbsent(value.iri().substring(IriScheme.WIKIDATA_ITEM.length()), e);
            });
        }
        for (SearchIndex.Entity n : index.entities()) {
            if (!n.iri().startsWith(IriScheme.ID)) continue;
            byIri.put(n.iri(), new Entity(IriScheme.id(n.iri()), n, classes.getOrDefault(n.iri(), Set.of()), values.getOrDefault(n.iri(), Map.of())));
        }
        try (QueryExecution qe = QueryExecution.dataset(ds).query(Prefixes.query(Catalogue.class, "vocabulary.rq")).build()) {
            qe.execSelect().forEachRemaining((QuerySolution s) -> {
                String iri = s.getResource("term").getURI();
                String id = iri.substring(TG.NS.length());
                String wd = s.contains("wd") ? s.getResource("wd").getURI().replaceAll(".*/", "") : null;
                Term t = new Term(id, iri, s.contains("label") ? s.getLiteral("label").getLexicalForm() : id,
                        s.contains("definition") ? s.getLiteral("definition").getLexicalForm() : null, wd,
                        s.contains("range") ? s.getResource("range").getURI() : null);
                (s.getLiteral("kind").getLexicalForm().equals("class") ? types : properties).merge(id, t, (a, b) -> a.wikidata() != null ? a : b);
            });
        }
        properties.put(WIKIDATA, new Term(WIKIDATA, SKOS.exactMatch.getURI(), "Wikidata item", "The Wikidata item that is the same entity (skos:exactMatch).", null, null));
    }

    public Hierarchy hierarchy() {
        return hierarchy;
    }

    public SearchIndex index() {
        return index;
    }

    public java.util.Collection<Entity> entities() {
        return byIri.values();
    }

    /** An entity by its IRI, its id ("territory/kars"), id:-prefixed name or Wikidata item (Q-id or IRI), or null. */
    public Entity entity(String given) {
        if (given == null) return null;
        String g = given.strip();
        if (g.startsWith("id:")) g = g.substring(3);
        Entity e = byIri.get(g);
        if (e == null && IriScheme.isEntityId(g)) e = byIri.get(IriScheme.ID + g);
        if (e == null) {
            String q = g.startsWith(IriScheme.WIKIDATA_ITEM) ? g.substring(IriScheme.WIKIDATA_ITEM.length()) : g.startsWith("wd:") ? g.substring(3) : g;
            if (q.matches("Q[1-9][0-9]*") && wikidataItems.containsKey(q)) e = byIri.get(wikidataItems.get(q));
        }
        return e;
    }

    public Map<String, Term> types() {
        return types;
    }

    public Map<String, Term> properties() {
        return properties;
    }

    /** A type given as its local name, tg: name or IRI (any case of the local name), or null. */
    public Term type(String given) {
        return term(types, given);
    }

    /**
     * The properties a property id names: its local name, tg: name or IRI (one), or a Wikidata property id (P1891),
     * which may correspond to several of ours (has party, has signatory); none when unknown.
     */
    public List<Term> property(String given) {
        Term t = term(properties, given);
        if (t != null) return List.of(t);
        String g = given.strip().replaceFirst("^(wdt:|wd:|https?://www\\.wikidata\\.org/(entity|prop/direct)/)", "");
        if (g.equals("skos:exactMatch") || g.equals(SKOS.exactMatch.getURI())) return List.of(properties.get(WIKIDATA));
        List<Term> out = new ArrayList<>();
        for (Term p : properties.values()) if (g.equalsIgnoreCase(p.wikidata())) out.add(p);
        out.sort(java.util.Comparator.comparing(Term::id));
        return out;
    }

    private static Term term(Map<String, Term> terms, String given) {
        if (given == null) return null;
        String g = given.strip();
        if (g.startsWith(TG.NS)) g = g.substring(TG.NS.length());
        else if (g.startsWith("tg:")) g = g.substring(3);
        Term t = terms.get(g);
        if (t != null) return t;
        for (Term x : terms.values()) if (x.id().toLowerCase(Locale.ROOT).equals(g.toLowerCase(Locale.ROOT))) return x;
        return null;
    }

    /** Whether an entity is of a type, through the class hierarchy. */
    public boolean isA(Entity e, Term type) {
        Node t = NodeFactory.createURI(type.iri());
        for (String c : e.classes()) if (hierarchy.isSubClassOf(NodeFactory.createURI(c), t)) return true;
        return false;
    }

    /** An entity's classes of the project's as types: the most specific first (none of them above another it has), then the others. */
    public List<Term> typesOf(Entity e) {
        List<Term> out = new ArrayList<>(), rest = new ArrayList<>();
        for (String c : e.classes()) {
            Node n = NodeFactory.createURI(c);
            boolean hasBelow = e.classes().stream().anyMatch(o -> !o.equals(c) && hierarchy.isSubClassOf(NodeFactory.createURI(o), n)
                    && !hierarchy.isSubClassOf(n, NodeFactory.createURI(o)));
            Term t = types.get(c.substring(TG.NS.length()));
            if (t != null) (hasBelow ? rest : out).add(t);
        }
        out.addAll(rest);
        return out;
    }

    /** The types directly above one. */
    public List<Term> broader(Term type) {
        List<Term> out = new ArrayList<>();
        for (Node n : hierarchy.classes().directlyAbove(NodeFactory.createURI(type.iri())))
            if (n.getURI().startsWith(TG.NS) && types.containsKey(n.getURI().substring(TG.NS.length()))) out.add(types.get(n.getURI().substring(TG.NS.length())));
        return out;
    }
}

package org.treatygraph.convert;

import java.util.*;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.treatygraph.core.Problem;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.OntologyIndex;
import org.treatygraph.ontology.TG;

/**
 * Decides what each fact rests on, and keeps with it only the passages that state it. A passage states
 * a fact when the build finds in it:
 * <ul>
 * <li>a literal (a name, a title, terms, a role): its words;</li>
 * <li>a whole number: the number in digits, Roman numerals or words;</li>
 * <li>a reference to an entity: one of the entity's names (a label or alternative name, a person's
 *     surname, a recorded spelling variant), as the start of a word ("Georgia" in "Georgian"), or the
 *     passage being one the records give for that entity itself (the passage that tells of a capture
 *     states the link to the capture);</li>
 * <li>an individual of the ontology (a status, a kind of recognition) or a class with cue words
 *     (tg:cue: "truce", "armistice"): one of its cue words;</li>
 * <li>a class without cue words (a person, a state): a name of the entity;</li>
 * <li>a part of a date (its value, bounds, calendar): the date's own words (dateText), and its year among
 *     them unless another calendar is named;</li>
 * <li>a nested node (a date, a participation, a cession), or the link to it: a fact of that node.</li>
 * </ul>
 * A record's or node's passages serve only the facts they state; a passage given on the value itself must
 * state it. Where the words do not state a fact, the editors say why the passage supports it
 * ({@code reading}, basis tg:Reading) or assert it themselves ({@code editorial}, basis tg:Editorial,
 * never a citation). A fact that rests on nothing is a located error.
 */
final class Support {
    private final RecordConverter converter;
    private final OntologyIndex ontology;
    private final NameVariants variants;
    private final List<Problem> problems;
    private final Map<Node, List<Fact>> bySubject = new HashMap<>();
    private final Map<Node, Set<String>> names = new HashMap<>();
    private final Map<String, List<String>> folded = new HashMap<>();
    private final Map<Node, List<String>> cues = new HashMap<>();
    /** Nodes with a fact already reported unsupported: the links to them and their parts are not reported again. */
    private final Set<Node> reported = new HashSet<>();
    private final Map<Node, Set<Cite>> offered = new HashMap<>();
    private final Set<List<Node>> misattributed = Collections.newSetFromMap(new IdentityHashMap<>());

    /** How many facts rest on each basis. */
    record Figures(int stated, int reading, int editorial, int onlyLiteratureTitles) {}

    private Support(RecordConverter converter, OntologyIndex ontology, NameVariants variants, List<Problem> problems) {
        this.converter = converter;
        this.ontology = ontology;
        this.variants = variants;
        this.problems = problems;
    }

    static void resolve(RecordConverter converter, OntologyIndex ontology, NameVariants variants, List<Problem> problems) {
        new Support(converter, ontology, variants, problems).run();
    }

    private void run() {
        for (Fact f : converter.facts()) bySubject.computeIfAbsent(f.triple().getSubject(), k -> new ArrayList<>()).add(f);
        indexNames();
        List<Fact> structural = new ArrayList<>();
        for (Fact f : converter.facts()) {
            if (isStructural(f)) structural.add(f);
            else decide(f, offered -> stating(f, offered));
        }
        // A node's own facts before the links to it: deeper nodes first, and a node's type before the link to it.
        structural.sort(Comparator.comparingInt((Fact f) -> depth(dependency(f))).reversed()
                .thenComparing(f -> f.triple().getPredicate().equals(RDF.type.asNode()) ? 0 : 1));
        for (Fact f : structural) {
            if (isDatePart(f) || !inherit(f)) decide(f, offered -> statingStructural(f, offered));
        }
    }

    /** How many facts rest on each basis, once every fact (and every bound derived from one) has its basis. */
    static Figures figures(Collection<Fact> facts) {
        int stated = 0, reading = 0, editorial = 0, titles = 0;
        for (Fact f : facts) {
            if (f.basis() == null) continue;
            switch (f.basis()) {
                case STATED -> stated++;
                case READING -> reading++;
                case EDITORIAL -> editorial++;
            }
            if (f.onlyLiteratureTitles()) titles++;
        }
        return new Figures(stated, reading, editorial, titles);
    }

    /** Weighs the evidence each place offers for a fact; {@code stating} picks the offered passages that state it. */
    private void decide(Fact f, java.util.function.Function<List<Cite>, List<Cite>> stating) {
        java.util.function.Supplier<String> lookedFor = () -> whatWasLookedFor(f);
        boolean note = f.triple().getPredicate().equals(TG.note);
        Fact.Offer unsupported = null;
        Basis best = null;
        for (Fact.Offer offer : f.offers()) {
            Evidence ev = offer.evidence();
            Basis basis;
            String open = openBound(f.triple().getObject());
            if (note || ev.editorial() != null || open != null) {
                basis = Basis.EDITORIAL;
                if (ev.editorial() != null) f.editorialReasons().add(ev.editorial());
                if (open != null && ev.editorial() == null) f.editorialReasons().add(open);
                f.restsOn().addAll(ev.restsOn());
            } else if (ev.cites().isEmpty()) {
                if (!ev.unresolved() && converter.citationsRequired())
                    problems.add(new Problem(offer.location(), "'" + offer.key() + "' states a fact with no citation: give this record or value a 'cite'"));
                continue;
            } else {
                List<Cite> supporting = stating.apply(ev.cites());
                if (!supporting.isEmpty()) {
                    basis = Basis.STATED;
                    f.cites().addAll(supporting);
                    attribute(f, offer, supporting);
                    if (ev.own() && supporting.size() < ev.cites().size() && ev.reading() == null)
                        problems.add(new Problem(offer.location(), notStated(f, offer, ev.cites().stream().filter(c -> !supporting.contains(c)).toList(), lookedFor.get())));
                } else if (ev.reading() != null) {
                    basis = Basis.READING;
                    f.cites().addAll(ev.cites());
                    attribute(f, offer, ev.cites());
                    f.readings().add(ev.reading());
                } else {
                    if (ev.own() && !ev.unresolved()) problems.add(new Problem(offer.location(), notStated(f, offer, ev.cites(), lookedFor.get())));
                    else if (unsupported == null && !ev.unresolved()) unsupported = offer;
                    continue;
                }
            }
            if (best == null || basis.ordinal() < best.ordinal()) best = basis;
        }
        if (best == null && unsupported != null && !(isStructural(f) && reported.contains(dependency(f))))
            problems.add(new Problem(unsupported.location(), notStated(f, unsupported, unsupported.evidence().cites(), lookedFor.get())));
        if (best == null) reported.add(f.triple().getSubject());
        if (best != null) {
            f.basis(best);
            if (best != Basis.EDITORIAL) { f.editorialReasons().clear(); f.restsOn().clear(); }
            if (best == Basis.STATED) f.readings().clear();
        }
    }

    /** A reported claim names its author, and one of the passages cited for it names the author too. */
    private void attribute(Fact f, Fact.Offer offer, List<Cite> cites) {
        for (Node author : offer.evidence().accordingTo()) {
            f.accordingTo().add(author);
            // One report for each place that names the author, not one for each fact under it.
            if (cites.stream().noneMatch(c -> names(passage(c), author)) && misattributed.add(offer.evidence().accordingTo()))
                problems.add(new Problem(offer.location(), "'" + offer.key() + "' " + show(f.triple().getObject()) + " is given as the claim of " + show(author)
                        + ", but no passage cited for it names " + show(author) + " (looked for " + quoted(namesOf(author)) + ")"));
        }
    }

    private String notStated(Fact f, Fact.Offer offer, List<Cite> cites, String lookedFor) {
        StringBuilder sb = new StringBuilder();
        Node o = f.triple().getObject();
        if (f.triple().getPredicate().equals(TG.dateText))
            sb.append("dateText \"").append(o.getLiteralLexicalForm()).append("\" is not in the passage cited for the date");
        else sb.append("'").append(offer.key()).append("' ").append(show(o)).append(" is not stated by the passage cited for it");
        sb.append(" (").append(lookedFor).append(")");
        for (Cite c : cites) sb.append("; ").append(c.source().code()).append(":").append(c.source().lineOf(c.start()))
                .append(" \"").append(shorten(c.exact())).append("\"");
        sb.append(". Cite a passage that states it, or say why this one does (reading: …), or mark it the editors' own (editorial: …)");
        return sb.toString();
    }

    private String whatWasLookedFor(Fact f) {
        Node p = f.triple().getPredicate(), o = f.triple().getObject(), s = f.triple().getSubject();
        if (p.equals(TG.dateValue) && isDate(s)) return "looked for the date's words, its month and day among them, and its year in them, in a passage cited for the date or as the last year the running text named before them, or a calendar other than the Gregorian or Julian";
        if (isStructural(f)) return "looked for a passage that states a fact of " + show(dependency(f))
                + (p.equals(RDF.type.asNode()) && !cuesOf(o).isEmpty() ? " or a word of its kind: " + quoted(cuesOf(o)) : "");
        if (o.isLiteral()) return isNumber(o) ? "looked for the number in digits, Roman numerals or words" : "looked for its words";
        if (p.equals(RDF.type.asNode())) {
            List<String> c = cuesOf(o);
            return c.isEmpty() ? "looked for a name of " + show(s) + ": " + quoted(namesOf(s)) : "looked for a word of its kind: " + quoted(c);
        }
        if (isIndividual(o)) return "looked for a word of it: " + quoted(cuesOf(o));
        return "looked for a name of " + show(o) + ": " + quoted(namesOf(o));
    }

    // ---- what states what -------------------------------------------------------------------------

    /**
     * The offered passages that state a fact. A literal written in fragments ("August ... 9, 1919") may
     * find its fragments in different passages of the same offer; then every passage with a fragment states it.
     */
    private List<Cite> stating(Fact f, List<Cite> offered) {
        Node o = f.triple().getObject();
        if (o.isLiteral() && !isNumber(o)) {
            List<String> parts = Wording.fragments(o.getLiteralLexicalForm());
            List<Cite> out = new ArrayList<>();
            for (String part : parts) {
                List<Cite> having = offered.stream().filter(c -> variants.expand(part).stream().anyMatch(v -> Wording.hasWords(passage(c), v))).toList();
                if (having.isEmpty()) return List.of();
                for (Cite c : having) if (!out.contains(c)) out.add(c);
            }
            return out;
        }
        return offered.stream().filter(c -> states(f, c)).toList();
    }

    private boolean states(Fact f, Cite c) {
        Node s = f.triple().getSubject(), p = f.triple().getPredicate(), o = f.triple().getObject();
        List<String> passage = passage(c);
        if (o.isLiteral()) return Wording.quantityForms(new java.math.BigDecimal(o.getLiteralLexicalForm())).stream().anyMatch(n -> Wording.hasWords(passage, n));
        if (p.equals(RDF.type.asNode())) {
            List<String> c2 = cuesOf(o);
            return c2.isEmpty() ? names(passage, s) : c2.stream().anyMatch(w -> Wording.hasWordStart(passage, w));
        }
        if (isIndividual(o)) return cuesOf(o).stream().anyMatch(w -> Wording.hasWordStart(passage, w));
        if (converter.definitions().containsKey(o)) return names(passage, o) || offeredFor(o).contains(c);
        return true;   // an outside IRI: nothing to look for
    }

    /**
     * The editors' judgment that the sources leave a bound open ("start unknown", "still holding when the
     * sources end"): an editorial fact by nature, with the bound's definition as its reason; null otherwise.
     */
    private String openBound(Node o) {
        if (!isIndividual(o) || !ontology.typesOf(o).contains(TG.IntervalBound)) return null;
        return ontology.graph().find(o, SKOS.definition.asNode(), Node.ANY).nextOptional()
                .map(t -> t.getObject().getLiteralLexicalForm()).orElse("The sources leave this bound open.");
    }

    /** The passages the records give for an entity's own facts: one of them also states a link to it ("the capture of Kars"). */
    private Set<Cite> offeredFor(Node entity) {
        return offered.computeIfAbsent(entity, e -> {
            Set<Cite> out = new HashSet<>();
            // The record's or node's own passages for the entity, not those given for one value (which may be wrong).
            for (Fact g : bySubject.getOrDefault(e, List.of()))
                for (Fact.Offer offer : g.offers()) if (!offer.evidence().own()) out.addAll(offer.evidence().cites());
            return out;
        });
    }

    private boolean names(List<String> passage, Node entity) {
        return namesOf(entity).stream().anyMatch(n -> Wording.hasWordStart(passage, n));
    }

    private boolean isDatePart(Fact f) {
        return isDate(f.triple().getSubject()) && !f.triple().getPredicate().equals(TG.dateText);
    }

    /**
     * A nested node's type, or the link to it, rests on what the node's own facts rest on — its best basis
     * among them, with their passages, however deep the node (a signing whose date cites its own passage).
     * False when the node has no decided fact of its own (then its kind's words or its offers decide), or
     * when the editors marked the node or link themselves.
     */
    private boolean inherit(Fact f) {
        for (Fact.Offer o : f.offers()) if (o.evidence().editorial() != null || o.evidence().reading() != null) return false;
        Node dep = dependency(f);
        // The link to a node known only by its kind ("never ratified") rests on what its type rests on.
        boolean typeCounts = !f.triple().getPredicate().equals(RDF.type.asNode())
                && bySubject.getOrDefault(dep, List.of()).stream().allMatch(g -> g.triple().getPredicate().equals(RDF.type.asNode()));
        java.util.function.Predicate<Fact> counts = g -> g != f && g.basis() != null && (typeCounts || !g.triple().getPredicate().equals(RDF.type.asNode()));
        Basis best = null;
        for (Fact g : bySubject.getOrDefault(dep, List.of()))
            if (counts.test(g) && (best == null || g.basis().ordinal() < best.ordinal())) best = g.basis();
        if (best == null) return false;
        for (Fact g : bySubject.getOrDefault(dep, List.of())) {
            if (!counts.test(g) || g.basis() != best) continue;
            f.cites().addAll(g.cites());
            f.readings().addAll(g.readings());
            f.editorialReasons().addAll(g.editorialReasons());
            f.restsOn().addAll(g.restsOn());
        }
        f.basis(best);
        return true;
    }

    /** A structural fact (a date's parts, a nested node's type, a link to a nested node) rests on the node's other facts. */
    private boolean isStructural(Fact f) {
        Node s = f.triple().getSubject(), p = f.triple().getPredicate(), o = f.triple().getObject();
        if (isDate(s) && !p.equals(TG.dateText)) return true;
        if (p.equals(RDF.type.asNode()) && isNested(s)) return true;
        return o.isURI() && isNested(o);
    }

    private Node dependency(Fact f) {
        Node s = f.triple().getSubject(), o = f.triple().getObject();
        return o.isURI() && isNested(o) && !f.triple().getPredicate().equals(RDF.type.asNode()) ? o : s;
    }

    /**
     * The offered passages that state a structural fact: those that state one of the node's own facts. A
     * date's value also needs its year: in the date's words, in a passage cited for the date (the year a
     * paragraph gives "13 April"), or in a calendar of its own (the Bogdo Khan's reign).
     */
    private List<Cite> statingStructural(Fact f, List<Cite> offered) {
        Node s = f.triple().getSubject(), p = f.triple().getPredicate();
        if (isDate(s) && !p.equals(TG.dateText)) {
            Set<Cite> words = new HashSet<>();
            for (Fact g : bySubject.getOrDefault(s, List.of()))
                if (g.triple().getPredicate().equals(TG.dateText) && g.basis() != null) words.addAll(g.cites());
            List<Cite> out = new ArrayList<>(offered.stream().filter(words::contains).toList());
            if (out.isEmpty() || !p.equals(TG.dateValue) || ownCalendar(s)) return out;
            if (!julian(s) && !monthAndDayInWords(s, f.triple().getObject())) return List.of();
            String year = " " + f.triple().getObject().getLiteralLexicalForm().substring(0, 4) + " ";
            if (out.stream().anyMatch(c -> Wording.hasWords(passage(c), year))) return out;
            List<Cite> withYear = offered.stream().filter(c -> Wording.hasWords(passage(c), year)).toList();
            if (withYear.isEmpty()) {
                int y = Integer.parseInt(year.strip());
                return out.stream().allMatch(c -> c.source().yearInForce(c.start()) == y) ? out : List.of();
            }
            out.addAll(withYear.stream().filter(c -> !out.contains(c)).toList());
            return out;
        }
        Node dep = dependency(f);
        Set<Cite> ofNode = new HashSet<>();
        for (Fact g : bySubject.getOrDefault(dep, List.of()))
            if (g != f && !g.triple().getPredicate().equals(RDF.type.asNode()) && g.basis() != null) ofNode.addAll(g.cites());
        List<Cite> out = offered.stream().filter(ofNode::contains).toList();
        if (!out.isEmpty() || !p.equals(RDF.type.asNode())) return out;
        // A node with nothing else to say (an event known only by its kind: "never ratified") is stated by a word of its kind.
        List<String> kind = cuesOf(f.triple().getObject());
        return offered.stream().filter(c -> kind.stream().anyMatch(w -> Wording.hasWordStart(passage(c), w))).toList();
    }

    /**
     * Whether a date's words give the month and day its value claims: "six months later" does not give a
     * month, so a value of 1921-09 computed from it is the editors' (the date of a Julian date's words
     * differs from its Gregorian value, so Julian dates are not compared).
     */
    private boolean monthAndDayInWords(Node date, Node value) {
        String lex = value.getLiteralLexicalForm();
        if (lex.length() < 7) return true;
        String words = null;
        for (Fact g : bySubject.getOrDefault(date, List.of()))
            if (g.triple().getPredicate().equals(TG.dateText)) words = Wording.fold(g.triple().getObject().getLiteralLexicalForm());
        if (words == null) return false;
        int month = Integer.parseInt(lex.substring(5, 7));
        String name = MONTHS[month - 1];
        boolean monthGiven = words.contains(" " + name + " ") || words.contains(" " + name.substring(0, 3) + " ")
                || (month == 9 && words.contains(" sept ")) || words.matches(".* 0?" + month + " (1[89]\\d\\d) .*")
                || (lex.length() >= 10 && words.matches(".* 0?" + Integer.parseInt(lex.substring(8, 10)) + " 0?" + month + " .*"));   // 23.02.1921
        if (!monthGiven) return false;
        if (lex.length() < 10) return true;
        int day = Integer.parseInt(lex.substring(8, 10));
        return words.matches(".* 0?" + day + "(st|nd|rd|th)? .*");
    }

    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"};

    private boolean julian(Node date) {
        for (Fact g : bySubject.getOrDefault(date, List.of()))
            if (g.triple().getPredicate().equals(TG.calendar) && g.triple().getObject().getLocalName().startsWith("Julian")) return true;
        return false;
    }

    /** Whether a date's words are in a calendar with years of its own (the Bogdo Khan's reign, Rumi, Hijri). */
    private boolean ownCalendar(Node date) {
        for (Fact g : bySubject.getOrDefault(date, List.of()))
            if (g.triple().getPredicate().equals(TG.calendar) && !OWN_YEARS.contains(g.triple().getObject().getLocalName())) return true;
        return false;
    }

    private static final Set<String> OWN_YEARS = Set.of("GregorianCalendar", "JulianCalendar", "JulianAndGregorian");

    // ---- indexes ----------------------------------------------------------------------------------

    private void indexNames() {
        Node person = TG.Person;
        for (Fact f : converter.facts()) {
            Node p = f.triple().getPredicate();
            if (!p.equals(RDFS.label.asNode()) && !p.equals(SKOS.altLabel.asNode())) continue;
            Node s = f.triple().getSubject();
            String name = Wording.fold(f.triple().getObject().getLiteralLexicalForm());
            if (name.isEmpty()) continue;
            Set<String> set = names.computeIfAbsent(s, k -> new LinkedHashSet<>());
            set.addAll(variants.expand(name));
            boolean isPerson = converter.types().getOrDefault(s, Set.of()).stream().anyMatch(t -> ontology.isSubClassOf(t, person));
            String[] words = name.strip().split(" ");
            if (isPerson && words.length > 1 && words[words.length - 1].length() >= 3)
                set.addAll(variants.expand(" " + words[words.length - 1] + " "));
        }
    }

    private Set<String> namesOf(Node entity) {
        return names.getOrDefault(entity, Set.of());
    }

    private List<String> cuesOf(Node term) {
        return cues.computeIfAbsent(term, t -> {
            List<String> out = new ArrayList<>();
            ontology.graph().find(t, TG.cue, Node.ANY).forEach(x -> out.add(Wording.fold(x.getObject().getLiteralLexicalForm())));
            if (out.isEmpty() && isIndividual(t))
                ontology.graph().find(t, RDFS.label.asNode(), Node.ANY).forEach(x -> out.add(Wording.fold(x.getObject().getLiteralLexicalForm())));
            out.removeIf(String::isEmpty);
            Collections.sort(out);
            return out;
        });
    }

    private List<String> passage(Cite c) {
        return folded.computeIfAbsent(c.iri().getURI(), k -> Wording.foldPassage(c.exact()));
    }

    private boolean isDate(Node n) {
        return converter.types().getOrDefault(n, Set.of()).contains(TG.DateSpecification);
    }

    private boolean isNested(Node n) {
        return converter.definitions().containsKey(n) && !converter.entities().contains(n);
    }

    private boolean isIndividual(Node n) {
        return n.isURI() && n.getURI().startsWith(TG.NS) && !ontology.isClass(n);
    }

    private static boolean isNumber(Node literal) {
        String dt = literal.getLiteralDatatypeURI();
        return XSDDatatype.XSDinteger.getURI().equals(dt) || XSDDatatype.XSDdecimal.getURI().equals(dt);
    }

    private static int depth(Node n) {
        if (!n.isURI()) return 0;
        String uri = n.getURI();
        int slashes = 0;
        for (int i = 0; i < uri.length(); i++) if (uri.charAt(i) == '/') slashes++;
        return slashes;
    }

    private String show(Node n) {
        if (n.isLiteral()) return "\"" + shorten(n.getLiteralLexicalForm()) + "\"";
        if (IriScheme.isOurs(n)) return IriScheme.id(n);
        return ontology.shortName(n);
    }

    private static String quoted(Collection<String> words) {
        if (words.isEmpty()) return "none recorded";
        StringJoiner j = new StringJoiner(", ");
        words.stream().limit(8).forEach(w -> j.add("\"" + w.strip() + "\""));
        return j + (words.size() > 8 ? ", …" : "");
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 120 ? one : one.substring(0, 120) + "…";
    }
}

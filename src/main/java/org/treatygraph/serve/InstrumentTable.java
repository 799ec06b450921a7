package org.treatygraph.serve;

import org.treatygraph.core.DatesInWords;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.treatygraph.ontology.Hierarchy;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;
import org.treatygraph.ontology.TG;

/**
 * Every instrument with what the browse page filters and counts it by (its facet values) and its date in
 * words, read from the store once (page/browse/*.rq: a few hundred rows a facet, well under a second), so
 * that filtering and counting are set operations in memory.
 */
final class InstrumentTable {
    private static final Query INSTRUMENTS = Prefixes.query(InstrumentTable.class, "page/browse/instruments.rq");
    private static final Query DATES = Prefixes.query(InstrumentTable.class, "page/browse/dates.rq");
    private static final Query FACETS = Prefixes.query(InstrumentTable.class, "page/browse/facets.rq");
    private static final Query ISSUERS = Prefixes.query(InstrumentTable.class, "page/browse/issuers.rq");

    /** The facets, in the order the page shows them; each is a query parameter whose values have one syntax. */
    enum Facet {
        KIND("kind", "Kind", Syntax.TERM),
        YEAR("year", "Year", Syntax.YEAR),
        MONTH("month", "Month", Syntax.MONTH),
        PARTY("party", "Party", Syntax.ENTITY),
        SIGNATORY("signatory", "Signatory", Syntax.ENTITY),
        TERRITORY("territory", "Territory", Syntax.ENTITY),
        SOURCE("source", "Source", Syntax.ENTITY),
        STATUS("status", "Status", Syntax.TERM);

        final String param;
        final String heading;
        final Syntax syntax;

        Facet(String param, String heading, Syntax syntax) {
            this.param = param;
            this.heading = heading;
            this.syntax = syntax;
        }

        static Facet byParam(String param) {
            for (Facet f : values()) if (f.param.equals(param)) return f;
            return null;
        }
    }

    /** How a facet's values are written in a query string. */
    enum Syntax {
        ENTITY("an entity id such as polity/persia", IriScheme.ENTITY_ID.pattern()),
        TERM("an ontology term's name such as Treaty or InForce", "[A-Z][A-Za-z0-9]*"),
        YEAR("a year such as 1921", "[0-9]{4}"),
        MONTH("a month such as 1921-02", "[0-9]{4}-(0[1-9]|1[0-2])");

        final String described;
        private final java.util.regex.Pattern pattern;

        Syntax(String described, String regex) {
            this.described = described;
            this.pattern = java.util.regex.Pattern.compile(regex);
        }

        boolean accepts(String value) {
            return pattern.matcher(value).matches();
        }
    }

    /** An instrument: its page, label, kind and date in words, parties in words, and its value keys by facet. */
    record Instrument(String iri, String label, String kind, Span date, String parties, Map<Facet, Set<String>> values) {
        Set<String> values(Facet f) {
            return values.getOrDefault(f, Set.of());
        }
    }

    /** A date as its bounds, with the precision the source gives (a day, a month, a year), or a span of days. */
    record Span(LocalDate earliest, LocalDate latest, String precision) {
        String words() {
            return switch (precision) {
                case "day" -> day(earliest);
                case "month" -> month(YearMonth.from(earliest));
                case "year" -> String.valueOf(earliest.getYear());
                default -> earliest.equals(latest) ? day(earliest) : spanWords();
            };
        }

        /** The year, where the date lies within one. */
        String year() {
            return earliest.getYear() == latest.getYear() ? String.valueOf(earliest.getYear()) : null;
        }

        /** The month (1921-02), where the date lies within one. */
        String month() {
            return YearMonth.from(earliest).equals(YearMonth.from(latest)) ? YearMonth.from(earliest).toString() : null;
        }

        private int width() {
            return (int) (latest.toEpochDay() - earliest.toEpochDay());
        }

        private static String day(LocalDate d) {
            return DatesInWords.day(d);
        }

        static String month(YearMonth m) {
            return DatesInWords.month(m);
        }

        private String spanWords() {
            return DatesInWords.span(earliest, latest);
        }
    }

    /** Rows sorted by date (then label), and the label of every facet value, by facet and key. */
    final List<Instrument> rows;
    final Map<Facet, Map<String, String>> labels;

    private InstrumentTable(List<Instrument> rows, Map<Facet, Map<String, String>> labels) {
        this.rows = rows;
        this.labels = labels;
    }

    static InstrumentTable load(DatasetGraph dsg) {
        Dataset ds = DatasetFactory.wrap(dsg);
        return Txn.calculateRead(ds, () -> {
            Hierarchy hierarchy = new Hierarchy(dsg.getGraph(IriScheme.ONTOLOGY_GRAPH));
            Map<String, String> labelOf = new LinkedHashMap<>();
            select(ds, INSTRUMENTS, s -> {
                String iri = s.getResource("i").getURI();
                String id = IriScheme.id(iri);
                // Entities only: an instrument is a record with an id, never one of another's nodes.
                if (id != null && IriScheme.isEntityId(id)) labelOf.put(iri, s.contains("label") ? s.getLiteral("label").getString() : id);
            });
            Map<String, List<Candidate>> dates = new HashMap<>();
            select(ds, DATES, s -> dates.computeIfAbsent(s.getResource("i").getURI(), k -> new ArrayList<>()).add(new Candidate(
                    s.getLiteral("signing").getBoolean(), span(s.getLiteral("earliest"), s.getLiteral("latest"), s.contains("value") ? s.getLiteral("value") : null))));
            Map<String, Map<Facet, Set<String>>> values = new HashMap<>();
            Map<Facet, Map<String, String>> labels = new LinkedHashMap<>();
            Map<String, Set<Node>> kinds = new HashMap<>();
            select(ds, FACETS, s -> {
                String iri = s.getResource("i").getURI();
                Facet f = Facet.byParam(s.getLiteral("facet").getString());
                String v = s.getResource("v").getURI();
                if (f == Facet.KIND) kinds.computeIfAbsent(iri, k -> new LinkedHashSet<>()).add(NodeFactory.createURI(v));
                String key = key(f, v);
                if (key == null) return;
                values.computeIfAbsent(iri, k -> new HashMap<>()).computeIfAbsent(f, k -> new LinkedHashSet<>()).add(key);
                labels.computeIfAbsent(f, k -> new HashMap<>()).putIfAbsent(key, s.contains("label") ? s.getLiteral("label").getString() : key);
            });
            Map<String, Map<String, List<String>>> issuers = new HashMap<>();
            select(ds, ISSUERS, s -> issuers.computeIfAbsent(s.getResource("i").getURI(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.getResource("p").getLocalName(), k -> new ArrayList<>())
                    .add(s.contains("label") ? s.getLiteral("label").getString() : IriScheme.show(s.getResource("v").getURI())));
            List<Instrument> rows = new ArrayList<>();
            Map<String, String> yearLabels = new HashMap<>(), monthLabels = new HashMap<>();
            labelOf.forEach((iri, label) -> {
                Map<Facet, Set<String>> own = values.getOrDefault(iri, new HashMap<>());
                // The kind is the most specific of its classes under tg:Instrument (Hierarchy, the one owner of the class order).
                Set<Node> classes = kinds.getOrDefault(iri, Set.of(TG.Instrument));
                Set<String> mostSpecific = new LinkedHashSet<>();
                for (Node c : classes) {
                    boolean under = hierarchy.isSubClassOf(c, TG.Instrument);
                    boolean hasNarrower = classes.stream().anyMatch(d -> !d.equals(c) && hierarchy.isSubClassOf(d, c) && !hierarchy.isSubClassOf(c, d));
                    if (under && !hasNarrower) mostSpecific.add(key(Facet.KIND, c.getURI()));
                }
                own.put(Facet.KIND, mostSpecific);
                Span date = pick(dates.getOrDefault(iri, List.of()));
                if (date != null && date.year() != null) {
                    own.put(Facet.YEAR, Set.of(date.year()));
                    yearLabels.put(date.year(), date.year());
                    if (date.month() != null) {
                        own.put(Facet.MONTH, Set.of(date.month()));
                        monthLabels.put(date.month(), Span.month(YearMonth.parse(date.month())));
                    }
                }
                Map<String, String> kindLabels = labels.getOrDefault(Facet.KIND, Map.of());
                String kind = String.join(" and ", mostSpecific.stream().map(k -> kindLabels.getOrDefault(k, k)).toList());
                rows.add(new Instrument(iri, label, kind, date, parties(own.getOrDefault(Facet.PARTY, Set.of()), labels.get(Facet.PARTY), issuers.get(iri)), own));
            });
            labels.put(Facet.YEAR, yearLabels);
            labels.put(Facet.MONTH, monthLabels);
            rows.sort(Comparator.comparing((Instrument r) -> r.date() == null ? LocalDate.MAX : r.date().earliest())
                    .thenComparing(r -> r.date() == null ? LocalDate.MAX : r.date().latest())
                    .thenComparing(Instrument::label, String.CASE_INSENSITIVE_ORDER));
            return new InstrumentTable(List.copyOf(rows), labels);
        });
    }

    /** A facet value's key in the query string: an entity's id, or an ontology term's local name. */
    private static String key(Facet f, String iri) {
        if (f.syntax == Syntax.TERM) return iri.startsWith(TG.NS) ? iri.substring(TG.NS.length()) : null;
        String id = IriScheme.id(iri);
        return id != null && IriScheme.isEntityId(id) ? id : null;
    }

    /** The parties in words; where there are none, who issued it and to whom. */
    private static String parties(Set<String> parties, Map<String, String> labels, Map<String, List<String>> issuers) {
        if (!parties.isEmpty()) return String.join(", ", parties.stream().map(p -> labels.getOrDefault(p, p)).sorted().toList());
        if (issuers == null) return "";
        List<String> words = new ArrayList<>();
        if (issuers.containsKey("issuedBy")) words.add("from " + String.join(", ", issuers.get("issuedBy")));
        if (issuers.containsKey("addressedTo")) words.add("to " + String.join(", ", issuers.get("addressedTo")));
        return String.join(" ", words);
    }

    private record Candidate(boolean signing, Span span) {}

    /**
     * The instrument's date: its signing's, the most precise where sources differ; with no dated signing,
     * its first dated life-cycle event's.
     */
    private static Span pick(List<Candidate> candidates) {
        Comparator<Span> precise = Comparator.comparingInt(Span::width).thenComparing(Span::earliest);
        Comparator<Span> first = Comparator.comparing(Span::earliest).thenComparingInt(Span::width);
        List<Span> signings = candidates.stream().filter(Candidate::signing).map(Candidate::span).toList();
        if (!signings.isEmpty()) return signings.stream().min(precise).orElseThrow();
        return candidates.stream().map(Candidate::span).min(first).orElse(null);
    }

    static Span span(Literal earliest, Literal latest, Literal value) {
        LocalDate from = LocalDate.parse(earliest.getLexicalForm()), to = LocalDate.parse(latest.getLexicalForm());
        String precision = "span";
        if (value != null) {
            String dt = value.getDatatypeURI();
            if (XSDDatatype.XSDdate.getURI().equals(dt)) precision = "day";
            else if (XSDDatatype.XSDgYearMonth.getURI().equals(dt)) precision = "month";
            else if (XSDDatatype.XSDgYear.getURI().equals(dt)) precision = "year";
        }
        return new Span(from, to, precision);
    }

    private static void select(Dataset ds, Query q, Consumer<QuerySolution> each) {
        try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
            qe.execSelect().forEachRemaining(each);
        }
    }
}

package org.treatygraph.serve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.treatygraph.ontology.Hierarchy;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;
import org.treatygraph.ontology.TG;
import org.treatygraph.serve.InstrumentTable.Span;
import org.treatygraph.serve.view.TimeAxis;

/**
 * The timeline's items, read from the store once (page/timeline/*.rq): every instrument (with its label and
 * kind from the browse page's {@link InstrumentTable}) and every negotiation, recognition and territorial
 * change with a page of its own, each with every date the sources give for it, a date as one source gives
 * it (dates of the same value and what merged, their sources together). Also the one place that turns a
 * date into pixels on the axis of 1917–1925 ({@link #x}).
 */
final class Timeline {
    private static final Query DATES = Prefixes.query(Timeline.class, "page/timeline/dates.rq");
    private static final Query EVENTS = Prefixes.query(Timeline.class, "page/timeline/events.rq");
    static final LocalDate FROM = LocalDate.of(1917, 1, 1), TO = LocalDate.of(1925, 12, 31);
    /** The axis's width in pixels: about a third of a pixel a day, nine pixels a month. */
    static final int WIDTH = 900;
    private static final double DAYS = TO.toEpochDay() + 1 - FROM.toEpochDay();

    /** A date as the sources give it: what it dates (in words), its span at its precision, the source's words, its sources' codes. */
    record Mark(String what, boolean signing, Span span, String text, Set<String> sources) {}

    /** An instrument or event with a page: its IRI, label, kind in words, whether an instrument, and its dates in order. */
    record Item(String iri, String label, String kind, boolean instrument, List<Mark> marks) {
        LocalDate first() {
            return marks.stream().map(m -> m.span().earliest()).min(Comparator.naturalOrder()).orElse(null);
        }

        boolean within() {
            return marks.stream().anyMatch(m -> !m.span().latest().isBefore(FROM) && !m.span().earliest().isAfter(TO));
        }

        /** The signing dates differ: the sources disagree on when it was signed. */
        boolean contested() {
            return marks.stream().filter(Mark::signing).map(m -> List.of(m.span().earliest(), m.span().latest())).distinct().count() > 1;
        }
    }

    final List<Item> items;

    private Timeline(List<Item> items) {
        this.items = items;
    }

    static Timeline load(DatasetGraph dsg, InstrumentTable instruments) {
        Dataset ds = DatasetFactory.wrap(dsg);
        return Txn.calculateRead(ds, () -> {
            Hierarchy hierarchy = new Hierarchy(dsg.getGraph(IriScheme.ONTOLOGY_GRAPH));
            Map<String, Item> items = new LinkedHashMap<>();
            for (InstrumentTable.Instrument i : instruments.rows) items.put(i.iri(), new Item(i.iri(), i.label(), i.kind(), true, new ArrayList<>()));
            // Events: the most specific of their classes, in words.
            Map<String, Map<Node, String>> classes = new HashMap<>();
            Map<String, String> labels = new HashMap<>();
            select(ds, EVENTS, s -> {
                String iri = s.getResource("i").getURI();
                String id = IriScheme.id(iri);
                if (id == null || !IriScheme.isEntityId(id) || items.containsKey(iri) && items.get(iri).instrument()) return;
                classes.computeIfAbsent(iri, k -> new LinkedHashMap<>()).put(s.getResource("class").asNode(),
                        s.contains("classLabel") ? s.getLiteral("classLabel").getString() : s.getResource("class").getLocalName());
                if (s.contains("label")) labels.put(iri, s.getLiteral("label").getString());
            });
            classes.forEach((iri, cs) -> items.put(iri, new Item(iri, labels.getOrDefault(iri, IriScheme.show(iri)),
                    String.join(" and ", mostSpecific(hierarchy, cs.keySet()).stream().map(cs::get).sorted().toList()), false, new ArrayList<>())));
            // Dates: a row a date node and a class of its event; the most specific class is what it dates.
            record Raw(String item, Node date, Node what, String whatLabel, Span span, String text, Set<String> sources) {}
            Map<String, Map<Node, List<Raw>>> raws = new LinkedHashMap<>();
            select(ds, DATES, s -> {
                String iri = s.getResource("i").getURI();
                if (!items.containsKey(iri)) return;
                Node what = s.getResource("what").asNode();
                Set<String> sources = new TreeSet<>();
                if (s.contains("sources")) for (String c : s.getLiteral("sources").getString().split(" ")) if (!c.isBlank()) sources.add(c);
                raws.computeIfAbsent(iri, k -> new LinkedHashMap<>()).computeIfAbsent(s.getResource("d").asNode(), k -> new ArrayList<>())
                        .add(new Raw(iri, s.getResource("d").asNode(), what, null,
                                InstrumentTable.span(s.getLiteral("earliest"), s.getLiteral("latest"), s.contains("value") ? s.getLiteral("value") : null),
                                s.contains("text") ? s.getLiteral("text").getString() : null, sources));
            });
            raws.forEach((iri, byDate) -> {
                Map<List<Object>, Mark> merged = new LinkedHashMap<>();
                byDate.values().forEach(rs -> {
                    Set<Node> whats = new LinkedHashSet<>();
                    rs.forEach(r -> whats.add(r.what()));
                    Node what = mostSpecific(hierarchy, whats).stream().findFirst().orElse(rs.get(0).what());
                    Raw r = rs.get(0);
                    Set<String> sources = new TreeSet<>();
                    rs.forEach(x -> sources.addAll(x.sources()));
                    boolean signing = what.equals(TG.Signing);
                    String words = words(what);
                    merged.merge(List.of(words, r.span()), new Mark(words, signing, r.span(), r.text(), sources), (a, b) -> {
                        Set<String> both = new TreeSet<>(a.sources());
                        both.addAll(b.sources());
                        return new Mark(a.what(), a.signing(), a.span(), a.text() != null ? a.text() : b.text(), both);
                    });
                });
                List<Mark> marks = new ArrayList<>(merged.values());
                marks.sort(Comparator.comparing((Mark m) -> m.span().earliest()).thenComparing(m -> m.span().latest()));
                items.get(iri).marks().addAll(marks);
            });
            List<Item> all = new ArrayList<>(items.values());
            all.sort(Comparator.comparing((Item i) -> i.first() == null ? LocalDate.MAX : i.first()).thenComparing(Item::label, String.CASE_INSENSITIVE_ORDER));
            return new Timeline(List.copyOf(all));
        });
    }

    /**
     * The items that concern an entity (page/timeline/concerning.rq: for a polity what names it as a party,
     * negotiator, loser or gainer of a territory, recogniser or recognised; for a territory its changes and what
     * provides for them; for both the acts that began or ended its claims and controls), in the timeline's order.
     */
    List<Item> concerning(DatasetGraph dsg, String iri) {
        Set<String> found = new HashSet<>();
        Txn.executeRead(dsg, () -> PageQueries.select(dsg, "timeline/concerning", "entity", NodeFactory.createURI(iri))
                .forEach(row -> found.add(row.get("i").getURI())));
        return items.stream().filter(i -> found.contains(i.iri())).toList();
    }

    /** What a date dates, in words: a life-cycle event's kind ("signing"), or a date property's ("start"). */
    private static String words(Node what) {
        String local = what.getLocalName();
        if (what.equals(TG.date)) return "date";
        if (what.equals(TG.startDate)) return "start";
        if (what.equals(TG.endDate)) return "end";
        if (what.equals(TG.LifeCycleEvent)) return "event";
        // A class's name in words: EntryIntoForce → entry into force.
        return local.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Set<Node> mostSpecific(Hierarchy h, Set<Node> classes) {
        Set<Node> out = new LinkedHashSet<>();
        for (Node c : classes) {
            boolean hasNarrower = classes.stream().anyMatch(d -> !d.equals(c) && h.isSubClassOf(d, c) && !h.isSubClassOf(c, d));
            if (!hasNarrower) out.add(c);
        }
        return out;
    }

    // ---- the axis

    /** A day's place on the axis in pixels (its start), kept within the axis. */
    static double x(LocalDate d) {
        double days = d.toEpochDay() - FROM.toEpochDay();
        return round(Math.max(0, Math.min(WIDTH, days * WIDTH / DAYS)));
    }

    /** Where a day ends on the axis. */
    static double end(LocalDate d) {
        return x(d.plusDays(1));
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static TimeAxis axis() {
        List<TimeAxis.Year> years = new ArrayList<>();
        for (int y = FROM.getYear(); y <= TO.getYear(); y++) {
            LocalDate first = LocalDate.of(y, 1, 1);
            years.add(new TimeAxis.Year(String.valueOf(y), x(first), round(end(LocalDate.of(y, 12, 31)) - x(first))));
        }
        return new TimeAxis(WIDTH, years);
    }

    private static void select(Dataset ds, Query q, java.util.function.Consumer<QuerySolution> each) {
        try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
            qe.execSelect().forEachRemaining(each);
        }
    }

}

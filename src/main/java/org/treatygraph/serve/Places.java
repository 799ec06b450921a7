package org.treatygraph.serve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.treatygraph.history.TerritoryHistory;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;
import org.treatygraph.serve.view.Link;

/**
 * The map's data: every territory with its coordinates (WGS84 lat/long) or the reason it has none
 * (page/map/places.rq), and a territory's state on a day, from its history on that day
 * (history.TerritoryHistory, the `history` command's query, as the territory's history strip): who held
 * it, who was assigned it, who claimed it, what it lay within, and so its state for the map's colours; and
 * the territorial change that concerns it on a day, from which polity to which (page/map/changes.rq).
 */
final class Places {
    private static final Query PLACES = Prefixes.query(Places.class, "page/map/places.rq");

    /** A territory: its IRI and label, its coordinates (both null when it has none), and the reason given for having none. */
    record Place(String iri, String label, Double lat, Double lon, String reason) {
        boolean located() {
            return lat != null && lon != null;
        }
    }

    /** One thing that holds of the territory on the day: held by, assigned to, claimed by, within; the polity; certain or possible; the act or interval that says so. */
    record Relation(String relation, String polity, String polityLabel, String polityHref, String certainty, String act, String actLabel, String actHref) {}

    /** A territory on a day: its state (held, assigned, held-assigned, claimed, within, contested, none), and what holds of it. */
    record State(String state, List<Relation> relations) {}

    /**
     * A territorial change as the map tells it: the change, the polities it takes the territory from and gives
     * it to, the instrument that provides for it (null for a capture, occupation or evacuation: a change of
     * control), and the first and last day it may have happened on (its own date, else its instrument's signing).
     */
    record Change(Link change, List<Link> from, List<Link> to, Link instrument, LocalDate earliest, LocalDate latest) {
        /** "assignment" (by an instrument) or "control" (by force or withdrawal): the map tells them apart. */
        String kind() {
            return instrument == null ? "control" : "assignment";
        }
    }

    private Places() {}

    /** Every dated territorial change (page/map/changes.rq), by territory, in the order they began. */
    static Map<String, List<Change>> changes(Site site, DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Labels labels = new Labels(site, dsg);
            record Row(String territory, Node from, Node to, Node instrument, LocalDate earliest, LocalDate latest) {}
            Map<Node, List<Row>> byChange = new LinkedHashMap<>();
            for (Binding b : PageQueries.select(dsg, "map/changes")) {
                String e = PageQueries.text(b, "earliest"), l = PageQueries.text(b, "latest");
                if (e == null || l == null) continue;   // an undated change cannot be placed on a day
                byChange.computeIfAbsent(b.get("change"), k -> new ArrayList<>()).add(new Row(b.get("territory").getURI(), b.get("from"), b.get("to"),
                        b.get("instrument"), LocalDate.parse(e.substring(0, 10)), LocalDate.parse(l.substring(0, 10))));
            }
            Map<String, List<Change>> byTerritory = new LinkedHashMap<>();
            byChange.forEach((change, rows) -> {
                Set<Node> from = new LinkedHashSet<>(), to = new LinkedHashSet<>();
                Set<String> territories = new LinkedHashSet<>();
                rows.forEach(r -> {
                    territories.add(r.territory());
                    if (r.from() != null) from.add(r.from());
                    if (r.to() != null) to.add(r.to());
                });
                Row r = rows.get(0);
                Change c = new Change(labels.link(change), from.stream().map(labels::link).toList(), to.stream().map(labels::link).toList(),
                        r.instrument() == null ? null : labels.link(r.instrument()), r.earliest(), r.latest());
                territories.forEach(t -> byTerritory.computeIfAbsent(t, k -> new ArrayList<>()).add(c));
            });
            byTerritory.values().forEach(cs -> cs.sort(Comparator.comparing(Change::earliest).thenComparing(c -> c.change().text())));
            return byTerritory;
        });
    }

    /** The change that concerns a territory on a day: the last to have begun on or before it (all of them where several began that day). */
    static List<Change> latest(List<Change> changes, LocalDate day) {
        LocalDate last = null;
        for (Change c : changes) if (!c.earliest().isAfter(day)) last = c.earliest();
        if (last == null) return List.of();
        LocalDate at = last;
        return changes.stream().filter(c -> c.earliest().equals(at)).toList();
    }

    static List<Place> load(DatasetGraph dsg) {
        Dataset ds = DatasetFactory.wrap(dsg);
        return Txn.calculateRead(ds, () -> {
            List<Place> places = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.dataset(ds).query(PLACES).build()) {
                qe.execSelect().forEachRemaining(s -> {
                    String iri = s.getResource("t").getURI();
                    String id = IriScheme.id(iri);
                    if (id == null || !IriScheme.isEntityId(id)) return;
                    places.add(new Place(iri, s.contains("label") ? s.getLiteral("label").getString() : id,
                            number(s, "lat"), number(s, "long"), s.contains("reason") ? s.getLiteral("reason").getString() : null));
                });
            }
            return List.copyOf(places);
        });
    }

    private static Double number(QuerySolution s, String var) {
        if (!s.contains(var) || !s.get(var).isLiteral()) return null;
        try {
            return Double.parseDouble(s.getLiteral(var).getLexicalForm());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The territory's state on a day, from its history on that day. */
    static State on(Site site, DatasetGraph dsg, String territory, LocalDate day) {
        Dataset ds = DatasetFactory.wrap(dsg);
        return Txn.calculateRead(ds, () -> {
            Labels labels = new Labels(site, dsg);
            List<Relation> relations = new ArrayList<>();
            for (TerritoryHistory.Row r : TerritoryHistory.of(ds, territory, day)) {
                Link polity = labels.link(NodeFactory.createURI(r.polity()));
                Link act = r.start().act() == null ? labels.link(NodeFactory.createURI(r.interval())) : labels.link(NodeFactory.createURI(r.start().act()));
                String id = IriScheme.id(r.polity());
                relations.add(new Relation(r.relation(), id != null ? id : r.polity(), r.polityLabel() != null ? r.polityLabel() : polity.text(),
                        polity.href(), r.certainty(), IriScheme.id(r.start().act() != null ? r.start().act() : r.interval()), act.text(), act.href()));
            }
            return new State(state(relations), relations);
        });
    }

    /**
     * The state the map colours by: contested where those who hold it and those it is assigned to are more
     * than one polity; else held and assigned (one polity both), held (control only), assigned (an
     * instrument only), claimed, within a larger territory, or none recorded.
     */
    static String state(List<Relation> relations) {
        Set<String> holders = new LinkedHashSet<>(), assignees = new LinkedHashSet<>(), sovereigns = new LinkedHashSet<>();
        boolean claimed = false, within = false;
        for (Relation r : relations) {
            switch (r.relation()) {
                case "held" -> { holders.add(r.polity()); sovereigns.add(r.polity()); }
                case "assigned" -> { assignees.add(r.polity()); sovereigns.add(r.polity()); }
                case "claimed" -> claimed = true;
                case "within" -> within = true;
                default -> { }
            }
        }
        if (sovereigns.size() > 1) return "contested";
        if (!holders.isEmpty() && !assignees.isEmpty()) return "held-assigned";
        if (!holders.isEmpty()) return "held";
        if (!assignees.isEmpty()) return "assigned";
        if (claimed) return "claimed";
        if (within) return "within";
        return "none";
    }

    /** The state in words, for the list beside the map and the legend. */
    static String words(String state) {
        return switch (state) {
            case "contested" -> "contested: held or assigned by more than one polity";
            case "held-assigned" -> "held, and assigned by an instrument to the same polity";
            case "held" -> "held (control), no instrument assigning it";
            case "assigned" -> "assigned by an instrument, control not recorded";
            case "claimed" -> "claimed only";
            case "within" -> "within a larger territory";
            default -> "nothing recorded on this day";
        };
    }
}

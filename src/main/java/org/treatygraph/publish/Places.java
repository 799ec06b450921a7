package org.treatygraph.publish;

import static org.treatygraph.ontology.Solutions.text;
import static org.treatygraph.ontology.Solutions.uri;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.treatygraph.core.DatesInWords;
import org.treatygraph.history.TerritoryHistory;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;
import org.treatygraph.ontology.TG;

/**
 * The territories as the place exports (territories.geojson, territories.lpf.json) write them: names with their
 * passages, kind, Wikidata item, geometry with the check recorded for it or the reason there is none, and the
 * dated history of {@link TerritoryHistory} (who held it, was assigned it, claimed it, what it lay within), each
 * interval with the passages cited for it.
 */
final class Places {
    static final String GVP_BROADER_PARTITIVE = "http://vocab.getty.edu/ontology#broaderPartitive";

    /** A name of the place with the passages cited for it. */
    record Name(String text, String lang, SortedSet<SourceRefs.Ref> refs) {}

    /** How the coordinates were checked: the statement of geo:hasGeometry in the provenance graph. */
    record Check(String method, String methodLabel, String against, String excerpt, String checkedOn) {}

    /** A geometry: its WKT and, for GeoJSON, its type and coordinates ([long, lat] for a point). */
    record Geometry(String wkt, String type, Object coordinates) {}

    /** One interval of the history, with the property that states it (tg:controller…, gvp:broaderPartitive for within). */
    record Interval(String relation, String relationType, String polity, String polityLabel,
                    TerritoryHistory.Bound start, TerritoryHistory.Bound end, String interval, SortedSet<SourceRefs.Ref> refs) {
        /** The interval in words: "held by Grand National Assembly of Turkey". */
        String words() {
            String who = polityLabel != null ? polityLabel : IriScheme.show(polity);
            return switch (relation) {
                case "held" -> "held by " + who;
                case "claimed" -> "claimed by " + who;
                case "assigned" -> "assigned to " + who;
                case "within" -> "within " + who;
                default -> relation + ": " + who;
            };
        }
    }

    record Place(String iri, String label, String kind, String kindLabel, List<Name> names, String wikidata,
                 Geometry geometry, Check check, String noCoordinatesReason, List<Interval> history) {
        String id() {
            return IriScheme.id(iri);
        }
    }

    private Places() {}

    /** Every territory of the graph, by IRI. */
    static List<Place> all(Dataset dataset, SourceRefs refs) {
        Graph asserted = dataset.asDatasetGraph().getGraph(IriScheme.ASSERTED_GRAPH);
        Map<String, QuerySolution> first = new TreeMap<>();
        Map<String, SortedSet<String>> kinds = new TreeMap<>();
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(Prefixes.query(Places.class, "exports/territories.rq")).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                String t = s.getResource("t").getURI();
                // A territory the records give several kinds (or checks) to: the first in IRI order, the same on every run.
                String key = s.getResource("kind").getURI() + " " + text(s, "wkt") + " " + text(s, "against");
                kinds.computeIfAbsent(t, k -> new TreeSet<>()).add(key);
                if (first.containsKey(t) && !key.equals(kinds.get(t).first())) continue;
                first.put(t, s);
            }
        }
        Map<String, SortedSet<String>> alt = new TreeMap<>();
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(Prefixes.query(Places.class, "exports/territory-names.rq")).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                String t = s.getResource("t").getURI();
                if (first.containsKey(t)) alt.computeIfAbsent(t, k -> new TreeSet<>()).add(s.getLiteral("name").getLexicalForm());
            }
        }
        List<Place> places = new ArrayList<>();
        for (Map.Entry<String, QuerySolution> e : first.entrySet()) {
            QuerySolution s = e.getValue();
            Node t = NodeFactory.createURI(e.getKey());
            RDFNode labelNode = s.get("label");
            List<Name> names = new ArrayList<>();
            names.add(new Name(labelNode.asLiteral().getLexicalForm(), lang(labelNode), refs.of(t, RDFS.label.asNode(), labelNode.asNode())));
            for (String a : alt.getOrDefault(e.getKey(), new TreeSet<>())) {
                SortedSet<SourceRefs.Ref> r = new TreeSet<>();
                for (String l : new String[] {"en", ""}) r.addAll(refs.of(t, SKOS.altLabel.asNode(), l.isEmpty() ? NodeFactory.createLiteralString(a) : NodeFactory.createLiteralLang(a, l)));
                names.add(new Name(a, "en", r));
            }
            String wkt = text(s, "wkt");
            Check check = wkt == null || s.get("method") == null && s.get("against") == null && s.get("excerpt") == null && s.get("checkedOn") == null ? null
                    : new Check(uri(s, "method"), text(s, "methodLabel"), uri(s, "against"), text(s, "excerpt"), text(s, "checkedOn"));
            places.add(new Place(e.getKey(), labelNode.asLiteral().getLexicalForm(), s.getResource("kind").getURI(), text(s, "kindLabel"),
                    names, text(s, "qid"), wkt == null ? null : geometry(wkt), check, text(s, "noReason"),
                    history(dataset, asserted, refs, t)));
        }
        return places;
    }

    private static List<Interval> history(Dataset dataset, Graph asserted, SourceRefs refs, Node territory) {
        List<Interval> out = new ArrayList<>();
        for (TerritoryHistory.Row r : TerritoryHistory.of(dataset, territory.getURI(), null)) {
            Node interval = NodeFactory.createURI(r.interval()), polity = NodeFactory.createURI(r.polity());
            Node p = switch (r.relation()) {
                case "held" -> TG.controller;
                case "claimed" -> TG.claimant;
                case "within" -> TG.within;
                case "assigned" -> TG.toPolity;
                default -> asserted.contains(interval, TG.toPolity, polity) ? TG.toPolity : TG.fromPolity;
            };
            String type = r.relation().equals("within") ? GVP_BROADER_PARTITIVE : p.getURI();
            out.add(new Interval(r.relation(), type, r.polity(), r.polityLabel(), r.start(), r.end(), r.interval(), refs.of(interval, p, polity)));
        }
        out.sort(Comparator.comparing((Interval i) -> i.start().earliest(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Interval::relation).thenComparing(Interval::polity).thenComparing(Interval::interval));
        return out;
    }

    private static final Pattern WKT = Pattern.compile("(?:<[^>]*>\\s*)?(POINT|POLYGON)\\s*\\((.*)\\)\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern PAIR = Pattern.compile("\\s*(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)\\s+(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)\\s*");

    /** A WKT point or polygon (WGS 84, longitude first, as GeoSPARQL's default CRS and GeoJSON both have it). */
    static Geometry geometry(String wkt) {
        Matcher m = WKT.matcher(wkt);
        if (!m.matches()) throw new IllegalArgumentException("not a WKT point or polygon: " + wkt);
        if (m.group(1).equalsIgnoreCase("POINT")) return new Geometry(wkt, "Point", pair(m.group(2)));
        List<List<List<BigDecimal>>> rings = new ArrayList<>();
        Matcher ring = Pattern.compile("\\(([^()]*)\\)").matcher(m.group(2));
        while (ring.find()) {
            List<List<BigDecimal>> positions = new ArrayList<>();
            for (String pos : ring.group(1).split(",")) positions.add(pair(pos));
            rings.add(positions);
        }
        if (rings.isEmpty()) throw new IllegalArgumentException("a WKT polygon without rings: " + wkt);
        return new Geometry(wkt, "Polygon", rings);
    }

    private static List<BigDecimal> pair(String text) {
        Matcher m = PAIR.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException("not a WKT position (longitude latitude): " + text);
        return List.of(new BigDecimal(m.group(1)), new BigDecimal(m.group(2)));
    }

    /** A bound in ISO 8601 at its own precision: a day, a month (1921-09), a year, or earliest/latest; null when unknown. */
    static String iso(TerritoryHistory.Bound b) {
        if (b.earliest() == null && b.latest() == null) return null;
        if (b.earliest() == null) return "../" + b.latest();
        if (b.latest() == null) return b.earliest() + "/..";
        return iso(b.earliest(), b.latest());
    }

    static String iso(LocalDate e, LocalDate l) {
        if (e.equals(l)) return e.toString();
        if (e.getDayOfMonth() == 1 && YearMonth.from(e).equals(YearMonth.from(l)) && l.equals(YearMonth.from(e).atEndOfMonth())) return YearMonth.from(e).toString();
        if (e.getDayOfYear() == 1 && e.getYear() == l.getYear() && l.getDayOfYear() == l.lengthOfYear()) return String.format("%04d", e.getYear());
        return e + "/" + l;
    }

    /** A bound in words ("13 October 1921", "September 1921", "between …"); "unknown", or "still holding when the sources end". */
    static String words(TerritoryHistory.Bound b) {
        if (b.endOfSources()) return "still holding when the sources end";
        if (b.earliest() == null && b.latest() == null) return "unknown";
        if (b.earliest() == null) return "not after " + DatesInWords.day(b.latest());
        if (b.latest() == null) return "not before " + DatesInWords.day(b.earliest());
        return DatesInWords.span(b.earliest(), b.latest());
    }

    private static String lang(RDFNode n) {
        String l = n.asLiteral().getLanguage();
        return l == null || l.isEmpty() ? null : l;
    }


}

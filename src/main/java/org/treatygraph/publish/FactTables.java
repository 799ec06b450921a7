package org.treatygraph.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.treatygraph.core.DatesInWords;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;

/**
 * The CSV exports, for spreadsheets and R: instruments.csv, participations.csv and territorial-changes.csv,
 * one row per fact (an instrument, a participation, a territorial change), ordered by id. Entities are given by
 * id ("polity/rsfsr"; the IRI is https://w3id.org/treaty-graph/id/ and the id) beside their labels; a date in
 * ISO 8601 at its own precision ("1921-10-13", "1921-09", "1921", or earliest/latest) and in words; a cell with
 * several values (two sources dating a treaty differently, several parties) separates them with " | ", the
 * dates and their words in the same order. The sources are every passage cited for the row's own facts, as
 * "source code:start-end" (character offsets in the source text, as on the source pages), with the quotes in the
 * same order. The columns are documented in README.md (What the build writes) and docs/exports.md.
 */
final class FactTables {
    static final List<String> INSTRUMENT_COLUMNS = List.of("id", "label", "kind", "date", "date_in_words", "date_as_written",
            "place", "place_label", "parties", "party_labels", "issued_by", "issued_by_labels", "addressed_to", "addressed_to_labels",
            "sources", "quotes");
    static final List<String> PARTICIPATION_COLUMNS = List.of("id", "of", "of_label", "of_kind", "part", "person", "person_label",
            "on_behalf_of", "on_behalf_of_label", "role_title", "date", "date_in_words", "sources", "quotes");
    static final List<String> CHANGE_COLUMNS = List.of("id", "kind", "territory", "territory_label", "from_polity", "from_polity_label",
            "to_polity", "to_polity_label", "instrument", "instrument_label", "provision", "date", "date_in_words", "date_of",
            "sources", "quotes");

    private final Dataset dataset;
    private final SourceRefs refs;

    FactTables(Dataset dataset, SourceRefs refs) {
        this.dataset = dataset;
        this.refs = refs;
    }

    /** One row's values: each column a sorted set (of one value, mostly). */
    private static final class Row {
        final Map<String, SortedSet<String>> cells = new LinkedHashMap<>();
        final Map<String, String[]> dates = new TreeMap<>();   // date node -> {iso, words, as written}
        final SortedSet<String> nodes = new TreeSet<>();        // the nodes whose facts the row's sources are
        final Map<String, String[]> instrumentDates = new TreeMap<>();
        final Map<String, TreeMap<String, String>> entities = new TreeMap<>();   // column -> id -> label

        /** The ids of an entity column, and their labels in the same order (an empty label where one has none). */
        String ids(String column) {
            TreeMap<String, String> m = entities.get(column);
            return m == null ? "" : String.join(Csv.SEPARATOR, m.keySet());
        }

        String labels(String column) {
            TreeMap<String, String> m = entities.get(column);
            return m == null ? "" : String.join(Csv.SEPARATOR, m.values());
        }

        void add(String column, String value) {
            if (value != null) cells.computeIfAbsent(column, k -> new TreeSet<>()).add(value);
        }

        String get(String column) {
            SortedSet<String> v = cells.get(column);
            return v == null ? "" : String.join(Csv.SEPARATOR, v);
        }

        void date(QuerySolution s, String node, String value, String earliest, String latest, String text) {
            date(dates, s, node, value, earliest, latest, text);
        }

        static void date(Map<String, String[]> into, QuerySolution s, String node, String value, String earliest, String latest, String text) {
            RDFNode d = s.get(node);
            if (d == null || into.containsKey(d.toString())) return;
            String v = lit(s, value), e = lit(s, earliest), l = lit(s, latest);
            String iso = v != null ? v : e != null && l != null ? (e.equals(l) ? e : e + "/" + l) : e != null ? e + "/.." : l != null ? "../" + l : null;
            if (iso == null) return;
            into.put(d.toString(), new String[] {iso, DatesInWords.words(v, e, l), text == null ? null : lit(s, text)});
        }

        /** The dates' ISO forms, words, source words, each joined in the order of the ISO forms. */
        String[] dateCells() {
            List<String[]> ds = new ArrayList<>(dates.values());
            ds.sort((a, b) -> a[0].compareTo(b[0]));
            // the same date from two sources once
            List<String[]> uniq = new ArrayList<>();
            for (String[] d : ds) if (uniq.stream().noneMatch(u -> u[0].equals(d[0]) && java.util.Objects.equals(u[2], d[2]))) uniq.add(d);
            String[] out = new String[3];
            for (int i = 0; i < 3; i++) {
                int k = i;
                out[i] = String.join(Csv.SEPARATOR, uniq.stream().map(d -> d[k] == null ? "" : d[k]).toList());
            }
            if (uniq.stream().allMatch(d -> d[2] == null)) out[2] = "";
            return out;
        }
    }

    private Map<String, Row> rows(String query, String key, RowFiller filler) {
        Map<String, Row> rows = new TreeMap<>();
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(Prefixes.query(FactTables.class, "exports/" + query)).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                String id = IriScheme.show(s.getResource(key).getURI());
                filler.fill(rows.computeIfAbsent(id, k -> new Row()), s);
            }
        }
        return rows;
    }

    private interface RowFiller {
        void fill(Row r, QuerySolution s);
    }

    List<List<String>> instruments() {
        Map<String, Row> rows = rows("instruments.rq", "a", (r, s) -> {
            r.nodes.add(s.getResource("a").getURI());
            if (s.get("signing") != null) r.nodes.add(s.getResource("signing").getURI());
            r.add("label", lit(s, "label"));
            r.add("kind", lit(s, "kindLabel"));
            r.date(s, "date", "value", "earliest", "latest", "dateText");
            entity(r, s, "place", "place", "placeLabel");
            entity(r, s, "party", "parties", "partyLabel");
            entity(r, s, "issuer", "issued_by", "issuerLabel");
            entity(r, s, "addressee", "addressed_to", "addresseeLabel");
        });
        return table(rows, INSTRUMENT_COLUMNS, (id, r) -> {
            String[] d = r.dateCells();
            return List.of(id, r.get("label"), r.get("kind"), d[0], d[1], d[2], r.ids("place"), r.labels("place"), r.ids("parties"),
                    r.labels("parties"), r.ids("issued_by"), r.labels("issued_by"), r.ids("addressed_to"), r.labels("addressed_to"));
        }, false);
    }

    List<List<String>> participations() {
        Map<String, Row> rows = rows("participations.rq", "part", (r, s) -> {
            r.nodes.add(s.getResource("part").getURI());
            entity(r, s, "of", "of", "ofLabel");
            r.add("of_kind", lit(s, "ofKindLabel"));
            r.add("part", lit(s, "roleLabel"));
            entity(r, s, "person", "person", "personLabel");
            entity(r, s, "for", "on_behalf_of", "forLabel");
            r.add("role_title", lit(s, "roleTitle"));
            r.date(s, "date", "value", "earliest", "latest", null);
        });
        return table(rows, PARTICIPATION_COLUMNS, (id, r) -> {
            String[] d = r.dateCells();
            return List.of(id, r.ids("of"), r.labels("of"), r.get("of_kind"), r.get("part"), r.ids("person"), r.labels("person"),
                    r.ids("on_behalf_of"), r.labels("on_behalf_of"), r.get("role_title"), d[0], d[1]);
        }, true);
    }

    List<List<String>> territorialChanges() {
        Map<String, Row> rows = rows("territorial-changes.rq", "c", (r, s) -> {
            r.nodes.add(s.getResource("c").getURI());
            r.add("kind", lit(s, "kindLabel"));
            entity(r, s, "territory", "territory", "territoryLabel");
            entity(r, s, "from", "from_polity", "fromLabel");
            entity(r, s, "to", "to_polity", "toLabel");
            entity(r, s, "instrument", "instrument", "instrumentLabel");
            if (s.get("provision") != null) r.add("provision", IriScheme.show(s.getResource("provision").getURI()));
            if (s.get("date") != null) {
                r.add("own_date", "yes");
                r.date(s, "date", "value", "earliest", "latest", null);
            } else if (s.get("instrumentDate") != null) {
                Row.date(r.instrumentDates, s, "instrumentDate", "iValue", "iEarliest", "iLatest", null);
            }
        });
        return table(rows, CHANGE_COLUMNS, (id, r) -> {
            // A change with its own date keeps its own dates; else the signing of its instrument.
            if (!r.cells.containsKey("own_date")) r.dates.putAll(r.instrumentDates);
            String[] d = r.dateCells();
            String of = d[0].isEmpty() ? "" : r.cells.containsKey("own_date") ? "change" : "instrument signing";
            return List.of(id, r.get("kind"), r.ids("territory"), r.labels("territory"), r.ids("from_polity"), r.labels("from_polity"),
                    r.ids("to_polity"), r.labels("to_polity"), r.ids("instrument"), r.labels("instrument"), r.get("provision"), d[0], d[1], of);
        }, true);
    }

    private interface Cells {
        List<String> of(String id, Row r);
    }

    /** The rows in id order, each with its sources: the passages cited for the facts about its nodes (and, with linkedTo, for those pointing to them). */
    private List<List<String>> table(Map<String, Row> rows, List<String> columns, Cells cells, boolean linkedTo) {
        List<List<String>> out = new ArrayList<>();
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            List<String> row = new ArrayList<>(cells.of(e.getKey(), e.getValue()));
            List<Node> nodes = e.getValue().nodes.stream().map(NodeFactory::createURI).toList();
            SortedSet<SourceRefs.Ref> r = refs.about(nodes, linkedTo);
            row.add(SourceRefs.labels(r));
            row.add(SourceRefs.quotes(r));
            if (row.size() != columns.size()) throw new IllegalStateException(row.size() + " cells for " + columns);
            out.add(row);
        }
        return out;
    }

    private static void entity(Row r, QuerySolution s, String var, String column, String labelVar) {
        if (s.get(var) == null || !s.get(var).isURIResource()) return;
        String label = lit(s, labelVar);
        r.entities.computeIfAbsent(column, k -> new TreeMap<>()).merge(IriScheme.show(s.getResource(var).getURI()), label == null ? "" : label,
                (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }

    private static String lit(QuerySolution s, String var) {
        if (var == null) return null;
        RDFNode n = s.get(var);
        return n == null ? null : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
    }

    static Path writeCsv(Path p, List<String> columns, List<List<String>> rows) throws IOException {
        return Csv.write(p, columns, rows);
    }
}

package org.treatygraph.history;

import static org.treatygraph.ontology.Solutions.text;
import static org.treatygraph.ontology.Solutions.uri;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.treatygraph.ontology.Prefixes;

/**
 * A territory's history: who held it, who was assigned it by an instrument and who claimed it, from when
 * to when, with the evidence for each row. Runs the competency query queries/cq13-territory-on-date.rq
 * (in the jar as a resource), over the whole history or on one day.
 */
public final class TerritoryHistory {
    private static final String QUERY = "cq13-territory-on-date.rq";

    private TerritoryHistory() {}

    /** One end of an interval: a day range (null when the sources do not say), its words, the act behind it. */
    public record Bound(LocalDate earliest, LocalDate latest, String text, String act, boolean endOfSources) {
        public boolean unknown() {
            return earliest == null && latest == null && !endOfSources;
        }
    }

    /** A passage cited for a row, or none for the editors' own. */
    public record Evidence(String basis, String source, Integer line, String quote) {}

    /** Who held, was assigned or claimed the territory, from when to when, and on what evidence. */
    public record Row(String relation, String polity, String polityLabel, Bound start, Bound end,
                      String certainty, String interval, List<Evidence> evidence) {}

    /**
     * @param territory the territory's IRI
     * @param on a day, or null for the whole history
     */
    public static List<Row> of(Dataset dataset, String territory, LocalDate on) {
        Query query = Prefixes.query(TerritoryHistory.class, QUERY);
        var exec = QueryExecution.dataset(dataset).query(query).substitution("territory", ResourceFactory.createResource(territory));
        if (on != null) exec = exec.substitution("on", ResourceFactory.createTypedLiteral(on.toString(), XSDDatatype.XSDdate));
        Map<String, Row> rows = new LinkedHashMap<>();
        try (QueryExecution qe = exec.build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                String key = s.getResource("interval").getURI() + " " + s.getResource("polity").getURI() + " " + text(s, "relation");
                Row row = rows.computeIfAbsent(key, k -> new Row(text(s, "relation"), s.getResource("polity").getURI(), text(s, "polityLabel"),
                        new Bound(day(s, "startEarliest"), day(s, "startLatest"), text(s, "startText"), uri(s, "beganWith"), false),
                        new Bound(day(s, "endEarliest"), day(s, "endLatest"), text(s, "endText"), uri(s, "endedWith"),
                                s.contains("stillHolding") && s.getLiteral("stillHolding").getBoolean()),
                        text(s, "certainty"), s.getResource("interval").getURI(), new ArrayList<>()));
                if (s.contains("basis")) {
                    Evidence e = new Evidence(s.getResource("basis").getLocalName(), text(s, "source"),
                            s.contains("line") ? s.getLiteral("line").getInt() : null, text(s, "quote"));
                    if (!row.evidence().contains(e)) row.evidence().add(e);
                }
            }
        }
        return List.copyOf(rows.values());
    }



    private static LocalDate day(QuerySolution s, String var) {
        RDFNode n = s.get(var);
        return n == null ? null : LocalDate.parse(n.asLiteral().getLexicalForm());
    }
}

package org.treatygraph.publish;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;

/**
 * docs/agreements.md: every instrument of the graph with its kind, dates, place, parties, territorial
 * changes and number of citations, generated from the built graph (a test checks the file is current).
 */
public final class AgreementsReport {
    private AgreementsReport() {}

    public static String markdown(TreatyGraph graph) {
        Dataset ds = graph.queryDataset();
        StringBuilder md = new StringBuilder();
        md.append("# Agreements in the treaty graph\n\n")
          .append("Generated from the built graph by `java -jar target/treaty-graph.jar agreements --out docs/agreements.md`;\n")
          .append("a test fails when this file is not current. Dates are as each source gives them (one per source);\n")
          .append("citations count the source passages behind the instrument's facts and those of its parts.\n\n")
          .append("| Instrument | Kind | Date | Place | Parties | Territorial changes | Citations |\n")
          .append("|---|---|---|---|---|---|---|\n");
        int rows = 0;
        try (QueryExecution qe = QueryExecution.dataset(ds).query(resource("agreements.rq")).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                String iri = s.getResource("a").getURI();
                md.append("| ").append(cell(s.getLiteral("label").getString()))
                  .append(" (`").append(IriScheme.id(iri)).append("`)")
                  .append(" | ").append(cell(text(s.get("kind"))))
                  .append(" | ").append(cell(text(s.get("dates"))))
                  .append(" | ").append(cell(text(s.get("places"))))
                  .append(" | ").append(cell(parties(s)))
                  .append(" | ").append(cell(String.join("; ", changes(ds, iri))))
                  .append(" | ").append(citations(ds, iri))
                  .append(" |\n");
                rows++;
            }
        }
        md.append("\n").append(rows).append(" instruments.\n");
        return md.toString();
    }

    /** The parties; for a note, ultimatum or declaration, who issued it and to whom. */
    private static String parties(QuerySolution s) {
        String parties = text(s.get("parties")), from = text(s.get("issuers")), to = text(s.get("addressees"));
        List<String> parts = new ArrayList<>();
        if (!parties.isEmpty()) parts.add(parties);
        if (!from.isEmpty()) parts.add("issued by " + from);
        if (!to.isEmpty()) parts.add("to " + to);
        return String.join("; ", parts);
    }

    private static List<String> changes(Dataset ds, String agreement) {
        List<String> out = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(ds).query(resource("agreement-changes.rq"))
                .substitution("agreement", ResourceFactory.createResource(agreement)).build()) {
            qe.execSelect().forEachRemaining(s -> {
                String line = text(s.get("kind")) + ": " + text(s.get("territory"));
                if (s.get("from") != null) line += " from " + text(s.get("from"));
                if (s.get("to") != null) line += " to " + text(s.get("to"));
                if (!out.contains(line)) out.add(line);
            });
        }
        return out;
    }

    private static int citations(Dataset ds, String agreement) {
        try (QueryExecution qe = QueryExecution.dataset(ds).query(resource("agreement-citations.rq"))
                .substitution("agreement", ResourceFactory.createResource(agreement)).build()) {
            return qe.execSelect().next().getLiteral("n").getInt();
        }
    }

    private static String text(RDFNode n) {
        return n == null ? "" : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    static Query resource(String name) {
        return Prefixes.query(AgreementsReport.class, name);
    }
}

package org.treatygraph.convert;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.treatygraph.core.Problem;
import org.treatygraph.ontology.TG;

/**
 * Completes and checks dates. A date's earliest and latest bounds follow from its typed value when a
 * record leaves them out (a month gives its first and last day), so that range queries work on every
 * date, precise or not. Derived bounds rest on what the value rests on. (That a date's own words stand
 * in the passage cited for it is checked with every other fact, by {@link Support}.)
 */
final class Dates {
    private Dates() {}

    static void complete(RecordConverter converter, List<Problem> problems) {
        Map<Node, Fact> value = new HashMap<>(), earliest = new HashMap<>(), latest = new HashMap<>();
        for (Fact f : converter.facts()) {
            Node p = f.triple().getPredicate();
            if (p.equals(TG.dateValue)) value.put(f.triple().getSubject(), f);
            else if (p.equals(TG.earliest)) earliest.put(f.triple().getSubject(), f);
            else if (p.equals(TG.latest)) latest.put(f.triple().getSubject(), f);
        }
        for (Map.Entry<Node, Fact> e : value.entrySet()) {
            Node date = e.getKey();
            Fact v = e.getValue();
            LocalDate[] range = range(v.triple().getObject());
            if (range == null || v.basis() == null) continue;   // an unsupported value is reported already
            if (!earliest.containsKey(date)) converter.derive(date, TG.earliest, dateLiteral(range[0]), v);
            if (!latest.containsKey(date)) converter.derive(date, TG.latest, dateLiteral(range[1]), v);
            LocalDate lo = bound(earliest.get(date)), hi = bound(latest.get(date));
            if ((lo != null && lo.isAfter(range[1])) || (hi != null && hi.isBefore(range[0])))
                problems.add(new Problem(v.location(), "dateValue " + v.triple().getObject().getLiteralLexicalForm()
                        + " lies outside its own earliest/latest bounds"));
        }
    }

    /** The first and last day a typed date value can denote, or null if it is not a date value. */
    static LocalDate[] range(Node literal) {
        if (!literal.isLiteral()) return null;
        String lex = literal.getLiteralLexicalForm();
        String dt = literal.getLiteralDatatypeURI();
        if (XSDDatatype.XSDdate.getURI().equals(dt)) {
            LocalDate d = LocalDate.parse(lex.substring(0, 10));
            return new LocalDate[] {d, d};
        }
        if (XSDDatatype.XSDgYearMonth.getURI().equals(dt)) {
            YearMonth ym = YearMonth.parse(lex.substring(0, 7));
            return new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()};
        }
        if (XSDDatatype.XSDgYear.getURI().equals(dt)) {
            int y = Integer.parseInt(lex.substring(0, 4));
            return new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)};
        }
        return null;
    }

    private static LocalDate bound(Fact f) {
        return f == null ? null : LocalDate.parse(f.triple().getObject().getLiteralLexicalForm());
    }

    private static Node dateLiteral(LocalDate d) {
        return NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate);
    }
}

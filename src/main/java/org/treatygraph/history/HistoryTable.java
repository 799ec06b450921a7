package org.treatygraph.history;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.treatygraph.ontology.IriScheme;

/** Prints a territory's history as a plain-text table, a row an interval, each bound as precise as its source. */
public final class HistoryTable {
    private HistoryTable() {}

    public static String format(String territoryId, String territoryLabel, List<TerritoryHistory.Row> rows, LocalDate on) {
        List<String[]> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("from", "to", "relation", "polity", "began with", "ended with", "evidence"));
        if (on != null) header.add(2, "on " + on);
        cells.add(header.toArray(String[]::new));
        for (TerritoryHistory.Row r : rows) {
            List<String> c = new ArrayList<>(List.of(show(r.start()), show(r.end()), r.relation(),
                    r.polityLabel() != null ? r.polityLabel() : IriScheme.show(r.polity()),
                    r.start().act() == null ? "" : IriScheme.show(r.start().act()), r.end().act() == null ? "" : IriScheme.show(r.end().act()),
                    evidence(r.evidence())));
            if (on != null) c.add(2, r.certainty());
            cells.add(c.toArray(String[]::new));
        }
        int[] width = new int[header.size()];
        for (String[] row : cells) for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());
        StringBuilder sb = new StringBuilder();
        sb.append(territoryLabel).append(" (").append(territoryId).append(")");
        if (on != null) sb.append(" on ").append(on);
        sb.append('\n');
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) line.append(" ".repeat(width[i] - row[i].length() + 2));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        if (rows.isEmpty()) sb.append(on == null ? "(no recorded holder, assignment or claim)\n" : "(nobody recorded as holding, assigned or claiming it on that day)\n");
        return sb.toString();
    }

    /** A bound at its own precision: a day, a month, a year, a range of days, or "?" when unknown. */
    static String show(TerritoryHistory.Bound b) {
        if (b.endOfSources()) return "(sources end)";
        if (b.earliest() == null || b.latest() == null) return b.earliest() != null ? "from " + b.earliest() : b.latest() != null ? "by " + b.latest() : "?";
        LocalDate e = b.earliest(), l = b.latest();
        if (e.equals(l)) return e.toString();
        if (e.getDayOfMonth() == 1 && YearMonth.from(e).equals(YearMonth.from(l)) && l.equals(YearMonth.from(e).atEndOfMonth()))
            return YearMonth.from(e).toString();
        if (e.getDayOfYear() == 1 && e.getYear() == l.getYear() && l.getMonthValue() == 12 && l.getDayOfMonth() == 31)
            return Integer.toString(e.getYear());
        return e + ".." + l;
    }

    private static String evidence(List<TerritoryHistory.Evidence> ev) {
        StringJoiner j = new StringJoiner(", ");
        for (TerritoryHistory.Evidence e : ev) {
            if (e.source() == null) j.add(e.basis().toLowerCase(java.util.Locale.ROOT));
            else j.add(e.source() + ":" + e.line() + (e.basis().equals("Reading") ? " (reading)" : ""));
        }
        String s = j.toString();
        return s.isEmpty() ? "-" : s;
    }
}

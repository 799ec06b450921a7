package org.treatygraph.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Location;
import org.treatygraph.core.Problem;

/**
 * The window of plausible dates, from data/date-window.yaml: a date a record writes that falls wholly
 * outside it is a typo ("1291" for "1921") until the editors widen the window. It lives with the data,
 * not the ontology, because it follows from what the sources tell of, not from what a date is.
 */
record DateWindow(LocalDate from, LocalDate to, String file) {
    private static final Set<String> KEYS = Set.of("from", "to");

    /** Whether a date that may be any day from range[0] to range[1] can lie in the window. */
    boolean admits(LocalDate[] range) {
        return !range[1].isBefore(from) && !range[0].isAfter(to);
    }

    @Override
    public String toString() {
        return from + " to " + to + " (" + file + ")";
    }

    /** The window, or null with problems: a missing or malformed file leaves the dates unchecked and the build failing. */
    static DateWindow read(Path path, String displayName, List<Problem> problems) throws IOException {
        if (!Files.exists(path)) {
            problems.add(new Problem(null, displayName + " is missing: it gives the window of plausible dates (from, to) "
                    + "that every date in the records must fall in"));
            return null;
        }
        YamlNode root;
        try {
            root = YamlReader.read(path, displayName);
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
        if (!root.isMap()) {
            problems.add(new Problem(root.location(), "the date window is a map with 'from' and 'to' (dates, \"YYYY-MM-DD\"), found " + root.describe()));
            return null;
        }
        int before = problems.size();
        for (String key : root.entries().keySet())
            if (!KEYS.contains(key)) problems.add(new Problem(root.keyLocation(key), "unknown key '" + key + "' in the date window: it has 'from' and 'to'"));
        LocalDate from = bound(root, "from", problems), to = bound(root, "to", problems);
        if (from != null && to != null && to.isBefore(from))
            problems.add(new Problem(root.get("to").location(), "the date window ends (" + to + ") before it starts (" + from + ")"));
        return problems.size() > before ? null : new DateWindow(from, to, displayName);
    }

    private static LocalDate bound(YamlNode root, String key, List<Problem> problems) {
        YamlNode v = root.get(key);
        LocalDate day = v == null || !v.isScalar() ? null : Literals.day(v);
        if (day == null) problems.add(new Problem(v == null ? root.location() : v.location(), "'" + key + "' of the date window is a day in quotes, "
                + "\"YYYY-MM-DD\", found " + (v == null ? "nothing" : v.isScalar() ? v.describeScalar() : v.describe())));
        return day;
    }
}

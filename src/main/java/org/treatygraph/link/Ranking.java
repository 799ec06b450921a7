package org.treatygraph.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order candidates are offered in: best score first (ties by QID, so a rerun orders them the same);
 * for a polity, a regime then goes after its state (see {@link #statesBeforeTheirFacets}).
 */
final class Ranking {
    private static final String FACET_OF = "P1269";

    private Ranking() {}

    /** @param items the scored items by QID, for the statements ranking reads */
    static List<Candidate> rank(Wanted wanted, List<Candidate> scored, Map<String, Item> items) {
        List<Candidate> out = new ArrayList<>(scored);
        out.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::qid));
        return wanted.dates() == Wanted.Dates.EXISTENCE ? statesBeforeTheirFacets(out, items) : out;
    }

    /**
     * Our polity records name states, and a state's period or regime (an item that is a facet of it, P1269:
     * the Weimar Republic of the German Reich) is narrower than such a record: where both are candidates,
     * the facet goes just after its state, unless the state's existence excludes all our years.
     */
    private static List<Candidate> statesBeforeTheirFacets(List<Candidate> ranked, Map<String, Item> items) {
        List<Candidate> out = new ArrayList<>(ranked);
        for (Candidate facet : ranked) {
            for (String state : items.get(facet.qid()).items(FACET_OF)) {
                int at = indexOf(out, state), from = indexOf(out, facet.qid());
                if (at > from && !(out.get(at).dateScore() != null && out.get(at).dateScore() == 0)) {
                    out.remove(from);
                    out.add(at, facet);   // the state moved up one place: the facet now follows it
                }
            }
        }
        return out;
    }

    private static int indexOf(List<Candidate> list, String qid) {
        for (int i = 0; i < list.size(); i++) if (list.get(i).qid().equals(qid)) return i;
        return -1;
    }
}

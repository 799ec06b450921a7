package org.treatygraph.convert;

import java.util.Collection;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" for unknown keys, classes, individuals and ids: the nearest name by edit distance. */
public final class Suggest {
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

    private Suggest() {}

    /** "; nearest: hasParty", or "" when nothing is close. */
    public static String nearest(String wrong, Collection<String> candidates) {
        if (wrong == null) return "";
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = LEVENSHTEIN.apply(wrong.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance || (d == bestDistance && c.compareTo(best) < 0)) {
                best = c;
                bestDistance = d;
            }
        }
        if (best == null || bestDistance > Math.max(3, wrong.length() / 2)) return "";
        return "; nearest: " + best;
    }
}

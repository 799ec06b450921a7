package org.treatygraph.convert;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for unknown keys, classes, individuals and ids: the nearest name by edit distance. */
public final class Suggest {
    private Suggest() {}

    /** "; nearest: hasParty", or "" when nothing is close. */
    public static String nearest(String wrong, Collection<String> candidates) {
        if (wrong == null) return "";
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(wrong.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance || (d == bestDistance && c.compareTo(best) < 0)) {
                best = c;
                bestDistance = d;
            }
        }
        if (best == null || bestDistance > Math.max(3, wrong.length() / 2)) return "";
        return "; nearest: " + best;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}

package org.treatygraph.link;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Scores an item 0–100 as a candidate for one of our entities, from three parts (the weights, named here
 * by their standard values, are those of scoring.properties):
 * <ul>
 * <li>names (weight 60): the best Jaro-Winkler similarity between any of our names and any label or alias
 *     of the item in English, Russian, Turkish, German or French, or 0.9 when all the words of our name are
 *     among the item's ("Japan" in "Empire of Japan"); a match on our label counts a little more than one
 *     on an alternative name (0.95), so "Democratic Republic of Georgia" beats the item "Georgia";</li>
 * <li>type (weight 20, when our classes have tg:wikidataClass): whether the item's P31 is one of them;</li>
 * <li>dates (weight 20, when we know years for the entity): an agreement's signing year against the item's
 *     P585 or P571; for a person or polity, the share of our years inside the item's life (P569–P570) or
 *     existence (P571–P576). An item without those dates gets half.</li>
 * <li>context (weight 20, only when it agrees): the item's claims name the Wikidata item of an entity the graph
 *     ties ours to (a treaty's party or place of signing, a person's polity, a place's polity, a polity's
 *     predecessor); an item that names none is neither helped nor harmed, since sparse items name little.</li>
 * </ul>
 * The score is the sum over the parts that apply, scaled to 100, then multiplied by 0.5 + 0.5 × the share of
 * our years inside a person's life or a polity's existence (halved when it excludes them all). A name of
 * ours that two or more candidates carry exactly tells them apart less well than a name only one carries,
 * so matches on such a shared name count 0.9 of their similarity (the frequency weighting of record
 * linkage: agreeing on a common value is weaker evidence).
 */
final class Scoring {
    /** Words that do not tell names apart ("Treaty of Kars"): left out where names are compared word by word. */
    static final Set<String> STOPWORDS = Set.of("of", "the", "and", "de", "la", "le", "des", "du");
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();
    private final ScoringWeights w;

    Scoring(ScoringWeights weights) {
        this.w = weights;
    }

    Candidate score(Wanted wanted, Item item) {
        return score(wanted, item, Set.of(), null);
    }

    /** @param sharedNames our names (by index) that two or more of the candidates carry, see {@link #sharedNames} */
    Candidate score(Wanted wanted, Item item, Set<Integer> sharedNames, String foundVia) {
        List<String> theirs = names(item);
        double name = 0;
        for (int i = 0; i < wanted.names().size(); i++) {
            String ours = EntityIndex.normalise(wanted.names().get(i));
            double weight = (i == 0 ? 1 : w.alternativeName()) * (sharedNames.contains(i) ? w.sharedName() : 1);
            for (String t : theirs) name = Math.max(name, similarity(ours, t) * weight);
        }
        Double type = null;
        if (!wanted.classes().isEmpty()) {
            type = 0.0;
            for (String c : item.classes()) if (wanted.classes().contains(c)) type = 1.0;
        }
        boolean dated = !wanted.years().isEmpty() && wanted.dates() != Wanted.Dates.NONE;
        Double coverage = dated ? dateAgreement(wanted, item) : null;   // null: the item has no such dates
        Double date = dated ? (coverage == null ? w.dateUnknown() : coverage) : null;
        // What the graph ties our entity to, named by the item's own claims: counted only when it agrees.
        boolean context = !wanted.related().isEmpty() && item.allItems().stream().anyMatch(wanted.related()::contains);
        double points = name * w.name() + (type == null ? 0 : type * w.type()) + (date == null ? 0 : date * w.date()) + (context ? w.context() : 0);
        double max = w.name() + (type == null ? 0 : w.type()) + (date == null ? 0 : w.date()) + (context ? w.context() : 0);
        // A person or state cannot be ours at a time they did not exist: the score is scaled from 1 (all our years
        // inside their life or existence) down to outside-our-years (none: died before our facts, or founded after them).
        double contradiction = coverage != null && wanted.dates() != Wanted.Dates.POINT ? w.outsideOurYears() + (1 - w.outsideOurYears()) * coverage : 1;
        return new Candidate(item.qid(), item.label(), item.description(), round(100 * points / max * contradiction), round(name * 100),
                type == null ? null : round(type * w.type()), date == null ? null : round(date * w.date()), foundVia, context ? w.context() : null);
    }

    /** Which of our names (by index) two or more of the items carry exactly, as a label or alias. */
    static Set<Integer> sharedNames(Wanted wanted, Collection<Item> items) {
        Set<Integer> shared = new LinkedHashSet<>();
        for (int i = 0; i < wanted.names().size(); i++) {
            String ours = EntityIndex.normalise(wanted.names().get(i));
            int carriers = 0;
            for (Item item : items) if (names(item).contains(ours)) carriers++;
            if (carriers > 1) shared.add(i);
        }
        return shared;
    }

    /** The item's labels and aliases, normalised. */
    private static List<String> names(Item item) {
        return item.names().stream().map(EntityIndex::normalise).toList();
    }

    /**
     * Jaro-Winkler on the whole names, or contained-name when every word of ours is a word of theirs: "Japan" in
     * "Empire of Japan", "Iran" in "Qajar Iran" (Jaro-Winkler, weighted to common prefixes, rates those low).
     */
    private double similarity(String ours, String theirs) {
        double jw = SIMILARITY.apply(ours, theirs);
        Set<String> mine = words(ours), other = words(theirs);
        return !mine.isEmpty() && other.containsAll(mine) ? Math.max(jw, w.containedName()) : jw;
    }

    /** The words of a normalised name, stopwords left out. */
    static Set<String> words(String normalised) {
        Set<String> out = new LinkedHashSet<>(List.of(normalised.split(" ")));
        out.removeAll(STOPWORDS);
        out.remove("");
        return out;
    }

    /** 0 to 1: how well our years fit the item's dates (for a life or existence, the share of our years inside it); null when the item has none. */
    private static Double dateAgreement(Wanted wanted, Item item) {
        Set<Integer> from = item.years(wanted.dates().from), to = item.years(wanted.dates().to);
        if (wanted.dates() == Wanted.Dates.POINT) {
            from.addAll(to);
            if (from.isEmpty()) return null;
            return wanted.years().stream().anyMatch(from::contains) ? 1.0 : 0.0;
        }
        if (from.isEmpty() && to.isEmpty()) return null;
        int start = from.stream().min(Integer::compare).orElse(Integer.MIN_VALUE), end = to.stream().max(Integer::compare).orElse(Integer.MAX_VALUE);
        long inside = wanted.years().stream().filter(y -> y >= start && y <= end).count();
        return (double) inside / wanted.years().size();
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}

package org.treatygraph.link;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Candidate Wikidata items for one of our entities, scored 0–100 from three parts:
 * <ul>
 * <li>names (weight 60): the best Jaro-Winkler similarity between any of our names and any label or alias
 *     of the item in English, Russian, Turkish, German or French, or 0.9 when all the words of our name are
 *     among the item's ("Japan" in "Empire of Japan"); a match on our label counts a little more than one
 *     on an alternative name, so "Democratic Republic of Georgia" beats the item "Georgia";</li>
 * <li>type (weight 20, when our classes have tg:wikidataClass): whether the item's P31 is one of them;</li>
 * <li>dates (weight 20, when we know years for the entity): an agreement's signing year against the item's
 *     P585 or P571; for a person or polity, the share of our years inside the item's life (P569–P570) or
 *     existence (P571–P576). An item without those dates gets half.</li>
 * </ul>
 * The score is the sum over the parts that apply, scaled to 100, then multiplied by 0.5 + 0.5 × the share of
 * our years inside a person's life or a polity's existence (halved when it excludes them all). A name of ours that two or more candidates carry exactly
 * tells them apart less well than a name only one carries, so matches on such a shared name count 0.9 of
 * their similarity (the frequency weighting of record linkage: agreeing on a common value is weaker evidence).
 * <p>
 * Items are found by wbsearchentities (prefix of a label or alias) and by full-text search, for each of
 * the entity's first few names; a long name that finds nothing is searched again with words dropped from
 * its end. Then the items those name as different from (P1889), replacing or replaced by (P1365, P1366),
 * following or followed by (P155, P156), or as the item they are a facet of (P1269) are fetched and scored
 * too: that is how Wikidata points from a present-day country to an earlier state of the same name (Japan,
 * founded 1947 on Wikidata, replaces the Empire of Japan) and from a regime to its state (the Weimar
 * Republic is a facet of the German Reich), which a search on the name alone does not reach. For a polity,
 * a regime then ranks after its state (see {@link #statesBeforeTheirFacets}).
 */
public final class Candidates {
    /** What we know of the entity to link. */
    public record Wanted(List<String> names, Set<String> classes, Set<Integer> years, Dates dates) {}

    /** Which of the item's dates our years are compared with. */
    public enum Dates {
        /** signing: P585 (point in time) or P571 (inception) in one of our years */
        POINT("P585", "P571"),
        /** a person's life, P569 to P570 */
        LIFE("P569", "P570"),
        /** a polity's existence, P571 to P576 */
        EXISTENCE("P571", "P576"),
        NONE(null, null);

        final String from, to;

        Dates(String from, String to) {
            this.from = from;
            this.to = to;
        }
    }

    /**
     * A scored candidate and how the score was made (typeScore and dateScore are null where they do not
     * apply); foundVia is null for an item a search found, else how a found item names it ("P1889 of Q36").
     */
    public record Candidate(String qid, String label, String description, double score, double nameScore, Double typeScore, Double dateScore,
                            String foundVia) {}

    static final List<String> LANGUAGES = List.of("en", "ru", "tr", "de", "fr");
    static final int NAME = 60, TYPE = 20, DATE = 20;
    private static final double ALTERNATIVE_NAME = 0.95, CONTAINED = 0.9, SHARED_NAME = 0.9;
    /**
     * different from, replaces, replaced by, follows, followed by, facet of: where Wikidata points from an
     * item to its namesakes, predecessors and successors, and from a period or regime to its state.
     */
    static final List<String> RELATED = List.of("P1889", "P1365", "P1366", "P155", "P156", "P1269");
    private static final String FACET_OF = "P1269";
    private static final int MAX_RELATED = 25;
    private static final Set<String> STOPWORDS = Set.of("of", "the", "and", "de", "la", "le", "des", "du");
    private static final int SEARCHED_NAMES = 4;
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();
    private static final Pattern YEAR = Pattern.compile("^([+-]\\d{4,})-");
    private final WikidataApi api;

    /**
     * Whether --accept-above may record a link for this entity without a person. Never for a polity: a
     * historical state and a present-day country share a name, and whether Wikidata's item for the state
     * covers our facts or a later country replaced the state we mean is read on the items' inception and
     * successors by a person (docs/wikidata.md).
     */
    public static boolean mayAcceptAutomatically(String entityId) {
        return !entityId.startsWith("polity/");
    }

    public Candidates(WikidataApi api) {
        this.api = api;
    }

    /** Candidates for an entity, best first: items found by searching its first few names and the items those point to, scored. */
    public List<Candidate> find(Wanted wanted, int perName) throws IOException, InterruptedException {
        Set<String> ids = searchNames(wanted, perName);
        if (ids.isEmpty()) return List.of();
        Map<String, JsonNode> items = fetch(ids);
        Map<String, String> via = related(items);
        items.putAll(fetch(via.keySet()));
        Set<Integer> shared = sharedNames(wanted, items.values());
        List<Candidate> out = new ArrayList<>();
        for (JsonNode e : items.values()) out.add(score(wanted, e, shared, via.get(e.path("id").asText())));
        out.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::qid));
        return wanted.dates() == Dates.EXISTENCE ? statesBeforeTheirFacets(out, items) : out;
    }

    /** The items wbsearchentities and full-text search find for the entity's first few names. */
    private Set<String> searchNames(Wanted wanted, int perName) throws IOException, InterruptedException {
        Set<String> ids = new LinkedHashSet<>();
        for (String n : wanted.names().subList(0, Math.min(SEARCHED_NAMES, wanted.names().size()))) {
            int before = ids.size();
            for (JsonNode hit : api.search(n, "en", perName).path("search")) ids.add(hit.path("id").asText());
            fullText(n, perName, ids);
            // Full-text search wants every word: when a long name finds nothing, drop words from its end
            // while two remain ("Government of the Grand National Assembly of Turkey" → "… Assembly").
            List<String> words = new ArrayList<>(List.of(n.strip().split("\\s+")));
            while (ids.size() == before && words(EntityIndex.normalise(String.join(" ", words))).size() > 2) {
                words.remove(words.size() - 1);
                while (!words.isEmpty() && STOPWORDS.contains(words.get(words.size() - 1).toLowerCase(java.util.Locale.ROOT))) words.remove(words.size() - 1);
                fullText(String.join(" ", words), perName, ids);
            }
        }
        return ids;
    }

    /** The items the found ones point to through {@link #RELATED} and do not include, each with how it was reached ("P1889 of Q36"). */
    private static Map<String, String> related(Map<String, JsonNode> items) {
        Map<String, String> via = new LinkedHashMap<>();
        for (JsonNode e : items.values()) {
            for (String p : RELATED) {
                for (String id : itemValues(e, p)) {
                    if (!items.containsKey(id) && via.size() < MAX_RELATED) via.putIfAbsent(id, p + " of " + e.path("id").asText());
                }
            }
        }
        return via;
    }

    /** The item values (QIDs) of an item's claims for a property. */
    private static List<String> itemValues(JsonNode e, String property) {
        List<String> out = new ArrayList<>();
        for (JsonNode claim : e.path("claims").path(property)) {
            String id = claim.path("mainsnak").path("datavalue").path("value").path("id").asText("");
            if (id.matches("Q\\d+")) out.add(id);
        }
        return out;
    }

    /**
     * Our polity records name states, and a state's period or regime (an item that is a facet of it, P1269:
     * the Weimar Republic of the German Reich) is narrower than such a record: where both are candidates,
     * the facet goes just after its state, unless the state's existence excludes all our years.
     */
    static List<Candidate> statesBeforeTheirFacets(List<Candidate> ranked, Map<String, JsonNode> items) {
        List<Candidate> out = new ArrayList<>(ranked);
        for (Candidate facet : ranked) {
            for (String state : itemValues(items.get(facet.qid()), FACET_OF)) {
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

    /** The items, in the order asked for; wbgetentities takes 50 ids a request. Ids Wikidata does not know are left out. */
    Map<String, JsonNode> fetch(Collection<String> ids) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(ids);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += WikidataApi.MAX_IDS) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + WikidataApi.MAX_IDS));
            JsonNode entities = api.entities(batch).path("entities");
            for (String id : batch) {
                JsonNode e = entities.path(id);
                if (!e.isMissingNode() && !e.has("missing")) out.put(id, e);
            }
        }
        return out;
    }

    /** Which of our names (by index) two or more of the items carry exactly, as a label or alias. */
    static Set<Integer> sharedNames(Wanted wanted, Collection<JsonNode> items) {
        Set<Integer> shared = new LinkedHashSet<>();
        for (int i = 0; i < wanted.names().size(); i++) {
            String ours = EntityIndex.normalise(wanted.names().get(i));
            int carriers = 0;
            for (JsonNode e : items) if (names(e).contains(ours)) carriers++;
            if (carriers > 1) shared.add(i);
        }
        return shared;
    }

    private void fullText(String text, int perName, Set<String> ids) throws IOException, InterruptedException {
        for (JsonNode hit : api.fullText(text, perName).path("query").path("search")) {
            if (hit.path("title").asText().matches("Q\\d+")) ids.add(hit.path("title").asText());
        }
    }

    static Candidate score(Wanted wanted, JsonNode e) {
        return score(wanted, e, Set.of(), null);
    }

    static Candidate score(Wanted wanted, JsonNode e, Set<Integer> sharedNames, String foundVia) {
        List<String> theirs = names(e);
        double name = 0;
        for (int i = 0; i < wanted.names().size(); i++) {
            String ours = EntityIndex.normalise(wanted.names().get(i));
            double weight = (i == 0 ? 1 : ALTERNATIVE_NAME) * (sharedNames.contains(i) ? SHARED_NAME : 1);
            for (String t : theirs) name = Math.max(name, similarity(ours, t) * weight);
        }
        Double type = null;
        if (!wanted.classes().isEmpty()) {
            type = 0.0;
            for (String c : itemValues(e, "P31")) if (wanted.classes().contains(c)) type = 1.0;
        }
        boolean dated = !wanted.years().isEmpty() && wanted.dates() != Dates.NONE;
        Double coverage = dated ? dateAgreement(wanted, e) : null;   // null: the item has no such dates
        Double date = dated ? (coverage == null ? 0.5 : coverage) : null;
        double points = name * NAME + (type == null ? 0 : type * TYPE) + (date == null ? 0 : date * DATE);
        double max = NAME + (type == null ? 0 : TYPE) + (date == null ? 0 : DATE);
        // A person or state cannot be ours at a time they did not exist: the score is scaled from 1 (all our
        // years inside their life or existence) down to 0.5 (none: died before our facts, or founded after them).
        double contradiction = coverage != null && wanted.dates() != Dates.POINT ? 0.5 + 0.5 * coverage : 1;
        return new Candidate(e.path("id").asText(), label(e), e.path("descriptions").path("en").path("value").asText(""),
                round(100 * points / max * contradiction), round(name * 100), type == null ? null : round(type * TYPE), date == null ? null : round(date * DATE),
                foundVia);
    }

    /** The item's labels and aliases in our languages, normalised. */
    private static List<String> names(JsonNode e) {
        List<String> out = new ArrayList<>();
        for (String lang : LANGUAGES) {
            if (e.path("labels").has(lang)) out.add(EntityIndex.normalise(e.path("labels").path(lang).path("value").asText()));
            for (JsonNode a : e.path("aliases").path(lang)) out.add(EntityIndex.normalise(a.path("value").asText()));
        }
        return out;
    }

    /**
     * Jaro-Winkler on the whole names, or 0.9 when every word of ours is a word of theirs: "Japan" in
     * "Empire of Japan", "Iran" in "Qajar Iran" (Jaro-Winkler, weighted to common prefixes, rates those low).
     */
    static double similarity(String ours, String theirs) {
        double jw = SIMILARITY.apply(ours, theirs);
        Set<String> mine = words(ours), other = words(theirs);
        return !mine.isEmpty() && other.containsAll(mine) ? Math.max(jw, CONTAINED) : jw;
    }

    private static Set<String> words(String normalised) {
        Set<String> out = new LinkedHashSet<>(List.of(normalised.split(" ")));
        out.removeAll(STOPWORDS);
        out.remove("");
        return out;
    }

    /** 0 to 1: how well our years fit the item's dates (for a life or existence, the share of our years inside it); null when the item has none. */
    private static Double dateAgreement(Wanted wanted, JsonNode e) {
        Set<Integer> from = years(e, wanted.dates().from), to = years(e, wanted.dates().to);
        if (wanted.dates() == Dates.POINT) {
            from.addAll(to);
            if (from.isEmpty()) return null;
            return wanted.years().stream().anyMatch(from::contains) ? 1.0 : 0.0;
        }
        if (from.isEmpty() && to.isEmpty()) return null;
        int start = from.stream().min(Integer::compare).orElse(Integer.MIN_VALUE), end = to.stream().max(Integer::compare).orElse(Integer.MAX_VALUE);
        long inside = wanted.years().stream().filter(y -> y >= start && y <= end).count();
        return (double) inside / wanted.years().size();
    }

    private static Set<Integer> years(JsonNode e, String property) {
        Set<Integer> out = new LinkedHashSet<>();
        if (property == null) return out;
        for (JsonNode claim : e.path("claims").path(property)) {
            Matcher m = YEAR.matcher(claim.path("mainsnak").path("datavalue").path("value").path("time").asText());
            if (m.find()) out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static String label(JsonNode e) {
        for (String lang : LANGUAGES) if (e.path("labels").has(lang)) return e.path("labels").path(lang).path("value").asText();
        return e.path("id").asText();
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}

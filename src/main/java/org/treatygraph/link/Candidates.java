package org.treatygraph.link;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
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
 * The score is the sum over the parts that apply, scaled to 100, and halved when a person's life or a
 * polity's existence excludes all our years. Items are found by wbsearchentities (prefix of a label or
 * alias) and by full-text search, for each of the entity's first few names; a long name that finds
 * nothing is searched again with words dropped from its end.
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

    /** A scored candidate and how the score was made (typeScore and dateScore are null where they do not apply). */
    public record Candidate(String qid, String label, String description, double score, double nameScore, Double typeScore, Double dateScore) {}

    static final List<String> LANGUAGES = List.of("en", "ru", "tr", "de", "fr");
    static final int NAME = 60, TYPE = 20, DATE = 20;
    private static final double ALTERNATIVE_NAME = 0.95, CONTAINED = 0.9;
    private static final Set<String> STOPWORDS = Set.of("of", "the", "and", "de", "la", "le", "des", "du");
    private static final int SEARCHED_NAMES = 4;
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();
    private static final Pattern YEAR = Pattern.compile("^([+-]\\d{4,})-");
    private final WikidataApi api;

    /**
     * Whether --accept-above may record a link for this entity without a person. Never for a polity: a
     * historical state and a present-day country share a name ("France", "Greece") and both can span our
     * years on Wikidata, so which item is meant is an editorial decision (docs/wikidata.md).
     */
    public static boolean mayAcceptAutomatically(String entityId) {
        return !entityId.startsWith("polity/");
    }

    public Candidates(WikidataApi api) {
        this.api = api;
    }

    /** Candidates for an entity, best first: items found by searching its first few names, then scored. */
    public List<Candidate> find(Wanted wanted, int perName) throws IOException, InterruptedException {
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
        if (ids.isEmpty()) return List.of();
        JsonNode entities = api.entities(new ArrayList<>(ids)).path("entities");
        List<Candidate> out = new ArrayList<>();
        for (String id : ids) {
            JsonNode e = entities.path(id);
            if (!e.isMissingNode()) out.add(score(wanted, e));
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::qid));
        return out;
    }

    private void fullText(String text, int perName, Set<String> ids) throws IOException, InterruptedException {
        for (JsonNode hit : api.fullText(text, perName).path("query").path("search")) {
            if (hit.path("title").asText().matches("Q\\d+")) ids.add(hit.path("title").asText());
        }
    }

    static Candidate score(Wanted wanted, JsonNode e) {
        List<String> theirs = new ArrayList<>();
        for (String lang : LANGUAGES) {
            if (e.path("labels").has(lang)) theirs.add(EntityIndex.normalise(e.path("labels").path(lang).path("value").asText()));
            for (JsonNode a : e.path("aliases").path(lang)) theirs.add(EntityIndex.normalise(a.path("value").asText()));
        }
        double name = 0;
        for (int i = 0; i < wanted.names().size(); i++) {
            String ours = EntityIndex.normalise(wanted.names().get(i));
            for (String t : theirs) name = Math.max(name, similarity(ours, t) * (i == 0 ? 1 : ALTERNATIVE_NAME));
        }
        Double type = null;
        if (!wanted.classes().isEmpty()) {
            type = 0.0;
            for (JsonNode claim : e.path("claims").path("P31")) {
                if (wanted.classes().contains(claim.path("mainsnak").path("datavalue").path("value").path("id").asText())) type = 1.0;
            }
        }
        Double date = wanted.years().isEmpty() || wanted.dates() == Dates.NONE ? null : dateAgreement(wanted, e);
        double points = name * NAME + (type == null ? 0 : type * TYPE) + (date == null ? 0 : date * DATE);
        double max = NAME + (type == null ? 0 : TYPE) + (date == null ? 0 : DATE);
        // A person who died before our facts, or a state founded after them, cannot be ours: halved.
        double contradiction = date != null && date == 0 && wanted.dates() != Dates.POINT ? 0.5 : 1;
        return new Candidate(e.path("id").asText(), label(e), e.path("descriptions").path("en").path("value").asText(""),
                round(100 * points / max * contradiction), round(name * 100), type == null ? null : round(type * TYPE), date == null ? null : round(date * DATE));
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

    /** 0 to 1: how well our years fit the item's dates; 0.5 when the item has none. */
    private static double dateAgreement(Wanted wanted, JsonNode e) {
        Set<Integer> from = years(e, wanted.dates().from), to = years(e, wanted.dates().to);
        if (wanted.dates() == Dates.POINT) {
            from.addAll(to);
            if (from.isEmpty()) return 0.5;
            return wanted.years().stream().anyMatch(from::contains) ? 1 : 0;
        }
        if (from.isEmpty() && to.isEmpty()) return 0.5;
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

package org.treatygraph.link;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
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
 * Candidate Wikidata items for one of our entities, scored: name similarity (0–80) between any of our
 * names and any label or alias in English, Russian, Turkish, German or French; and, for agreements, a
 * date check (0–20) of our signing year against the item's point in time (P585). Types are not scored
 * until the Wikidata classes for our kinds are recorded with a check (docs/wikidata-research.md).
 */
public final class Candidates {
    /** A scored candidate and how the score was made. */
    public record Candidate(String qid, String label, String description, double score, double nameScore, Double dateScore) {}

    static final List<String> LANGUAGES = List.of("en", "ru", "tr", "de", "fr");
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();
    private static final Pattern YEAR = Pattern.compile("([+-]\\d{4})-");
    private final WikidataApi api;

    public Candidates(WikidataApi api) {
        this.api = api;
    }

    /** Candidates for an entity with these names (label first) and, for an agreement, its signing years; best first. */
    public List<Candidate> find(List<String> names, Set<Integer> years, int perName) throws IOException, InterruptedException {
        Set<String> ids = new LinkedHashSet<>();
        for (String n : names.subList(0, Math.min(2, names.size()))) {
            for (JsonNode hit : api.search(n, "en", perName).path("search")) ids.add(hit.path("id").asText());
        }
        if (ids.isEmpty()) return List.of();
        JsonNode entities = api.entities(new ArrayList<>(ids)).path("entities");
        List<Candidate> out = new ArrayList<>();
        for (String id : ids) {
            JsonNode e = entities.path(id);
            if (e.isMissingNode()) continue;
            List<String> theirs = new ArrayList<>();
            for (String lang : LANGUAGES) {
                if (e.path("labels").has(lang)) theirs.add(e.path("labels").path(lang).path("value").asText());
                for (JsonNode a : e.path("aliases").path(lang)) theirs.add(a.path("value").asText());
            }
            double name = 0;
            for (String ours : names) for (String t : theirs) name = Math.max(name, SIMILARITY.apply(EntityIndex.normalise(ours), EntityIndex.normalise(t)));
            Double date = null;
            if (!years.isEmpty()) {
                Set<Integer> itemYears = new LinkedHashSet<>();
                for (JsonNode claim : e.path("claims").path("P585")) {
                    Matcher m = YEAR.matcher(claim.path("mainsnak").path("datavalue").path("value").path("time").asText());
                    if (m.find()) itemYears.add(Integer.parseInt(m.group(1)));
                }
                if (!itemYears.isEmpty()) date = itemYears.stream().anyMatch(years::contains) ? 20.0 : 0.0;
            }
            double score = name * 80 + (date == null ? 0 : date);
            out.add(new Candidate(id, label(e), e.path("descriptions").path("en").path("value").asText(""), Math.round(score * 10) / 10.0,
                    Math.round(name * 800) / 10.0, date));
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::qid));
        return out;
    }

    private static String label(JsonNode e) {
        for (String lang : LANGUAGES) if (e.path("labels").has(lang)) return e.path("labels").path(lang).path("value").asText();
        return e.path("id").asText();
    }

    /** Our names and signing years for the review file, from the index. */
    static Map<String, Object> describe(EntityIndex.Entry entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", entry.label());
        m.put("names", entry.names());
        return m;
    }
}

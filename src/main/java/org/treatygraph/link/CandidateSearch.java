package org.treatygraph.link;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the Wikidata items that may be one of our entities. Items are found by wbsearchentities (prefix of
 * a label or alias) and by full-text search, for each of the entity's first few names; a long name that
 * finds nothing is searched again with words dropped from its end. Then the items those name as different
 * from (P1889), replacing or replaced by (P1365, P1366), following or followed by (P155, P156), or as the
 * item they are a facet of (P1269) are fetched too: that is how Wikidata points from a present-day country
 * to an earlier state of the same name (Japan, founded 1947 on Wikidata, replaces the Empire of Japan) and
 * from a regime to its state (the Weimar Republic is a facet of the German Reich), which a search on the
 * name alone does not reach.
 */
final class CandidateSearch {
    /** An item found, and for one reached from another found item, how ("P1889 of Q36"); via is null for a search hit. */
    record Found(Item item, String via) {}

    /**
     * different from, replaces, replaced by, follows, followed by, facet of: where Wikidata points from an
     * item to its namesakes, predecessors and successors, and from a period or regime to its state.
     */
    private static final List<String> RELATED = List.of("P1889", "P1365", "P1366", "P155", "P156", "P1269");
    private static final int MAX_RELATED = 25;
    private static final int SEARCHED_NAMES = 4;
    private final WikidataApi api;

    CandidateSearch(WikidataApi api) {
        this.api = api;
    }

    /** The items searching the entity's first few names finds, then the items those point to. */
    List<Found> find(Wanted wanted, int perName) throws IOException, InterruptedException {
        Set<String> ids = searchNames(wanted, perName);
        if (ids.isEmpty()) return List.of();
        Map<String, Item> items = fetch(ids);
        Map<String, String> via = related(items);
        items.putAll(fetch(via.keySet()));
        List<Found> out = new ArrayList<>();
        for (Item item : items.values()) out.add(new Found(item, via.get(item.qid())));
        return out;
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
            while (ids.size() == before && Scoring.words(EntityIndex.normalise(String.join(" ", words))).size() > 2) {
                words.remove(words.size() - 1);
                while (!words.isEmpty() && Scoring.STOPWORDS.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT))) words.remove(words.size() - 1);
                fullText(String.join(" ", words), perName, ids);
            }
        }
        return ids;
    }

    private void fullText(String text, int perName, Set<String> ids) throws IOException, InterruptedException {
        for (JsonNode hit : api.fullText(text, perName).path("query").path("search")) {
            if (hit.path("title").asText().matches("Q\\d+")) ids.add(hit.path("title").asText());
        }
    }

    /** The items the found ones point to through {@link #RELATED} and do not include, each with how it was reached ("P1889 of Q36"). */
    private static Map<String, String> related(Map<String, Item> items) {
        Map<String, String> via = new LinkedHashMap<>();
        for (Item item : items.values()) {
            for (String p : RELATED) {
                for (String id : item.items(p)) {
                    if (!items.containsKey(id) && via.size() < MAX_RELATED) via.putIfAbsent(id, p + " of " + item.qid());
                }
            }
        }
        return via;
    }

    /** The items, in the order asked for; wbgetentities takes 50 ids a request. Ids Wikidata does not know are left out. */
    Map<String, Item> fetch(Collection<String> ids) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(ids);
        Map<String, Item> out = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += WikidataApi.MAX_IDS) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + WikidataApi.MAX_IDS));
            JsonNode entities = api.entities(batch).path("entities");
            for (String id : batch) {
                Item item = Item.in(entities, id);
                if (item != null) out.put(id, item);
            }
        }
        return out;
    }
}

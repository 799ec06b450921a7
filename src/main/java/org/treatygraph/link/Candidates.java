package org.treatygraph.link;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidate Wikidata items for one of our entities, best first: found ({@link CandidateSearch}), scored
 * 0–100 ({@link Scoring}, weights in scoring.properties) and ranked ({@link Ranking}).
 */
public final class Candidates {
    private final CandidateSearch search;
    private final Scoring scoring = new Scoring(ScoringWeights.standard());

    /**
     * Whether --accept-above may record a link for this entity without a person. Never for a polity: a
     * historical state and a present-day country share a name, and whether Wikidata's item for the state
     * covers our facts or a later country replaced the state we mean is read on the items' inception and
     * successors by a person (docs/wikidata.md).
     */
    public static boolean mayAcceptAutomatically(String entityId) {
        return !entityId.startsWith("polity/");
    }

    /**
     * As above, and never for a region (tg:Region): the regions of our sources are mostly named after a town or
     * share a name with a modern province, and the town's item or the province's is another entity (the
     * town-or-district rule of docs/places.md), which a name match cannot tell apart.
     */
    public static boolean mayAcceptAutomatically(EntityIndex.Entry entity) {
        return mayAcceptAutomatically(entity.id()) && !entity.types().contains("Region");
    }

    /** Why --accept-above leaves this entity to a person, or null when it does not. */
    public static String onlyAPersonDecides(EntityIndex.Entry entity) {
        if (!mayAcceptAutomatically(entity.id())) return "a polity: only a person decides";
        if (!mayAcceptAutomatically(entity)) return "a region: only a person decides (a town or a modern province of its name is another entity)";
        return null;
    }

    public Candidates(WikidataApi api) {
        this.search = new CandidateSearch(api);
    }

    /** Candidates for an entity, best first: items found by searching its first few names and the items those point to, scored. */
    public List<Candidate> find(Wanted wanted, int perName) throws IOException, InterruptedException {
        List<CandidateSearch.Found> found = search.find(wanted, perName);
        Set<Integer> shared = Scoring.sharedNames(wanted, found.stream().map(CandidateSearch.Found::item).toList());
        List<Candidate> scored = new ArrayList<>();
        Map<String, Item> items = new HashMap<>();
        for (CandidateSearch.Found f : found) {
            scored.add(scoring.score(wanted, f.item(), shared, f.via()));
            items.put(f.item().qid(), f.item());
        }
        return Ranking.rank(wanted, scored, items);
    }
}

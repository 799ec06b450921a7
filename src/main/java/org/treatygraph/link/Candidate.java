package org.treatygraph.link;

/**
 * A scored candidate and how the score was made (typeScore and dateScore are null where they do not
 * apply); foundVia is null for an item a search found, else how a found item names it ("P1889 of Q36"); contextScore is the context part's points where it agreed, else null.
 */
public record Candidate(String qid, String label, String description, double score, double nameScore, Double typeScore, Double dateScore,
                        String foundVia, Double contextScore) {
    public Candidate(String qid, String label, String description, double score, double nameScore, Double typeScore, Double dateScore, String foundVia) {
        this(qid, label, description, score, nameScore, typeScore, dateScore, foundVia, null);
    }
}

package org.treatygraph.link;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.treatygraph.core.Progress;
import org.treatygraph.ontology.IriScheme;

/**
 * Measures candidate search on the links we recorded: each linked entity is searched for as if it had no
 * link (search and scoring never read skos:exactMatch), and the recorded item's rank is noted. A link
 * would be accepted at threshold T when the best candidate scores above T and the entity is not a polity
 * or a region (Candidates.mayAcceptAutomatically). Links held back from tuning are reported apart, and the
 * negative cases (entities that must get no link) count the false accepts; precision is the share of accepted links that are the recorded
 * ones, recall the share of all recorded links accepted correctly.
 */
public final class LeaveOneOut {
    /** One recorded link and what search made of it; heldBack when the link was not among those the scoring was tuned on. */
    public record Row(String id, String recorded, String best, double bestScore, int rank, boolean heldBack, boolean automatic) {
        boolean correct() { return recorded.equals(best); }
    }

    /** An entity that must get no link (data/wikidata/evaluation.yaml), and the best candidate search offers it. */
    public record Negative(String id, String best, double bestScore, boolean automatic) {}

    /** The held-back links and the negative cases of data/wikidata/evaluation.yaml. */
    public record Sets(Set<String> heldBack, List<String> negatives) {
        public static final Sets NONE = new Sets(Set.of(), List.of());
    }

    static final double[] THRESHOLDS = {50, 60, 70, 80, 85, 90, 95};
    private final List<Row> rows;
    private final List<Negative> negatives;
    private final String api;

    private LeaveOneOut(List<Row> rows, List<Negative> negatives, String api) {
        this.rows = rows;
        this.negatives = negatives;
        this.api = api;
    }

    /** Runs over the given entities; those without a recorded link are skipped. */
    public static LeaveOneOut run(EntityIndex index, Profiles profiles, Candidates candidates, List<String> ids, String api, Progress progress)
            throws IOException, InterruptedException {
        return run(index, profiles, candidates, ids, Sets.NONE, api, progress);
    }

    /** As above, marking the held-back links and searching for the negative cases too. */
    public static LeaveOneOut run(EntityIndex index, Profiles profiles, Candidates candidates, List<String> ids, Sets sets, String api, Progress progress)
            throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        for (String id : ids) {
            String recorded = recordedQid(index.get(id));
            if (recorded == null) continue;
            List<Candidate> found = candidates.find(profiles.wanted(id), 5);
            int rank = 0;
            for (int i = 0; i < found.size(); i++) if (found.get(i).qid().equals(recorded)) { rank = i + 1; break; }
            rows.add(new Row(id, recorded, found.isEmpty() ? "" : found.get(0).qid(), found.isEmpty() ? 0 : found.get(0).score(), rank,
                    sets.heldBack().contains(id), Candidates.mayAcceptAutomatically(index.get(id))));
            if (rows.size() % 10 == 0) progress.step(rows.size() + " links searched");
        }
        List<Negative> negatives = new ArrayList<>();
        for (String id : sets.negatives()) {
            List<Candidate> found = candidates.find(profiles.wanted(id), 5);
            negatives.add(new Negative(id, found.isEmpty() ? "" : found.get(0).qid(), found.isEmpty() ? 0 : found.get(0).score(),
                    Candidates.mayAcceptAutomatically(index.get(id))));
        }
        return new LeaveOneOut(rows, negatives, api);
    }

    private static String recordedQid(EntityIndex.Entry e) {
        for (String v : e.values().getOrDefault("exactMatch", List.of())) {
            if (v.startsWith(IriScheme.WIKIDATA_ITEM)) return v.substring(IriScheme.WIKIDATA_ITEM.length());
        }
        return null;
    }

    public List<Row> rows() { return rows; }

    /** Recorded items ranked first. */
    public long rankedFirst() { return rows.stream().filter(r -> r.rank() == 1).count(); }

    /** Whether --accept-above would record the row's top candidate at the threshold (never a polity). */
    private static boolean acceptable(Row r, double threshold) {
        return r.automatic() && proposed(r, threshold);
    }

    /** Whether the review file's top candidate scores above the threshold (polities included: what a person reviews). */
    private static boolean proposed(Row r, double threshold) {
        return !r.best().isEmpty() && r.bestScore() > threshold;
    }

    public List<Negative> negatives() { return negatives; }

    /** Per threshold: how many rows {@code chosen} takes, how many of them right, precision, and recall over all rows. */
    private static void table(StringBuilder sb, List<Row> rows, String header, java.util.function.BiPredicate<Row, Double> chosen) {
        sb.append(header).append("\n|---|---|---|---|---|\n");
        for (double t : THRESHOLDS) {
            long a = rows.stream().filter(r -> chosen.test(r, t)).count(), ok = rows.stream().filter(r -> chosen.test(r, t) && r.correct()).count();
            sb.append(String.format(Locale.ROOT, "| %.0f | %d | %d | %s | %.2f |%n", t, a, ok, a == 0 ? "–" : String.format(Locale.ROOT, "%.2f", (double) ok / a),
                    rows.isEmpty() ? 0 : (double) ok / rows.size()));
        }
    }

    /** Negative cases whose top candidate --accept-above would record at the threshold (never a polity). */
    public long falseAccepts(double threshold) {
        return negatives.stream().filter(n -> n.automatic() && !n.best().isEmpty() && n.bestScore() > threshold).count();
    }

    /** Negative cases whose top candidate the review file would offer above the threshold (polities included). */
    public long falseOffers(double threshold) {
        return negatives.stream().filter(n -> !n.best().isEmpty() && n.bestScore() > threshold).count();
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("Leave-one-out over ").append(rows.size()).append(" recorded links, against ").append(api).append("\n\n");
        sb.append("Recorded item ranked first: ").append(rankedFirst()).append(" of ").append(rows.size())
                .append("; among the candidates at all: ").append(rows.stream().filter(r -> r.rank() > 0).count()).append(".\n\n");
        sb.append("What `--accept-above` would record (never a polity or a region: ").append(rows.stream().filter(r -> !r.automatic()).count())
                .append(" of these links are, left to a person); recall is over all ").append(rows.size()).append(" links.\n\n");
        table(sb, rows, "| accept above | accepted | right | precision | recall |", LeaveOneOut::acceptable);
        sb.append("\nThe top candidate of the review file, polities included (what a person reviewing it is offered):\n\n");
        table(sb, rows, "| top candidate above | offered | right | precision | recall |", LeaveOneOut::proposed);
        List<Row> held = rows.stream().filter(Row::heldBack).toList();
        if (!held.isEmpty()) {
            sb.append("\nHeld back (links the scoring was not tuned on, data/wikidata/evaluation.yaml): ").append(held.size())
                    .append("; recorded item ranked first: ").append(held.stream().filter(r -> r.rank() == 1).count()).append(" of ").append(held.size())
                    .append("; among the candidates at all: ").append(held.stream().filter(r -> r.rank() > 0).count()).append(".\n\n");
            table(sb, held, "| held back, top candidate above | offered | right | precision | recall |", LeaveOneOut::proposed);
        }
        if (!negatives.isEmpty()) {
            sb.append("\nNegative cases (entities that must get no link, data/wikidata/evaluation.yaml): ").append(negatives.size())
                    .append(". A false accept is one whose top candidate `--accept-above` would record (never a polity or a region); a false offer, one the review file offers above the threshold.\n\n");
            sb.append("| threshold | false accepts | false offers |\n|---|---|---|\n");
            for (double t : THRESHOLDS) sb.append(String.format(Locale.ROOT, "| %.0f | %d | %d |%n", t, falseAccepts(t), falseOffers(t)));
            sb.append("\n| negative case | best candidate | its score |\n|---|---|---|\n");
            for (Negative n : negatives) sb.append("| ").append(n.id()).append(" | ").append(n.best().isEmpty() ? "(none)" : n.best()).append(" | ").append(n.bestScore()).append(" |\n");
        }
        sb.append("\n| entity | recorded | best candidate | its score | rank of recorded |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.id()).append(" | ").append(r.recorded()).append(" | ").append(r.best().isEmpty() ? "(none)" : r.best())
                    .append(r.correct() ? "" : " ✗").append(" | ").append(r.bestScore()).append(" | ").append(r.rank() == 0 ? "not found" : r.rank())
                    .append(r.heldBack() ? " (held back)" : "").append(" |\n");
        }
        return sb.toString();
    }
}

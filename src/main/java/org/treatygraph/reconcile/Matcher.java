package org.treatygraph.reconcile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.treatygraph.ontology.IriScheme;

/**
 * Reconciliation's candidates and scores. Candidates come from the search index ({@link
 * org.treatygraph.search.SearchIndex#candidates}: any of the name's words, or a near spelling), or, for a
 * query without a name, from every entity with an agreeing property value. Each is scored 0–100 from named
 * parts, reported as features: {@code name} (how alike the query and the nearest of the entity's names are, word
 * by word, rare words weighing more than common ones such as "treaty" and "of"), {@code name_exact}, {@code
 * type} (the candidate has a requested type, through the class hierarchy: a hard filter), and one {@code
 * property:PID} a property (1 agrees, 0.5 the entity has no value, 0 disagrees; dates agree when the days they
 * can denote overlap, so 1921-10-13 agrees with "13 October 1921", "October 1921" and "1921"; entities by id,
 * Wikidata item or name). The score is the name's similarity weighted 1 and each property 0.5. A candidate is
 * a {@code match} only when it is strong (90 or more, the name exactly one of its names or given as its id,
 * no property disagreeing) and clearly ahead of the next (by 10 or more).
 */
public final class Matcher {
    public static final double MATCH_SCORE = 90, MATCH_MARGIN = 10;
    private static final double PROPERTY_WEIGHT = 0.5, WORD_FLOOR = 0.85;
    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();

    /** A property condition: its property, the values (strings, or ids of entities), how many must agree, and whether a candidate must meet it. */
    public record Condition(Catalogue.Term property, List<String> values, Quantifier quantifier, boolean required) {}

    public enum Quantifier { ANY, ALL, NONE }

    /** A query: the name (or null), the types (any of them; empty: all), the limit, the conditions, an id the query gives (or null). */
    public record Query(String name, List<Catalogue.Term> types, int limit, List<Condition> conditions, String id) {}

    public record Feature(String id, String name, Object value) {}

    public record Candidate(Catalogue.Entity entity, double score, boolean match, List<Feature> features) {}

    private final Catalogue catalogue;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final Map<String, List<List<String>>> nameWords = new HashMap<>();

    public Matcher(Catalogue catalogue) {
        this.catalogue = catalogue;
        for (Catalogue.Entity e : catalogue.entities()) {
            List<List<String>> all = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String n : e.allNames()) {
                List<String> w = catalogue.index().words(n);
                all.add(w);
                seen.addAll(w);
            }
            nameWords.put(e.names().iri(), all);
            for (String w : seen) documentFrequency.merge(w, 1, Integer::sum);
        }
    }

    /** The candidates for a query, best first, at most its limit. */
    public List<Candidate> match(Query q) {
        Map<String, Catalogue.Entity> pool = new LinkedHashMap<>();
        Catalogue.Entity byId = q.id() != null ? catalogue.entity(q.id()) : q.name() != null ? catalogue.entity(q.name()) : null;
        if (byId != null) pool.put(byId.names().iri(), byId);
        if (q.name() != null)
            for (var n : catalogue.index().candidates(q.name(), 200)) {
                Catalogue.Entity e = catalogue.entity(n.iri());
                if (e != null) pool.putIfAbsent(n.iri(), e);
            }
        if (q.name() == null && q.id() == null)
            for (Catalogue.Entity e : catalogue.entities()) pool.put(e.names().iri(), e);
        List<Candidate> scored = new ArrayList<>();
        List<String> queryWords = q.name() == null ? null : catalogue.index().words(q.name());
        for (Catalogue.Entity e : pool.values()) {
            if (!q.types().isEmpty() && q.types().stream().noneMatch(t -> catalogue.isA(e, t))) continue;
            List<Feature> features = new ArrayList<>();
            double sum = 0, weight = 0;
            boolean exact = false;
            if (byId == e) {
                exact = true;
                features.add(new Feature("id", "the query is the entity's id", true));
            }
            if (queryWords != null) {
                double name = exact ? 1 : nameSimilarity(queryWords, e);
                exact |= name >= 0.9999;
                features.add(new Feature("name", "name similarity", round(name)));
                features.add(new Feature("name_exact", "the name is one of the entity's names", exact));
                sum += name;
                weight += 1;
            } else if (exact) {
                sum += 1;
                weight += 1;
            }
            if (!q.types().isEmpty()) features.add(new Feature("type", "the entity is of a requested type (or a subtype)", true));
            boolean disagrees = false, anyAgrees = false, failsRequired = false;
            for (Condition c : q.conditions()) {
                double agreement = agreement(e, c);
                features.add(new Feature("property:" + c.property().id(), "agreement with " + c.property().label(), agreement));
                sum += PROPERTY_WEIGHT * agreement;
                weight += PROPERTY_WEIGHT;
                disagrees |= agreement == 0;
                anyAgrees |= agreement == 1;
                failsRequired |= c.required() && agreement != 1;
            }
            if (failsRequired) continue;
            if (queryWords == null && byId == null && !anyAgrees) continue;   // a property-only query: some property must agree
            double score = weight == 0 ? 0 : round(100 * sum / weight);
            scored.add(new Candidate(e, score, !disagrees && exact, features));
        }
        scored.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(c -> c.entity().label()).thenComparing(c -> c.entity().id()));
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < Math.min(q.limit(), scored.size()); i++) {
            Candidate c = scored.get(i);
            boolean clearlyBest = i == 0 && c.score() >= MATCH_SCORE && (scored.size() == 1 || c.score() - scored.get(1).score() >= MATCH_MARGIN);
            boolean nameless = q.name() == null && q.id() == null;   // a property-only query matches when it alone agrees
            out.add(new Candidate(c.entity(), c.score(), clearlyBest && (c.match() || nameless && c.features().stream().noneMatch(f -> Double.valueOf(0).equals(f.value()))),
                    c.features()));
        }
        return out;
    }

    /**
     * How alike the query's words and the nearest of the entity's names are (0–1): each word's best counterpart
     * (Jaro-Winkler, below 0.85 counting as none) in the other, weighted by the word's rarity among all names,
     * averaged over both directions; 1 when the words are the same.
     */
    double nameSimilarity(List<String> query, Catalogue.Entity e) {
        double best = 0;
        for (List<String> name : nameWords.getOrDefault(e.names().iri(), List.of())) {
            if (name.equals(query)) return 1;
            best = Math.max(best, (directed(query, name) + directed(name, query)) / 2);
        }
        return Math.min(best, 0.99);
    }

    private double directed(List<String> from, List<String> to) {
        double sum = 0, weight = 0;
        for (String w : from) {
            double idf = Math.log(1 + (double) nameWords.size() / documentFrequency.getOrDefault(w, 1));
            double bestWord = 0;
            for (String v : to) {
                double s = w.equals(v) ? 1 : JW.apply(w, v);
                if (s > bestWord) bestWord = s;
            }
            sum += idf * (bestWord >= WORD_FLOOR ? bestWord : 0);
            weight += idf;
        }
        return weight == 0 ? 0 : sum / weight;
    }

    /** 1: the entity's values agree with the condition; 0.5: it has none; 0: it has some, and they do not. */
    double agreement(Catalogue.Entity e, Condition c) {
        List<Catalogue.Value> have = e.values().getOrDefault(c.property().iri(), List.of());
        if (have.isEmpty()) return c.quantifier() == Quantifier.NONE ? 1 : 0.5;
        int agreeing = 0;
        for (String want : c.values()) if (have.stream().anyMatch(v -> agrees(v, want))) agreeing++;
        boolean ok = switch (c.quantifier()) {
            case ANY -> agreeing > 0;
            case ALL -> agreeing == c.values().size();
            case NONE -> agreeing == 0;
        };
        return ok ? 1 : 0;
    }

    private boolean agrees(Catalogue.Value v, String want) {
        String w = want.strip();
        if (v.isDate() || isDateType(v.datatype())) {
            LocalDate[] span = dateSpan(w);
            if (span == null) return false;
            LocalDate[] have = v.isDate() ? new LocalDate[] {v.earliest(), v.latest()} : dateSpan(v.lexical());
            return have != null && !span[1].isBefore(have[0]) && !have[1].isBefore(span[0]);
        }
        if (v.iri() != null) {
            if (w.equals(v.iri()) || v.iri().startsWith(IriScheme.ID) && w.equals(IriScheme.id(v.iri()))) return true;
            if (v.iri().startsWith(IriScheme.WIKIDATA_ITEM) && w.replaceFirst("^(wd:|" + java.util.regex.Pattern.quote(IriScheme.WIKIDATA_ITEM) + ")", "").equals(v.iri().substring(IriScheme.WIKIDATA_ITEM.length())))
                return true;
            Catalogue.Entity target = catalogue.entity(v.iri());
            Catalogue.Entity given = catalogue.entity(w);
            if (target != null && given != null) return target == given;
            List<String> wantWords = catalogue.index().words(w);
            if (target != null) return !wantWords.isEmpty() && nameSimilarity(wantWords, target) >= 0.9;
            return v.label() != null && catalogue.index().words(v.label()).equals(wantWords);
        }
        List<String> a = catalogue.index().words(v.lexical()), b = catalogue.index().words(w);
        return !b.isEmpty() && (a.equals(b) || String.join(" ", a).contains(String.join(" ", b)));
    }

    private static boolean isDateType(String datatype) {
        return datatype != null && (datatype.endsWith("#date") || datatype.endsWith("#gYear") || datatype.endsWith("#gYearMonth") || datatype.endsWith("#dateTime"));
    }

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
            MONTH_DAY_YEAR = DateTimeFormatter.ofPattern("MMMM d uuuu", Locale.ENGLISH), MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    /** The days a date can denote: ISO (1921-10-13, with a time, 1921-10, 1921) or in English words (13 October 1921, October 13, 1921, October 1921); else null. */
    static LocalDate[] dateSpan(String text) {
        String t = text.strip().replace(",", "");
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
                LocalDate d = t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$") ? OffsetDateTime.parse(t).toLocalDate() : LocalDate.parse(t.substring(0, 10));
                return new LocalDate[] {d, d};
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) return new LocalDate[] {LocalDate.parse(t), LocalDate.parse(t)};
            if (t.matches("\\d{4}-\\d{2}")) {
                YearMonth m = YearMonth.parse(t);
                return new LocalDate[] {m.atDay(1), m.atEndOfMonth()};
            }
            if (t.matches("\\d{4}")) return new LocalDate[] {LocalDate.of(Integer.parseInt(t), 1, 1), LocalDate.of(Integer.parseInt(t), 12, 31)};
            String c = t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1).toLowerCase(Locale.ROOT);
            c = c.replaceAll("\\b([a-z])", "$1");
            String cap = java.util.Arrays.stream(c.split(" ")).map(s -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1))
                    .collect(java.util.stream.Collectors.joining(" "));
            for (DateTimeFormatter f : new DateTimeFormatter[] {DAY_MONTH_YEAR, MONTH_DAY_YEAR}) {
                try {
                    LocalDate d = LocalDate.parse(cap, f);
                    return new LocalDate[] {d, d};
                } catch (DateTimeParseException ignored) {
                    // the next form
                }
            }
            YearMonth m = YearMonth.parse(cap, MONTH_YEAR);
            return new LocalDate[] {m.atDay(1), m.atEndOfMonth()};
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}

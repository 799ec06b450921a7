package org.treatygraph.link;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;
import org.treatygraph.ontology.TG;

/**
 * The graph's agreements, polities, persons and territories with their names (label and alternative
 * labels), classes (inferred ones included) and property values, for matching names from outside
 * against them: what reconciliation (and later candidate search) scores.
 */
public final class EntityIndex {
    /** One entity: its id (the part after …/id/), names, classes (local names) and property values by property local name. */
    public record Entry(String id, String label, List<String> names, Set<String> types, Map<String, List<String>> values) {}

    /** A scored candidate. */
    public record Match(Entry entry, double score, boolean exact) {}

    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();
    private final Map<String, Entry> entries;

    private EntityIndex(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** Reads the index from a dataset whose default graph includes the inferred closure; call inside a read transaction. */
    public static EntityIndex load(Dataset ds) {
        Map<String, String> labels = new HashMap<>();
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, Set<String>> types = new HashMap<>();
        Map<String, Map<String, List<String>>> values = new HashMap<>();
        try (QueryExecution qe = QueryExecution.dataset(ds).query(Prefixes.query(EntityIndex.class, "entities.rq")).build()) {
            qe.execSelect().forEachRemaining((QuerySolution s) -> {
                String id = IriScheme.id(s.getResource("e").getURI());
                labels.put(id, s.getLiteral("label").getLexicalForm());
                List<String> n = names.computeIfAbsent(id, k -> new ArrayList<>());
                if (!n.contains(s.getLiteral("label").getLexicalForm())) n.add(0, s.getLiteral("label").getLexicalForm());
                if (s.get("alt") != null && !n.contains(s.getLiteral("alt").getLexicalForm())) n.add(s.getLiteral("alt").getLexicalForm());
                if (s.get("type") != null) types.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(s.getResource("type").getURI().substring(TG.NS.length()));
            });
        }
        try (QueryExecution qe = QueryExecution.dataset(ds).query(Prefixes.query(EntityIndex.class, "entity-values.rq")).build()) {
            qe.execSelect().forEachRemaining((QuerySolution s) -> {
                String id = IriScheme.id(s.getResource("e").getURI());
                String pIri = s.getResource("p").getURI();
                String p = pIri.startsWith(TG.NS) ? pIri.substring(TG.NS.length()) : "exactMatch";
                List<String> vs = values.computeIfAbsent(id, k -> new HashMap<>()).computeIfAbsent(p, k -> new ArrayList<>());
                if (s.get("v").isLiteral()) vs.add(s.getLiteral("v").getLexicalForm());
                else vs.add(IriScheme.show(s.getResource("v").getURI()));
                if (s.get("vl") != null) vs.add(s.getLiteral("vl").getLexicalForm());
                if (s.get("dt") != null) vs.add(s.getLiteral("dt").getLexicalForm());
            });
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        names.forEach((id, n) -> entries.put(id, new Entry(id, labels.get(id), List.copyOf(n), types.getOrDefault(id, Set.of()),
                values.getOrDefault(id, Map.of()))));
        return new EntityIndex(entries);
    }

    /** Every entity's id, in a stable order. */
    public List<String> ids() {
        return new ArrayList<>(entries.keySet());
    }

    public int size() {
        return entries.size();
    }

    public Entry get(String id) {
        return entries.get(id);
    }

    /**
     * Candidates for a name, best first: the best Jaro-Winkler similarity (0–100) of the normalised name
     * with any of the entity's names, restricted to a type when given, and moved by property values: +10
     * for each given value the entity has, −15 for each property it has with none of the given values.
     */
    public List<Match> search(String query, String type, Map<String, String> properties, int limit) {
        String q = normalise(query);
        List<Match> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (type != null && !type.isBlank() && !e.types().contains(localName(type))) continue;
            double best = 0;
            boolean exact = false;
            for (String n : e.names()) {
                String nn = normalise(n);
                if (nn.equals(q)) exact = true;
                best = Math.max(best, SIMILARITY.apply(q, nn));
            }
            double score = best * 100;
            for (Map.Entry<String, String> p : properties.entrySet()) {
                List<String> vs = e.values().get(localName(p.getKey()));
                if (vs == null) continue;
                String want = normalise(p.getValue());
                boolean hit = vs.stream().map(EntityIndex::normalise).anyMatch(v -> v.equals(want) || v.contains(want));
                score += hit ? 10 : -15;
            }
            out.add(new Match(e, Math.max(0, Math.min(100, Math.round(score * 10) / 10.0)), exact));
        }
        out.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.entry().id()));
        return out.subList(0, Math.min(limit, out.size()));
    }

    /** A type or property given as a full tg: IRI, a prefixed name or a local name. */
    static String localName(String s) {
        String iri = Prefixes.MAPPING.expandPrefix(s);
        return iri.startsWith(TG.NS) ? iri.substring(TG.NS.length()) : s;
    }

    /** Lower case, accents and punctuation removed, spaces collapsed: "Sèvres" and "sevres" compare equal. */
    static String normalise(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return d.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}

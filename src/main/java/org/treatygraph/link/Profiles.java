package org.treatygraph.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;

/**
 * What candidate search knows of each entity beyond its names: the Wikidata classes of its classes
 * (tg:wikidataClass in the ontology, inherited through inferred types) and the years of its dated facts
 * (an agreement's signing; a polity's own establishment and dissolution; for anyone, the dates of the
 * agreements, changes and events that name it, directly or through a participation, but not the dates of
 * another polity, person or territory that names it: a successor's years are not its predecessor's).
 * Names also come with their abbreviations spelt out. And the Wikidata items of the linked entities the graph
 * ties it to (entity-context.rq): a treaty's parties, signatories and place of signing, a person's polities
 * (positions, the polities they acted for), a place's polity and the place it is part of, a polity's
 * predecessors and successors.
 */
public final class Profiles {
    private final EntityIndex index;
    private final Map<String, Set<String>> classesByType;
    private final Map<String, Set<Integer>> years;
    private final Map<String, Set<String>> related;

    private Profiles(EntityIndex index, Map<String, Set<String>> classesByType, Map<String, Set<Integer>> years, Map<String, Set<String>> related) {
        this.index = index;
        this.classesByType = classesByType;
        this.years = years;
        this.related = related;
    }

    /** Reads the profiles from a dataset whose default graph holds the ontology and the inferred closure. */
    public static Profiles load(Dataset ds, EntityIndex index) {
        Map<String, Set<String>> classes = new HashMap<>();
        select(ds, "wikidata-classes.rq", s ->
                classes.computeIfAbsent(s.getResource("c").getLocalName(), k -> new TreeSet<>()).add(s.getResource("w").getLocalName()));
        Map<String, Set<Integer>> years = new HashMap<>();
        select(ds, "entity-years.rq", s -> {
            String e = s.getResource("e").getURI();
            if (IriScheme.id(e) == null) return;
            String lexical = s.getLiteral("d").getLexicalForm();
            if (lexical.matches("\\d{4}.*")) years.computeIfAbsent(IriScheme.id(e), k -> new TreeSet<>()).add(Integer.parseInt(lexical.substring(0, 4)));
        });
        // The items of the linked entities each entity is tied to (never its own link: search must not read it).
        Map<String, Set<String>> related = new HashMap<>();
        select(ds, "entity-context.rq", s -> {
            String e = IriScheme.id(s.getResource("e").getURI()), w = s.getResource("w").getURI();
            if (e != null && w.startsWith(IriScheme.WIKIDATA_ITEM)) related.computeIfAbsent(e, k -> new TreeSet<>()).add(w.substring(IriScheme.WIKIDATA_ITEM.length()));
        });
        return new Profiles(index, classes, years, related);
    }

    /** What to look for on Wikidata for this entity. */
    public Wanted wanted(String id) {
        EntityIndex.Entry e = index.get(id);
        Set<String> wikidataClasses = new LinkedHashSet<>();
        for (String t : e.types()) wikidataClasses.addAll(classesByType.getOrDefault(t, Set.of()));
        Wanted.Dates dates = switch (id.substring(0, id.indexOf('/'))) {
            case "agreement" -> Wanted.Dates.POINT;
            case "person" -> Wanted.Dates.LIFE;
            case "polity" -> Wanted.Dates.EXISTENCE;
            default -> Wanted.Dates.NONE;
        };
        return new Wanted(withAbbreviationsExpanded(e.names()), wikidataClasses, years.getOrDefault(id, Set.of()), dates, related.getOrDefault(id, Set.of()));
    }

    /** The names, then each name with its abbreviations spelt out (abbreviations.properties), where that differs. */
    static List<String> withAbbreviationsExpanded(List<String> names) {
        List<String> out = new ArrayList<>(names);
        for (String n : names) {
            String expanded = n;
            for (String abbreviation : ABBREVIATIONS.stringPropertyNames()) {
                expanded = expanded.replaceAll("\\b" + Pattern.quote(abbreviation) + "\\b", Matcher.quoteReplacement(ABBREVIATIONS.getProperty(abbreviation)));
            }
            if (!out.contains(expanded)) out.add(expanded);
        }
        return out;
    }

    private static final Properties ABBREVIATIONS = new Properties();

    static {
        try (InputStream in = Profiles.class.getResourceAsStream("abbreviations.properties")) {
            ABBREVIATIONS.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("abbreviations.properties is missing from the jar", e);
        }
    }

    private static void select(Dataset ds, String resource, java.util.function.Consumer<QuerySolution> row) {
        try (QueryExecution qe = QueryExecution.dataset(ds).query(Prefixes.query(Profiles.class, resource)).build()) {
            qe.execSelect().forEachRemaining(row);
        }
    }
}

package org.treatygraph.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.treatygraph.core.DatesInWords;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;
import org.treatygraph.publish.WikidataProperties.Property;

/**
 * QuickStatements (v1) proposals: for every linked entity, what our sources state and Wikidata models, read
 * from the graph by the queries in quickstatements/*.rq — signatories (parties and persons who signed),
 * participants (mediators, negotiators), the signing date at its precision, the place of signing,
 * ratifications, a polity's inception and dissolution, a person's negotiations — each with an item value
 * (a linked entity) or a time. Every statement carries one reference per cited passage: stated in (the
 * source's item, where a checked link gives one), reference URL (the passage's page on our site),
 * quotation (its words, in its language), retrieved. A fact is skipped, with its reason, when its sources
 * conflict (dates that cannot all hold, two places of signing), when its value is not linked, when no
 * passage states it, when its property was not checked (data/wikidata/properties.yaml), or when the
 * cached Wikidata answers show the item has it already. For a person to review before running it.
 */
public final class QuickStatements {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sources whose graph gives no language: all three are English texts (data/sources/). */
    private static final String DEFAULT_LANGUAGE = "en";

    /** One cited passage as a reference: the source's code, its item (or null), the passage's page and words. */
    public record Reference(String source, String statedIn, String url, String quote, String language) {}

    /** A proposed statement, in words and as QuickStatements lines (one a reference). */
    public record Proposal(String subject, String subjectLabel, String qid, Property property, String value, String valueWords,
                           List<Reference> references, List<String> lines) {
        /** "Treaty of Kars: signatory (P1891) Georgian SSR (Q130229)". */
        public String words() {
            return subjectLabel + ": " + property.label() + " (" + property.id() + ") " + valueWords;
        }
    }

    /** A fact about a linked entity that is not proposed, and why. */
    public record Skipped(String subject, String subjectLabel, String fact, String reason) {}

    private record Candidate(Node subject, String subjectLabel, String qid, String role, String value, String valueWords, List<Triple> facts) {}

    private final WikidataProperties properties;
    private final String siteBase;
    private final LocalDate retrieved;
    private final Map<String, Set<String>> known;
    private final SourceRefs refs;
    private final Map<String, String[]> sources = new HashMap<>();   // code -> {file, language, qid}
    private final List<Proposal> proposals = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();

    /**
     * @param dataset the graph's named graphs (asserted, provenance, ontology), as built or as served
     * @param siteBase where our server publishes /sources/ (https://w3id.org/treaty-graph/)
     * @param retrieved the day the batch is made: the references' "retrieved"
     * @param known claims the items already have, "P=value" per QID ({@link #knownClaims})
     */
    public QuickStatements(Dataset dataset, WikidataProperties properties, String siteBase, LocalDate retrieved, Map<String, Set<String>> known) {
        this.properties = properties;
        this.siteBase = siteBase.endsWith("/") ? siteBase : siteBase + "/";
        this.retrieved = retrieved;
        this.known = known;
        this.refs = new SourceRefs(dataset);
        for (QuerySolution s : select(dataset, "quickstatements/sources.rq")) {
            sources.put(s.getLiteral("code").getLexicalForm(), new String[] {s.getLiteral("file").getLexicalForm(),
                    s.contains("language") ? s.getLiteral("language").getLexicalForm() : DEFAULT_LANGUAGE,
                    s.contains("qid") ? s.getLiteral("qid").getLexicalForm() : null});
        }
        List<Candidate> candidates = new ArrayList<>();
        items(dataset, candidates);
        dates(dataset, candidates);
        oneValueConflicts(candidates);
        for (Candidate c : candidates) propose(c);
        skipped.addAll(waitingChanges(dataset));
        proposals.sort(Comparator.comparing((Proposal p) -> p.subjectLabel()).thenComparing(p -> p.property().id()).thenComparing(Proposal::value));
        List<Skipped> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(skipped));
        skipped.clear();
        skipped.addAll(distinct);
        skipped.sort(Comparator.comparing(Skipped::subjectLabel).thenComparing(Skipped::fact).thenComparing(Skipped::reason));
    }

    public List<Proposal> proposals() {
        return List.copyOf(proposals);
    }

    public List<Skipped> skipped() {
        return List.copyOf(skipped);
    }

    /** The batch: every proposal's lines, tab-separated as QuickStatements v1 reads them. */
    public List<String> lines() {
        return proposals.stream().flatMap(p -> p.lines().stream()).toList();
    }

    private void items(Dataset dataset, List<Candidate> out) {
        Map<List<String>, Candidate> merged = new LinkedHashMap<>();   // a fact found twice (two labels, two routes) once
        for (QuerySolution s : select(dataset, "quickstatements/statements.rq")) {
            Node subject = s.get("subject").asNode();
            String label = label(s, "subjectLabel", subject), role = s.getLiteral("role").getLexicalForm();
            Node value = s.get("value").asNode();
            String valueLabel = label(s, "valueLabel", value);
            Property p = properties.of(role);
            String fact = role + " " + valueLabel;
            if (p == null) {
                skip(subject, label, fact, "waits for a checked Wikidata property for '" + role + "' (data/wikidata/properties.yaml)");
                continue;
            }
            if (!s.contains("valueQid")) {
                skip(subject, label, p.label() + " " + valueLabel, valueLabel + " (" + IriScheme.id(value) + ") has no checked Wikidata link: a statement's value must be a linked item");
                continue;
            }
            String qid = s.getLiteral("valueQid").getLexicalForm();
            Triple t = Triple.create(s.get("fs").asNode(), s.get("fp").asNode(), s.get("fo").asNode());
            merged.merge(List.of(subject.getURI(), role, qid), new Candidate(subject, label, s.getLiteral("subjectQid").getLexicalForm(), role, qid,
                    valueLabel + " (" + qid + ")", List.of(t)), (a, b) -> a.facts().contains(t) ? a
                    : new Candidate(a.subject(), a.subjectLabel(), a.qid(), a.role(), a.value(), a.valueWords(), Stream.concat(a.facts().stream(), Stream.of(t)).toList()));
        }
        out.addAll(merged.values());
    }

    /** One date row: a date node one source gives, with its bounds. */
    private record DateRow(Node date, String value, LocalDate earliest, LocalDate latest, String text, Triple fact) {
        String words() {
            String w = DatesInWords.words(value, earliest == null ? null : earliest.toString(), latest == null ? null : latest.toString());
            return w == null ? "no date" : w;
        }
    }

    private void dates(Dataset dataset, List<Candidate> out) {
        Map<List<Node>, List<DateRow>> byFact = new LinkedHashMap<>();   // (subject, role) -> every date given
        Map<Node, String> labels = new HashMap<>(), qids = new HashMap<>();
        Map<List<Node>, String> roles = new HashMap<>();
        for (QuerySolution s : select(dataset, "quickstatements/dates.rq")) {
            Node subject = s.get("subject").asNode();
            labels.put(subject, label(s, "subjectLabel", subject));
            qids.put(subject, s.getLiteral("subjectQid").getLexicalForm());
            String role = s.getLiteral("role").getLexicalForm();
            List<Node> key = List.of(subject, org.apache.jena.graph.NodeFactory.createLiteralString(role));
            roles.put(key, role);
            byFact.computeIfAbsent(key, k -> new ArrayList<>()).add(new DateRow(s.get("date").asNode(),
                    s.contains("value") ? s.getLiteral("value").getLexicalForm() : null,
                    s.contains("earliest") ? LocalDate.parse(s.getLiteral("earliest").getLexicalForm()) : null,
                    s.contains("latest") ? LocalDate.parse(s.getLiteral("latest").getLexicalForm()) : null,
                    s.contains("dateText") ? s.getLiteral("dateText").getLexicalForm() : null,
                    Triple.create(s.get("fs").asNode(), s.get("fp").asNode(), s.get("fo").asNode())));
        }
        for (Map.Entry<List<Node>, List<DateRow>> e : byFact.entrySet()) {
            Node subject = e.getKey().get(0);
            String role = roles.get(e.getKey()), label = labels.get(subject);
            Property p = properties.of(role);
            List<DateRow> rows = e.getValue();
            rows.sort(Comparator.comparing((DateRow r) -> r.date().toString()));
            String given = rows.stream().map(r -> r.words() + " (" + sourcesOf(r.fact()) + ")").distinct().collect(Collectors.joining("; "));
            String fact = (p == null ? role : p.label()) + " " + given;
            if (p == null) {
                skip(subject, label, fact, "waits for a checked Wikidata property for '" + role + "' (data/wikidata/properties.yaml)");
                continue;
            }
            // The sources agree when one span of days fits every date they give; otherwise the date is contested.
            LocalDate from = rows.stream().map(DateRow::earliest).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
            LocalDate to = rows.stream().map(DateRow::latest).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
            if (from != null && to != null && from.isAfter(to)) {
                skip(subject, label, fact, "the sources conflict: no day fits every date they give");
                continue;
            }
            int finest = rows.stream().filter(r -> r.value() != null).mapToInt(r -> r.value().length()).max().orElse(0);
            List<DateRow> chosen = rows.stream().filter(r -> r.value() != null && r.value().length() == finest).toList();
            if (chosen.isEmpty()) {
                skip(subject, label, fact, "the sources bound the date only (no day, month or year to give at a precision)");
                continue;
            }
            Set<String> values = chosen.stream().map(DateRow::value).collect(Collectors.toCollection(TreeSet::new));
            if (values.size() > 1) {
                skip(subject, label, fact, "the sources conflict: " + String.join(", ", values));
                continue;
            }
            String v = values.iterator().next();
            out.add(new Candidate(subject, label, qids.get(subject), role, time(v), chosen.get(0).words(),
                    chosen.stream().map(DateRow::fact).toList()));
        }
    }

    /** A property with one value per item: two different values from our sources are a conflict, neither proposed. */
    private void oneValueConflicts(List<Candidate> candidates) {
        Map<List<Object>, List<Candidate>> groups = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            Property p = properties.of(c.role());
            if (p != null && p.oneValue()) groups.computeIfAbsent(List.of(c.subject(), c.role()), k -> new ArrayList<>()).add(c);
        }
        for (List<Candidate> g : groups.values()) {
            Set<String> values = g.stream().map(Candidate::value).collect(Collectors.toSet());
            if (values.size() < 2) continue;
            candidates.removeAll(g);
            Candidate first = g.get(0);
            String given = g.stream().map(c -> c.valueWords() + " (" + c.facts().stream().map(this::sourcesOf).collect(Collectors.joining(", ")) + ")")
                    .distinct().collect(Collectors.joining("; "));
            skip(first.subject(), first.subjectLabel(), properties.of(first.role()).label() + " " + given,
                    "the sources conflict: " + properties.of(first.role()).label() + " takes one value and they give " + values.size());
        }
    }

    private void propose(Candidate c) {
        Property p = properties.of(c.role());
        String fact = p.label() + " " + c.valueWords();
        String plain = c.value().replaceFirst("/\\d+$", "");
        if (known.getOrDefault(c.qid(), Set.of()).contains(p.id() + "=" + plain)) {
            skip(c.subject(), c.subjectLabel(), fact, "Wikidata already has it (the cached answer for " + c.qid() + ")");
            return;
        }
        SortedSet<SourceRefs.Ref> passages = new TreeSet<>();
        for (Triple t : c.facts()) passages.addAll(passagesOf(t));
        if (passages.isEmpty()) {
            skip(c.subject(), c.subjectLabel(), fact, "no source passage states it (it rests on the editors' reading)");
            return;
        }
        Property statedIn = properties.of("statedIn"), url = properties.of("referenceUrl"), quotation = properties.of("quotation"),
                retrievedOn = properties.of("retrieved");
        if (url == null && quotation == null && statedIn == null) {
            skip(c.subject(), c.subjectLabel(), fact, "waits for a checked reference property (stated in, reference URL or quotation)");
            return;
        }
        List<Reference> references = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (SourceRefs.Ref r : passages) {
            String[] source = sources.getOrDefault(r.source(), new String[] {null, DEFAULT_LANGUAGE, null});
            String page = source[0] == null ? null : siteBase + "sources/" + source[0] + "?start=" + r.start() + "&end=" + r.end();
            // QuickStatements v1 has no escape for a double quote inside a string, nor for a tab or a line break.
            String words = r.oneLineQuote().replace('"', '\'');
            references.add(new Reference(r.source(), source[2], page, r.oneLineQuote(), source[1]));
            StringBuilder line = new StringBuilder(c.qid()).append('\t').append(p.id()).append('\t').append(c.value());
            if (statedIn != null && source[2] != null) line.append("\tS").append(statedIn.id().substring(1)).append('\t').append(source[2]);
            if (url != null && page != null) line.append("\tS").append(url.id().substring(1)).append("\t\"").append(page).append('"');
            if (quotation != null) line.append("\tS").append(quotation.id().substring(1)).append('\t').append(source[1]).append(":\"").append(words).append('"');
            if (retrievedOn != null) line.append("\tS").append(retrievedOn.id().substring(1)).append('\t').append(time(retrieved.toString()));
            lines.add(line.toString());
        }
        proposals.add(new Proposal(c.subject().getURI(), c.subjectLabel(), c.qid(), p, c.value(), c.valueWords(), List.copyOf(references), List.copyOf(lines)));
    }

    /** The passages cited for a fact; for a participation, those cited on the participation itself. */
    private SortedSet<SourceRefs.Ref> passagesOf(Triple t) {
        SortedSet<SourceRefs.Ref> found = refs.of(t.getSubject(), t.getPredicate(), t.getObject());
        if (found.isEmpty() && t.getObject().isURI() && t.getSubject().isURI() && t.getObject().getURI().startsWith(t.getSubject().getURI() + "/"))
            found = refs.about(List.of(t.getObject()), false);
        return found;
    }

    private String sourcesOf(Triple fact) {
        Set<String> codes = passagesOf(fact).stream().map(SourceRefs.Ref::source).collect(Collectors.toCollection(TreeSet::new));
        return codes.isEmpty() ? "editors' reading" : "source " + String.join(", ", codes);
    }

    /** A date at its precision, as QuickStatements v1 writes a time: /9 a year, /10 a month, /11 a day. */
    static String time(String value) {
        return switch (value.length()) {
            case 4 -> "+" + value + "-00-00T00:00:00Z/9";
            case 7 -> "+" + value + "-00T00:00:00Z/10";
            default -> "+" + value + "T00:00:00Z/11";
        };
    }

    private void skip(Node subject, String label, String fact, String reason) {
        skipped.add(new Skipped(subject.getURI(), label, fact, reason));
    }

    private static String label(QuerySolution s, String var, Node n) {
        RDFNode l = s.get(var);
        return l != null && l.isLiteral() ? l.asLiteral().getLexicalForm() : IriScheme.id(n);
    }

    private static List<QuerySolution> select(Dataset dataset, String query) {
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(Prefixes.query(QuickStatements.class, query)).build()) {
            qe.execSelect().forEachRemaining(rows::add);
        }
        return rows;
    }

    /** Territorial changes and claims of linked territories: no checked property states them; they wait. */
    private static List<Skipped> waitingChanges(Dataset dataset) {
        Map<String, Skipped> out = new TreeMap<>();
        for (QuerySolution s : select(dataset, "quickstatements/changes.rq")) {
            Node subject = s.get("subject").asNode(), change = s.get("change").asNode();
            String label = label(s, "subjectLabel", subject);
            out.putIfAbsent(subject.getURI() + " " + change.getURI(), new Skipped(subject.getURI(), label,
                    s.getLiteral("kindLabel").getLexicalForm() + ": " + label(s, "changeLabel", change),
                    "waits for a property: a change of sovereignty or a claim is stated on Wikidata with its start and end as qualifiers, which no checked property here gives"));
        }
        return List.copyOf(out.values());
    }

    /** Claims already on items, as "P=value" per QID, from every cached wbgetentities answer. */
    public static Map<String, Set<String>> knownClaims(Path cache) throws IOException {
        Map<String, Set<String>> known = new HashMap<>();
        if (cache == null || !Files.isDirectory(cache)) return known;
        try (Stream<Path> s = Files.list(cache)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode entities = JSON.readTree(f.toFile()).path("entities");
                entities.fields().forEachRemaining(e -> {
                    Set<String> claims = known.computeIfAbsent(e.getKey(), k -> new HashSet<>());
                    e.getValue().path("claims").fields().forEachRemaining(c -> {
                        for (JsonNode statement : c.getValue()) {
                            JsonNode v = statement.path("mainsnak").path("datavalue").path("value");
                            if (v.has("id")) claims.add(c.getKey() + "=" + v.path("id").asText());
                            else if (v.has("time")) claims.add(c.getKey() + "=" + v.path("time").asText());
                        }
                    });
                });
            }
        }
        return known;
    }
}

package org.treatygraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;

/**
 * The search box's index: every entity of the graph by its label and alternative names, in a Lucene index
 * held in memory (built once, when the server starts, and read-only after), tolerant of case, accents and
 * transliteration marks (Kâzım, kazim), of the spelling variants the project records (Karakhan, Karahan),
 * and of unfinished words (Batum finds Batumi). Hits are ranked: the label exactly, then an alternative name
 * exactly (a name given in full is the one meant: "Lenin" is Vladimir Lenin before "Lenin's telegram to the
 * emir"), then a label that begins with the query, then a label with all the query's words, then an
 * alternative name that begins with the query, then one with its words; ties by the kind's importance
 * ({@link #KINDS}), then by label.
 */
public final class SearchIndex {
    /** The kinds of entity (their tg:idKind), most important first: what ranks a tie; any other comes last. */
    static final List<String> KINDS = List.of("agreement", "polity", "person", "territory", "negotiation", "change", "recognition",
            "claim", "control", "lineage", "source");

    /**
     * An entity as the index holds it: its IRI, kind (the tg:idKind of its class: "agreement"), label,
     * alternative names, the kind in words (its most specific classes' labels: "treaty of friendship"), and its
     * date in words ("13 October 1921", or null).
     */
    public record Entity(String iri, String kind, String label, List<String> altLabels, String kindLabel, String date) {}

    /** A hit: the entity, its score (higher is better), and the alternative name that matched when its label did not (else null). */
    public record Hit(Entity entity, float score, String matchedName) {}

    // What each tier of a match adds to the score: each more than every lower one together, so the tiers never mix.
    private static final float ANY_NAME = 0.5f, ALT_PREFIX = 1, LABEL_WORDS = 2, LABEL_PREFIX = 4, ALT_EXACT = 8, LABEL_EXACT = 16;
    private static final Sort RANKING = new Sort(SortField.FIELD_SCORE, new SortField("rank", SortField.Type.INT),
            new SortField("sortLabel", SortField.Type.STRING), new SortField("n", SortField.Type.INT));

    private final List<Entity> entities;
    private final NameAnalyzer queryWords;
    private final NameAnalyzer nameWords;
    private final IndexSearcher searcher;

    private SearchIndex(List<Entity> entities, List<List<String>> variants) {
        this.entities = List.copyOf(entities);
        this.queryWords = NameAnalyzer.query();
        this.nameWords = NameAnalyzer.words(variants);
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        NameAnalyzer names = NameAnalyzer.index(variants);
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(names))) {
            for (int n = 0; n < this.entities.size(); n++) w.addDocument(document(n, this.entities.get(n)));
            w.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // memory does not fail
        }
        try {
            this.searcher = new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An index of these entities, with these groups of spellings of the same words (each a list of spellings). */
    public static SearchIndex of(List<Entity> entities, List<List<String>> variants) {
        return new SearchIndex(entities, variants);
    }

    /** An index of every entity of a dataset whose default graph is the union of the asserted, inferred and ontology graphs. */
    public static SearchIndex load(Dataset ds, List<List<String>> variants) {
        return of(Txn.calculateRead(ds, () -> read(ds)), variants);
    }

    private static List<Entity> read(Dataset ds) {
        // Entity by entity, from rows of one fact each.
        final class Facts {
            final Set<String> kinds = new TreeSet<>(Comparator.comparingInt(SearchIndex::rank).thenComparing(k -> k));
            final Set<String> labels = new TreeSet<>();
            final Set<String> alts = new TreeSet<>();
            final Set<String> classLabels = new TreeSet<>();
            KeyDate date;
        }
        Map<String, Facts> byIri = new LinkedHashMap<>();
        try (QueryExecution qe = QueryExecution.dataset(ds).query(Prefixes.query(SearchIndex.class, "entities.rq")).build()) {
            qe.execSelect().forEachRemaining((QuerySolution s) -> {
                Facts f = byIri.computeIfAbsent(s.getResource("e").getURI(), k -> new Facts());
                f.kinds.add(s.getLiteral("kind").getLexicalForm());
                if (s.contains("label")) f.labels.add(s.getLiteral("label").getLexicalForm());
                if (s.contains("alt")) f.alts.add(s.getLiteral("alt").getLexicalForm());
                if (s.contains("classLabel")) f.classLabels.add(s.getLiteral("classLabel").getLexicalForm());
                if (s.contains("earliest") && s.contains("latest")) {
                    KeyDate d = new KeyDate(LocalDate.parse(s.getLiteral("earliest").getLexicalForm()), LocalDate.parse(s.getLiteral("latest").getLexicalForm()));
                    if (d.betterThan(f.date)) f.date = d;
                }
            });
        }
        List<Entity> out = new ArrayList<>();
        byIri.forEach((iri, f) -> {
            List<String> labels = new ArrayList<>(f.labels);
            String label = labels.isEmpty() ? IriScheme.show(iri) : labels.remove(0);
            Set<String> alts = new LinkedHashSet<>(labels);   // a second label is another name
            alts.addAll(f.alts);
            alts.remove(label);
            String kind = f.kinds.iterator().next();
            out.add(new Entity(iri, kind, label, List.copyOf(alts), f.classLabels.isEmpty() ? kind : String.join(", ", f.classLabels),
                    f.date == null ? null : f.date.text()));
        });
        return out;
    }

    /** How many entities the index holds. */
    public int size() {
        return entities.size();
    }

    /** The best hits for a query, at most {@code limit}; none for a query without words. */
    public List<Hit> search(String query, int limit) {
        List<String> words = queryWords.words(query);
        if (words.isEmpty() || limit < 1) return List.of();
        String key = String.join(" ", words);
        BooleanQuery.Builder anyName = new BooleanQuery.Builder(), labelWords = new BooleanQuery.Builder();
        for (String w : words) {
            String prefix = w.length() > NameAnalyzer.MAX_GRAM ? w.substring(0, NameAnalyzer.MAX_GRAM) : w;
            anyName.add(new TermQuery(new Term("names", prefix)), Occur.FILTER);
            labelWords.add(new TermQuery(new Term("label", prefix)), Occur.FILTER);
        }
        Query q = new BooleanQuery.Builder()
                .add(tier(anyName.build(), ANY_NAME), Occur.MUST)
                .add(tier(new TermQuery(new Term("labelKey", key)), LABEL_EXACT), Occur.SHOULD)
                .add(tier(new PrefixQuery(new Term("labelKey", key)), LABEL_PREFIX), Occur.SHOULD)
                .add(tier(labelWords.build(), LABEL_WORDS), Occur.SHOULD)
                .add(tier(new TermQuery(new Term("altKey", key)), ALT_EXACT), Occur.SHOULD)
                .add(tier(new PrefixQuery(new Term("altKey", key)), ALT_PREFIX), Occur.SHOULD)
                .build();
        try {
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc d : searcher.search(q, limit, RANKING, true).scoreDocs) {
                Entity e = entities.get(stored.document(d.doc).getField("n").numericValue().intValue());
                hits.add(new Hit(e, ((FieldDoc) d).score, matchedName(words, key, e)));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Candidates for reconciliation, more lenient than {@link #search}: every entity with any of the query's
     * words in one of its names, or a word one or two edits from one (Chicherin, Chicherine), best first by
     * Lucene's own relevance; at most {@code limit}. The caller scores them.
     */
    public List<Entity> candidates(String query, int limit) {
        List<String> words = queryWords.words(query);
        if (words.isEmpty() || limit < 1) return List.of();
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String w : new LinkedHashSet<>(words)) {
            String prefix = w.length() > NameAnalyzer.MAX_GRAM ? w.substring(0, NameAnalyzer.MAX_GRAM) : w;
            any.add(new BoostQuery(new TermQuery(new Term("names", prefix)), 2), Occur.SHOULD);
            if (w.length() >= 4) any.add(new FuzzyQuery(new Term("names", prefix), w.length() >= 7 ? 2 : 1), Occur.SHOULD);
        }
        try {
            StoredFields stored = searcher.storedFields();
            List<Entity> out = new ArrayList<>();
            for (ScoreDoc d : searcher.search(any.build(), limit).scoreDocs)
                out.add(entities.get(stored.document(d.doc).getField("n").numericValue().intValue()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of a text as a query reads them: lower case, folded to ASCII, other scripts in Latin letters. */
    public List<String> words(String text) {
        return queryWords.words(text);
    }

    /** Every entity the index holds, in the order read. */
    public List<Entity> entities() {
        return entities;
    }

    private static Query tier(Query q, float score) {
        return new BoostQuery(new ConstantScoreQuery(q), score);
    }

    private Document document(int n, Entity e) {
        Document d = new Document();
        d.add(new StoredField("n", n));
        d.add(new NumericDocValuesField("n", n));
        d.add(new TextField("label", normalised(e.label()), Field.Store.NO));
        d.add(new TextField("names", normalised(e.label()), Field.Store.NO));
        d.add(new StringField("labelKey", key(e.label()), Field.Store.NO));
        for (String alt : e.altLabels()) {
            d.add(new TextField("names", normalised(alt), Field.Store.NO));
            d.add(new StringField("altKey", key(alt), Field.Store.NO));
        }
        d.add(new NumericDocValuesField("rank", rank(e.kind())));
        d.add(new SortedDocValuesField("sortLabel", new BytesRef(key(e.label()))));
        return d;
    }

    /** A name as the query analyzer reads it, its words joined by spaces: what an exact or prefix match compares. */
    private String key(String name) {
        return String.join(" ", queryWords.words(name));
    }

    private static String normalised(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    static int rank(String kind) {
        int i = KINDS.indexOf(kind);
        return i < 0 ? KINDS.size() : i;
    }

    /** Whether each of the query's words begins a word of the name (or of a spelling variant of it). */
    private boolean matches(List<String> words, String name) {
        List<String> nameWordList = nameWords.words(name);
        return words.stream().allMatch(w -> nameWordList.stream().anyMatch(n -> n.startsWith(w)));
    }

    /**
     * The alternative name that matched, or null when the label did: one the query is (unless the label is it
     * too: "Batum" is Batumi's), else, where the label does not have the query's words, one the query begins,
     * else one with all its words.
     */
    private String matchedName(List<String> words, String key, Entity e) {
        if (key(e.label()).equals(key)) return null;
        for (String alt : e.altLabels()) if (key(alt).equals(key)) return alt;
        if (matches(words, e.label())) return null;
        for (String alt : e.altLabels()) if (key(alt).startsWith(key)) return alt;
        for (String alt : e.altLabels()) if (matches(words, alt)) return alt;
        return null;
    }
}

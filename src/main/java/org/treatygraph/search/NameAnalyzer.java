package org.treatygraph.search;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.CharsRefBuilder;
import com.ibm.icu.text.Transliterator;

/**
 * How names become words for the index and for a query: Unicode words, other scripts written in Latin letters
 * (ICU's Any-Latin: Карс → Kars, Персия → Persiya), lower case, folded to ASCII (Kâzım → kazim), apostrophes and transliteration marks dropped (ʿ, ʼ, ’), optionally the project's spelling
 * variants added beside each word (Karakhan → karahan too), and optionally every word's beginnings
 * (k, ka, kar, …), so that a query's words match as prefixes.
 */
final class NameAnalyzer extends Analyzer {
    /** Words longer than this are indexed whole and by their first MAX_GRAM characters. */
    static final int MAX_GRAM = 24;
    private static final NormalizeCharMap MARKS;

    static {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        for (String mark : new String[] {"'", "’", "‘", "ʼ", "ʻ", "ʿ", "ʾ", "`", "´", "\u00ad"}) b.add(mark, "");
        MARKS = b.build();
    }

    /** Thread-safe once built: one for every analyzer. */
    private static final Transliterator LATIN = Transliterator.getInstance("Any-Latin");
    private final SynonymMap variants;   // null: none
    private final boolean prefixes;

    private NameAnalyzer(SynonymMap variants, boolean prefixes) {
        this.variants = variants;
        this.prefixes = prefixes;
    }

    /** The words of a query: no variants (the index holds them), no prefixes (a query's words are the prefixes). */
    static NameAnalyzer query() {
        return new NameAnalyzer(null, false);
    }

    /** The words of a name as indexed: with the variants and every word's beginnings. */
    static NameAnalyzer index(List<List<String>> variantGroups) {
        return new NameAnalyzer(synonyms(variantGroups), true);
    }

    /** The words of a name with the variants, whole: what a query's words are compared with to say which name matched. */
    static NameAnalyzer words(List<List<String>> variantGroups) {
        return new NameAnalyzer(synonyms(variantGroups), false);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(MARKS, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream t = new ASCIIFoldingFilter(new LowerCaseFilter(new ICUTransformFilter(source, LATIN)));
        if (variants != null) t = new FlattenGraphFilter(new SynonymGraphFilter(t, variants, true));
        if (prefixes) t = new EdgeNGramTokenFilter(t, 1, MAX_GRAM, true);
        return new TokenStreamComponents(source, t);
    }

    /** The words of a text, in order (composed first, so a letter and its separate accent fold as one). */
    List<String> words(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = tokenStream("", Normalizer.normalize(text, Normalizer.Form.NFC))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringReader does not fail
        }
        return out;
    }

    /** Each spelling of a group as a synonym of each other one, compared word by word as the query analyzer reads them. */
    private static SynonymMap synonyms(List<List<String>> groups) {
        if (groups.isEmpty()) return null;
        try (NameAnalyzer plain = query()) {
            SynonymMap.Builder b = new SynonymMap.Builder(true);
            for (List<String> group : groups) {
                List<List<String>> spellings = new ArrayList<>();
                for (String s : group) {
                    List<String> w = plain.words(s);
                    if (!w.isEmpty()) spellings.add(w);
                }
                for (List<String> from : spellings)
                    for (List<String> to : spellings)
                        if (!from.equals(to)) b.add(join(from), join(to), true);
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.apache.lucene.util.CharsRef join(List<String> words) {
        return SynonymMap.Builder.join(words.toArray(String[]::new), new CharsRefBuilder());
    }
}

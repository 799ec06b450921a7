package org.treatygraph.convert;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares the editors' words with a source's words the way a reader does: ignoring case, accents,
 * punctuation, line breaks and OCR hyphenation ("in- fluence" is "influence"), and knowing the
 * spelling variants the project records (data/name-variants.yaml). A folded text is lower-case words
 * separated by single spaces, with a space at each end, so that whole words can be found with
 * {@link String#contains}.
 */
final class Wording {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern LINE_BREAK_HYPHEN = Pattern.compile("(\\p{L})[-\u00ad]\\s+(\\p{L})");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    private static final Pattern ELLIPSIS = Pattern.compile("\\s*(?:\\.\\.\\.|…)\\s*");

    private static final String[] ONES = {"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
    private static final String[] ORDINALS = {"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};

    private Wording() {}

    /** The folded forms of a passage: OCR line-break hyphens joined ("influence") and, in case they were real hyphens, split. */
    static List<String> foldPassage(String text) {
        String joined = fold(LINE_BREAK_HYPHEN.matcher(text).replaceAll("$1$2"));
        String split = fold(text);
        return joined.equals(split) ? List.of(joined) : List.of(joined, split);
    }

    static String fold(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFD);
        t = MARKS.matcher(t).replaceAll("").replace('ı', 'i').replace("\u00ad", "").replace("’", "'");
        t = t.toLowerCase(Locale.ROOT).replace("'s ", " ");
        t = NOT_WORD.matcher(t).replaceAll(" ").strip();
        return t.isEmpty() ? "" : " " + t + " ";
    }

    /** The parts of an editor's phrase that must each stand in a passage ("17 March ... 21 March" has two). */
    static List<String> fragments(String phrase) {
        List<String> out = new ArrayList<>();
        for (String f : ELLIPSIS.split(phrase)) {
            String folded = fold(f);
            if (!folded.isEmpty()) out.add(folded);
        }
        return out;
    }

    /** Whether a folded passage has the folded phrase as whole words. */
    static boolean hasWords(List<String> passage, String phrase) {
        return passage.stream().anyMatch(p -> p.contains(phrase));
    }

    /** Whether a folded passage has a word sequence starting with the folded phrase ("georgia" in "georgian"). */
    static boolean hasWordStart(List<String> passage, String phrase) {
        String start = phrase.substring(0, phrase.length() - 1);
        return passage.stream().anyMatch(p -> p.contains(start));
    }

    /** The ways a source may write a whole number: digits, Roman numerals, English words. */
    static List<String> numberForms(long n) {
        List<String> forms = new ArrayList<>();
        forms.add(" " + n + " ");
        if (n >= 1 && n <= 3999) forms.add(" " + roman((int) n) + " ");
        if (n >= 1 && n < ONES.length) {
            forms.add(" " + ONES[(int) n] + " ");
            forms.add(" " + ORDINALS[(int) n] + " ");
        }
        return forms;
    }

    /**
     * The ways a source may write a quantity, folded: "33 275" (33275, 33,275, 33 275), "10 million",
     * "ten million", "6 5 mln" (6,5 mln.), "20 thousand", and for whole numbers up to twenty their words.
     */
    static List<String> quantityForms(java.math.BigDecimal q) {
        List<String> forms = new ArrayList<>();
        java.math.BigDecimal n = q.stripTrailingZeros();
        if (n.scale() <= 0) {
            long v = n.longValueExact();
            forms.addAll(numberForms(v));
            if (v >= 1000) forms.add(" " + grouped(v) + " ");
            scaled(forms, n, java.math.BigDecimal.valueOf(1_000_000), "million", "mln");
            scaled(forms, n, java.math.BigDecimal.valueOf(1_000), "thousand", null);
        } else {
            String plain = n.toPlainString();
            forms.add(" " + plain.replace('.', ' ') + " ");
        }
        return forms;
    }

    private static void scaled(List<String> forms, java.math.BigDecimal n, java.math.BigDecimal unit, String word, String abbrev) {
        if (n.compareTo(unit) < 0) return;
        java.math.BigDecimal m = n.divide(unit).stripTrailingZeros();
        if (m.scale() > 1) return;
        String digits = m.toPlainString().replace('.', ' ');   // 6.5 → "6 5", as "6,5" and "6.5" fold
        List<String> heads = new ArrayList<>(List.of(digits));
        if (m.scale() <= 0 && m.intValueExact() < ONES.length) heads.add(ONES[m.intValueExact()]);
        for (String h : heads) {
            forms.add(" " + h + " " + word + " ");
            if (abbrev != null) forms.add(" " + h + " " + abbrev + " ");
        }
    }

    private static String grouped(long v) {
        String s = Long.toString(v);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && (s.length() - i) % 3 == 0) sb.append(' ');
            sb.append(s.charAt(i));
        }
        return sb.toString();
    }

    private static String roman(int n) {
        int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] r = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) while (n >= v[i]) { sb.append(r[i]); n -= v[i]; }
        return sb.toString();
    }
}

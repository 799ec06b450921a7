package org.treatygraph.serve;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A date of the graph in words, with its precision: a day ("13 October 1921"), a month ("February 1921
 * (month)"), a year ("1921 (year)"), or the bounds an undated event lies between ("between September and
 * December 1918"). The value's datatype (xsd:date, xsd:gYearMonth, xsd:gYear) is its precision.
 */
final class DatesInWords {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_ONLY = DateTimeFormatter.ofPattern("MMMM", Locale.ENGLISH);

    private DatesInWords() {}

    /**
     * @param value the lexical form of tg:dateValue, or null
     * @param earliest tg:earliest (xsd:date) or null
     * @param latest tg:latest (xsd:date) or null
     * @return the date in words, or null when nothing is known
     */
    static String words(String value, String earliest, String latest) {
        if (value != null) {
            try {
                if (value.length() == 4) return value + " (year)";
                if (value.length() == 7) return YearMonth.parse(value).format(MONTH) + " (month)";
                return LocalDate.parse(value).format(DAY);
            } catch (java.time.DateTimeException e) {
                return value;   // written as the data has it: the converter already checked its datatype
            }
        }
        LocalDate from = parse(earliest), to = parse(latest);
        if (from == null && to == null) return null;
        if (to == null) return "not before " + from.format(DAY);
        if (from == null) return "not after " + to.format(DAY);
        if (from.equals(to)) return from.format(DAY);
        boolean wholeMonths = from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth());
        if (wholeMonths && YearMonth.from(from).equals(YearMonth.from(to))) return from.format(MONTH) + " (month)";
        if (wholeMonths && from.getMonthValue() == 1 && to.getMonthValue() == 12 && from.getYear() == to.getYear()) {
            return from.getYear() + " (year)";
        }
        if (wholeMonths) {
            return "between " + (from.getYear() == to.getYear() ? from.format(MONTH_ONLY) : from.format(MONTH))
                    + " and " + to.format(MONTH);
        }
        return "between " + from.format(DAY) + " and " + to.format(DAY);
    }

    /** True when the source's words say no more than the words made from the value (case, punctuation and "On" aside). */
    static boolean sameWords(String sourceText, String words) {
        if (sourceText == null || words == null) return true;
        return normal(sourceText).equals(normal(words.replaceAll(" \\((month|year)\\)$", "")));
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("^(on|in) ", "").replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static LocalDate parse(String s) {
        if (s == null) return null;
        try {
            return LocalDate.parse(s);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}

package org.treatygraph.core;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A date of the graph in words, with its precision: a day ("13 October 1921"), a month ("February 1921
 * (month)"), a year ("1921 (year)"), or the bounds an undated event lies between ("between September and
 * December 1918"). The value's datatype (xsd:date, xsd:gYearMonth, xsd:gYear) is its precision. The one
 * place dates are written in words: the entity pages, the browse page, the lists and the search box use it.
 */
public final class DatesInWords {
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
    public static String words(String value, String earliest, String latest) {
        if (value != null) {
            try {
                if (value.length() == 4) return value + " (year)";
                if (value.length() == 7) return month(YearMonth.parse(value)) + " (month)";
                return day(LocalDate.parse(value));
            } catch (java.time.DateTimeException e) {
                return value;   // written as the data has it: the converter already checked its datatype
            }
        }
        LocalDate from = parse(earliest), to = parse(latest);
        if (from == null && to == null) return null;
        if (to == null) return "not before " + day(from);
        if (from == null) return "not after " + day(to);
        return span(from, to);
    }

    /** A day: "13 October 1921". */
    public static String day(LocalDate d) {
        return d.format(DAY);
    }

    /** A month: "October 1921". */
    public static String month(YearMonth m) {
        return m.format(MONTH);
    }

    /**
     * A span in words, each bound as coarse as it is (the editors bound spans by years, months or days),
     * what the two share said once: "between 1919 and March 1920", "between June and December 1920",
     * "between 2 and 31 December 1920"; a span of a whole month or year is that month or year, a day that day.
     */
    public static String span(LocalDate earliest, LocalDate latest) {
        if (earliest.equals(latest)) return day(earliest);
        boolean sameYear = earliest.getYear() == latest.getYear();
        boolean sameMonth = sameYear && earliest.getMonth() == latest.getMonth();
        boolean fromMonth = earliest.getDayOfMonth() == 1, toMonth = latest.equals(YearMonth.from(latest).atEndOfMonth());
        boolean fromYear = fromMonth && earliest.getDayOfYear() == 1, toYear = toMonth && latest.getDayOfYear() == latest.lengthOfYear();
        if (sameMonth && fromMonth && toMonth) return month(YearMonth.from(earliest));
        if (sameYear && fromYear && toYear) return String.valueOf(earliest.getYear());
        String monthName = earliest.format(MONTH_ONLY);
        String from, to;
        if (sameMonth) {
            from = String.valueOf(earliest.getDayOfMonth());
            to = day(latest);
        } else if (sameYear) {
            from = fromMonth ? monthName : earliest.getDayOfMonth() + " " + monthName;
            to = toMonth ? month(YearMonth.from(latest)) : day(latest);
        } else {
            from = fromYear ? String.valueOf(earliest.getYear()) : fromMonth ? month(YearMonth.from(earliest)) : day(earliest);
            to = toYear ? String.valueOf(latest.getYear()) : toMonth ? month(YearMonth.from(latest)) : day(latest);
        }
        return "between " + from + " and " + to;
    }

    /** True when the source's words say no more than the words made from the value (case, punctuation and "On" aside). */
    public static boolean sameWords(String sourceText, String words) {
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

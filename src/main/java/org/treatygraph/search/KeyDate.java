package org.treatygraph.search;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The date a search hit shows: of the dates an entity is known by, the most precise, then the earliest
 * (the Treaty of Kars is dated "13 October 1921", not "six months later"), written at its precision:
 * "13 October 1921", "October 1921", "1921", or a range: "20 September – 18 November 1920", "2 December 1920 –
 * 18 February 1921".
 */
record KeyDate(LocalDate earliest, LocalDate latest) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_ONLY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    /** Whether this date is a better one to show than {@code other} (null: any is). */
    boolean betterThan(KeyDate other) {
        if (other == null) return true;
        long span = latest.toEpochDay() - earliest.toEpochDay(), otherSpan = other.latest.toEpochDay() - other.earliest.toEpochDay();
        return span != otherSpan ? span < otherSpan : earliest.isBefore(other.earliest);
    }

    /** The date in words. */
    String text() {
        if (earliest.equals(latest)) return DAY.format(earliest);
        boolean wholeMonths = earliest.getDayOfMonth() == 1 && latest.getDayOfMonth() == latest.lengthOfMonth();
        if (wholeMonths && earliest.withDayOfMonth(1).equals(latest.withDayOfMonth(1))) return MONTH.format(earliest);
        if (wholeMonths && earliest.getDayOfYear() == 1 && latest.getDayOfYear() == latest.lengthOfYear() && earliest.getYear() == latest.getYear())
            return Integer.toString(earliest.getYear());
        return (earliest.getYear() == latest.getYear() ? DAY_ONLY : DAY).format(earliest) + " – " + DAY.format(latest);
    }
}

package org.treatygraph.search;

import java.time.LocalDate;
import org.treatygraph.core.DatesInWords;

/**
 * The date a search hit shows: of the dates an entity is known by, the most precise, then the earliest
 * (the Treaty of Kars is dated "13 October 1921", not "six months later"), written at its precision:
 * "13 October 1921", "October 1921", "1921", or a span: "between 20 September and 18 November 1920"
 * ({@link DatesInWords}, as on the entity pages).
 */
record KeyDate(LocalDate earliest, LocalDate latest) {

    /** Whether this date is a better one to show than {@code other} (null: any is). */
    boolean betterThan(KeyDate other) {
        if (other == null) return true;
        long span = latest.toEpochDay() - earliest.toEpochDay(), otherSpan = other.latest.toEpochDay() - other.earliest.toEpochDay();
        return span != otherSpan ? span < otherSpan : earliest.isBefore(other.earliest);
    }

    /** The date in words. */
    String text() {
        return DatesInWords.span(earliest, latest);
    }
}

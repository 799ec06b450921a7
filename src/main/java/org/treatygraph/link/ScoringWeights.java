package org.treatygraph.link;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.treatygraph.core.Resources;

/** The weights of {@link Scoring}; what each means is said in scoring.properties, beside this class. */
record ScoringWeights(double name, double type, double date, double dateUnknown, double outsideOurYears, double alternativeName,
                      double containedName, double sharedName, double context) {
    static final String FILE = "org/treatygraph/link/scoring.properties";

    /** The weights of scoring.properties. */
    static ScoringWeights standard() {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Resources.text(ScoringWeights.class, "scoring.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return from(p, FILE);
    }

    /** The weights of {@code p}; {@code source} names where they came from, for the message when one is missing or not a number. */
    static ScoringWeights from(Properties p, String source) {
        return new ScoringWeights(weight(p, source, "name"), weight(p, source, "type"), weight(p, source, "date"), weight(p, source, "date-unknown"),
                weight(p, source, "outside-our-years"), weight(p, source, "alternative-name"), weight(p, source, "contained-name"),
                weight(p, source, "shared-name"), weight(p, source, "context"));
    }

    private static double weight(Properties p, String source, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalStateException(source + ": no weight '" + key + "' (every weight of candidate scoring is required)");
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // said below, with the key
        }
        throw new IllegalStateException(source + ": weight '" + key + "' is not a number: '" + v + "'");
    }
}

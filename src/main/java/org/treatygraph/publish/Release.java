package org.treatygraph.publish;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treatygraph.ontology.IriScheme;

/**
 * A numbered release: its semantic version (MAJOR.MINOR.PATCH, the name of its directory and of its URLs,
 * so one version is released once), the day it was issued, and the release before it (null for the first).
 * The full version label adds the day as SemVer build metadata ({@code 1.2.0+2026-12-03}), which orders
 * nothing: two releases are ordered by their versions alone.
 */
public record Release(String version, LocalDate issued, String previous) {
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");

    /** Versions in SemVer precedence (numbers compared as numbers: 1.10.0 after 1.9.0). */
    public static final Comparator<String> ORDER = Comparator.comparingInt((String v) -> part(v, 1))
            .thenComparingInt(v -> part(v, 2)).thenComparingInt(v -> part(v, 3));

    public Release {
        if (!isVersion(version)) throw new IllegalArgumentException("'" + version + "' is not a version of the form MAJOR.MINOR.PATCH (e.g. 1.2.0)");
    }

    /** Whether the text is a version this project releases under: MAJOR.MINOR.PATCH, no leading zeros, no suffix. */
    public static boolean isVersion(String text) {
        return text != null && SEMVER.matcher(text).matches();
    }

    /** The version with its day as build metadata, e.g. 1.2.0+2026-12-03 (owl:versionInfo, dcat:version). */
    public String label() {
        return version + "+" + issued;
    }

    /** Where its files are published, for ever: {@code https://w3id.org/treaty-graph/dumps/releases/1.2.0/}. */
    public String dumpsBase() {
        return IriScheme.BASE + "dumps/releases/" + version + "/";
    }

    /** The release as a dataset of its own (a version of the dataset). */
    public String datasetIri() {
        return datasetIri(version);
    }

    static String datasetIri(String version) {
        return VoidWriter.DATASET + "/" + version;
    }

    /** The ontology's owl:versionIRI in this release. */
    public String ontologyVersionIri() {
        return IriScheme.ONTOLOGY + "/" + version;
    }

    private static int part(String v, int group) {
        Matcher m = SEMVER.matcher(v);
        if (!m.matches()) throw new IllegalArgumentException("not a version: " + v);
        return Integer.parseInt(m.group(group));
    }
}

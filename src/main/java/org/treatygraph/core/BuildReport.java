package org.treatygraph.core;

import java.util.List;

/**
 * What a build found, as one value (the way jena-shacl's ValidationReport is): every entry with its
 * severity, location, focus and message. The command line prints it; tests and pages read it.
 */
public record BuildReport(List<Problem> entries) {
    public BuildReport {
        entries = List.copyOf(entries);
    }

    /** Whether nothing in it stops the build. */
    public boolean conforms() {
        return errors().isEmpty();
    }

    public List<Problem> errors() {
        return entries.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    /** Warnings, and inconsistencies allowed by the caller. */
    public List<Problem> warnings() {
        return entries.stream().filter(p -> p.severity() != Problem.Severity.ERROR).toList();
    }
}

package org.treatygraph.core;

/**
 * One entry of a build's report: how grave, where (file:line:column), about what node (the focus, where
 * there is one) and what. Printed as the compilers print: {@code file:line:column: error: message}.
 */
public record Problem(Severity severity, Location location, String focus, String message) {
    public enum Severity {
        ERROR("error"), WARNING("warning"), ALLOWED("warning (allowed)");

        private final String word;

        Severity(String word) {
            this.word = word;
        }
    }

    /** An error in the input. */
    public Problem(Location location, String message) {
        this(Severity.ERROR, location, null, message);
    }

    @Override
    public String toString() {
        return (location == null ? "" : location + ": ") + severity.word + ": " + message;
    }
}

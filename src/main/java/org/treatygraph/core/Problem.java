package org.treatygraph.core;

/** One thing wrong with the input: where, and what. */
public record Problem(Location location, String message) {
    @Override
    public String toString() {
        return (location == null ? "" : location + ": ") + "error: " + message;
    }
}

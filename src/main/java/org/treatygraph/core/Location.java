package org.treatygraph.core;

/** A place in an input file, for error messages: file:line:column (1-based). */
public record Location(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}

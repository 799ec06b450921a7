package org.treatygraph.convert;

import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.jena.graph.Triple;

/** An asserted triple, the passages that state it, and where the record first wrote it. */
public final class Fact {
    private final Triple triple;
    private final SortedSet<Cite> cites = new TreeSet<>();
    private final Location location;

    Fact(Triple triple, Location location) {
        this.triple = triple;
        this.location = location;
    }

    public Triple triple() { return triple; }
    public SortedSet<Cite> cites() { return cites; }
    public Location location() { return location; }
}

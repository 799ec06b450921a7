package org.treatygraph.convert;

import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.jena.graph.Triple;

/** An asserted triple, the passages that state it, and where the record first wrote it. */
public final class Fact {
    private final Triple triple;
    private final SortedSet<Cite> cites = new TreeSet<>();
    private final Location location;
    private final java.util.List<String> notes = new java.util.ArrayList<>();

    Fact(Triple triple, Location location) {
        this.triple = triple;
        this.location = location;
    }

    public Triple triple() { return triple; }
    public SortedSet<Cite> cites() { return cites; }
    public Location location() { return location; }
    /** Editors' notes on this one fact (how a passage was read), kept on its statement node. */
    public java.util.List<String> notes() { return notes; }
}

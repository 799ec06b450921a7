package org.treatygraph.convert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.jena.graph.Triple;
import org.treatygraph.core.Location;

/**
 * An asserted triple and what it rests on. While records are read it collects the evidence each place
 * offers for it; {@link Support} then decides its basis and keeps only the passages that support it.
 */
public final class Fact {
    /** Evidence offered by one place in the records, with that place. */
    record Offer(Evidence evidence, Location location, String key) {}

    private final Triple triple;
    private final Location location;
    private final List<Offer> offers = new ArrayList<>();
    private final SortedSet<Cite> cites = new TreeSet<>();
    private final SortedSet<Cite> restsOn = new TreeSet<>();
    private final Set<String> readings = new LinkedHashSet<>();
    private final Set<String> editorialReasons = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<org.apache.jena.graph.Node> accordingTo = new LinkedHashSet<>();
    private Basis basis;

    Fact(Triple triple, Location location) {
        this.triple = triple;
        this.location = location;
    }

    public Triple triple() { return triple; }
    public Location location() { return location; }
    List<Offer> offers() { return offers; }

    /** The passages that state the fact (basis stated) or that the editors read as support (basis reading). */
    public SortedSet<Cite> cites() { return cites; }
    /** Passages an editorial fact rests on; not citations. */
    public SortedSet<Cite> restsOn() { return restsOn; }
    public Set<String> readings() { return readings; }
    public Set<String> editorialReasons() { return editorialReasons; }
    /** Editors' remarks on this one fact, kept on its statement node. */
    public List<String> notes() { return notes; }
    /** Whose claims the citing passages report it as (a memoirist, a historian); empty for the source's own statements. */
    public Set<org.apache.jena.graph.Node> accordingTo() { return accordingTo; }
    /** What the fact rests on; null until {@link Support} has run. */
    public Basis basis() { return basis; }

    void basis(Basis b) { basis = b; }

    /** Whether every passage the fact cites is a literature title (weaker than the running text). */
    public boolean onlyLiteratureTitles() {
        return !cites.isEmpty() && cites.stream().allMatch(c -> c.place() == PassagePlace.LITERATURE_TITLE);
    }
}

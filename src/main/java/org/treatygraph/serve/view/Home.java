package org.treatygraph.serve.view;

import java.util.List;

/**
 * The home page: how much of each kind the graph holds (linked to its list), how many facts, a few
 * entities to start from, and the build the dumps and pages come from.
 */
public record Home(List<Count> kinds, List<Count> facts, List<Link> entryPoints, String build, String builtAt) {
    /** A number and what it counts, linked where there is a list of them. */
    public record Count(String label, long count, String href) {}
}

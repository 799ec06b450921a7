package org.treatygraph.publish;

import java.util.List;

/**
 * A release's changes in words, as changes.jte and CHANGES.md show them: the release, the one before it (null
 * for the first), the triples added and removed in each named graph, and per entity what changed.
 */
public record Changelog(String version, String label, String issued, String previous, List<GraphCount> graphs, List<Entity> entities,
                        List<String> ontology, int added, int removed) {
    /** Triples added and removed in one named graph. */
    public record GraphCount(String graph, int added, int removed) {}

    /** An entity (by its label, id and path on the site) and its changes in words ("+1 signatory", "date value precision changed"). */
    public record Entity(String label, String id, String href, List<String> changes) {}
}

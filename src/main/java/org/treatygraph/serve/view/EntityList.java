package org.treatygraph.serve.view;

import java.util.List;

/** What the list of one kind of entity shows (/id/agreement/): the kind in words, and a row an entity. */
public record EntityList(String kind, String kindLabel, List<Row> rows, List<Kind> kinds) {
    /** An entity: the link to its page, its label, and a date in the sources' words where it has one. */
    public record Row(String href, String label, String date) {}

    /** Another kind, for the links between the lists. */
    public record Kind(String kind, String label) {}
}

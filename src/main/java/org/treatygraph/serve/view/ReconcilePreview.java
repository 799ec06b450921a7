package org.treatygraph.serve.view;

import java.util.List;

/**
 * What a reconciliation preview (and a suggest flyout) shows of an entity, a type or a property: its name, what
 * kind of thing it is, its date in words (or null), a few facts as label and values, and the page to read more
 * (or null).
 */
public record ReconcilePreview(String name, String kind, String date, List<Row> rows, String href) {
    /** One line: what, and its values in words. */
    public record Row(String label, String values) {}
}

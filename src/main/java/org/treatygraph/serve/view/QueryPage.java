package org.treatygraph.serve.view;

import java.util.List;

/**
 * What the query page (/query) shows: the examples, the editor's settings (the endpoint, the project's
 * prefixes as JSON, where the graph's IRIs are served, the page's own path for permalinks), and the query in
 * the editor: the one a permalink opened, which the page runs at once ({@code run}), or the first example.
 * {@code name} names the editor's tab (empty: the editor's own).
 */
public record QueryPage(List<ExampleGroup> groups, String endpoint, String page, String prefixesJson, String base, String localBase,
        String query, boolean run, String name) {}

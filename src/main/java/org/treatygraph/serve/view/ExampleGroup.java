package org.treatygraph.serve.view;

import java.util.List;

/**
 * What the query page's template shows of a group of example queries. The page templates (src/main/jte)
 * compile to classes of their own package, so what they are given is public: this package holds those
 * values and nothing else.
 */
public record ExampleGroup(String label, List<Example> examples) {
    /** One example: its name (the file's, without .rq: its permalink is /query?example=NAME), its title (the query's first comment line) and its text. */
    public record Example(String name, String title, String text) {}
}

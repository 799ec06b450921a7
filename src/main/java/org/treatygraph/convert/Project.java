package org.treatygraph.convert;

import java.nio.file.Path;

/** Where a treaty-graph project keeps its inputs: the ontology, the shapes, the sources and the records. */
public record Project(Path root) {
    public Path ontologyFile() { return root.resolve("ontology/treaty-graph.ttl"); }
    public Path shapesFile() { return root.resolve("ontology/shapes.ttl"); }
    public Path rulesFile() { return root.resolve("ontology/owl2rl.rules"); }
    public Path sourcesRegistry() { return root.resolve("data/sources.yaml"); }
    public Path sourcesDir() { return root.resolve("data/sources"); }
    public Path recordsDir() { return root.resolve("data/records"); }
    /** Spellings the support check treats as the same words (transliterations, OCR misreadings, adjectives). */
    public Path nameVariantsFile() { return root.resolve("data/name-variants.yaml"); }
    /** The window of plausible dates: a date in the records outside it is an error (see docs/data-format.md). */
    public Path dateWindowFile() { return root.resolve("data/date-window.yaml"); }
    public Path wikidataLinksFile() { return root.resolve("data/wikidata/links.yaml"); }
    /** The territories' coordinates with their checks (docs/places.md). */
    public Path placesFile() { return root.resolve("data/places.yaml"); }
    /** Where `link` caches Wikidata's answers; the QuickStatements export reads it to leave out what items already say. */
    public Path wikidataCacheDir() { return root.resolve("data/wikidata/cache"); }

    /** How messages name a file: relative to the project root. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path r = root.toAbsolutePath().normalize();
        return abs.startsWith(r) ? r.relativize(abs).toString() : file.toString();
    }
}

package org.treatygraph.publish;

import org.treatygraph.ontology.IriScheme;

/** A dump file the build writes: its name, media type, and a one-line description. */
public enum Dump {
    TURTLE("treaty-graph.ttl", "text/turtle", "the asserted facts and their provenance, Turtle"),
    NTRIPLES_GZ("treaty-graph.nt.gz", "application/n-triples", "the same triples, N-Triples, sorted, gzip-compressed"),
    JSONLD("treaty-graph.jsonld", "application/ld+json", "the same triples, JSON-LD with the published context"),
    TRIG("treaty-graph.trig", "application/trig", "every named graph (asserted, inferred, provenance, ontology), TriG"),
    INFERRED_NT_GZ("treaty-graph-inferred.nt.gz", "application/n-triples",
            "what the ontology entails beyond the asserted facts (graph " + IriScheme.GRAPH + "inferred), N-Triples, sorted, gzip-compressed"),
    WIKIDATA_LINKS("wikidata-links.nt", "application/n-triples",
            "the checked Wikidata links alone (skos:exactMatch and tg:wikidataId), N-Triples, sorted; how each was checked is in the provenance graph"),
    WIKIDATA_SAMEAS("wikidata-links-sameas.nt", "application/n-triples",
            "the same links as owl:sameAs, for clients that want them; never part of the served graph or its reasoning"),
    QUICKSTATEMENTS("quickstatements.txt", "text/plain",
            "QuickStatements (v1) proposing what our sources state about linked entities and the items lack, each with its source passage as reference; for a person to review"),
    TERRITORIES_GEOJSON("territories.geojson", "application/geo+json",
            "the territories as GeoJSON (RFC 7946): a Feature each, with its point [longitude, latitude] or null geometry, names, kind, Wikidata item, how the coordinates were checked or why there are none, and its dated history with source references",
            "https://www.rfc-editor.org/rfc/rfc7946"),
    TERRITORIES_LPF("territories.lpf.json", "application/json",
            "the territories in Linked Places Format (GeoJSON-LD for gazetteers): names with citations, types, geometry with its check, when, relations to polities with their when",
            "https://github.com/LinkedPasts/linked-places-format"),
    INSTRUMENTS_CSV("instruments.csv", "text/csv",
            "the instruments, one row each: kind, dates in ISO 8601 and in words, place, parties, issuers, addressees, source references and quotes (columns in docs/exports.md)",
            "https://www.rfc-editor.org/rfc/rfc4180"),
    PARTICIPATIONS_CSV("participations.csv", "text/csv",
            "the participations, one row each: who took part in which instrument or negotiation, as what, for whom, when, source references and quotes (columns in docs/exports.md)",
            "https://www.rfc-editor.org/rfc/rfc4180"),
    TERRITORIAL_CHANGES_CSV("territorial-changes.csv", "text/csv",
            "the territorial changes, one row each: kind, territory, losing and gaining polity, instrument and provision, date, source references and quotes (columns in docs/exports.md)",
            "https://www.rfc-editor.org/rfc/rfc4180"),
    ONTOLOGY("ontology.ttl", "text/turtle",
            "a release only: the ontology as released, with the release's owl:versionIRI (served at that IRI) and owl:versionInfo, Turtle"),
    CHANGES_PATCH("changes.rdfp", "application/rdf-patch",
            "a release only: what changed since the previous release as an RDF Patch (quads added and deleted, every named graph), which a store holding the previous release applies",
            "https://afs.github.io/rdf-patch/"),
    CHANGES_MD("CHANGES.md", "text/markdown", "a release only: what changed since the previous release, per entity in words, Markdown"),
    CHANGES_HTML("changes.html", "text/html", "a release only: what changed since the previous release, per entity in words, as a page"),
    CONTEXT("context.jsonld", "application/ld+json", "the JSON-LD context of the treaty graph"),
    VOID("void.ttl", "text/turtle", "VoID and DCAT description of the dataset");

    public static final String SUMS = "SHA256SUMS";

    private final String fileName;
    private final String mediaType;
    private final String description;
    private final String conformsTo;

    Dump(String fileName, String mediaType, String description) {
        this(fileName, mediaType, description, null);
    }

    Dump(String fileName, String mediaType, String description, String conformsTo) {
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.description = description;
        this.conformsTo = conformsTo;
    }

    public String fileName() { return fileName; }
    public String mediaType() { return mediaType; }
    public String description() { return description; }
    /** The specification the file follows, for the files that are not RDF (dcterms:conformsTo), or null. */
    public String conformsTo() { return conformsTo; }
    /** Whether the file is RDF (the QuickStatements batch, the GeoJSON, Linked Places and CSV exports are not). */
    public boolean isRdf() {
        return switch (this) {
            case QUICKSTATEMENTS, TERRITORIES_GEOJSON, TERRITORIES_LPF, INSTRUMENTS_CSV, PARTICIPATIONS_CSV, TERRITORIAL_CHANGES_CSV,
                 CHANGES_PATCH, CHANGES_MD, CHANGES_HTML -> false;
            default -> true;
        };
    }
    /** Whether only a release has the file (its ontology as released, its changes since the previous release). */
    public boolean releaseOnly() {
        return this == ONTOLOGY || this == CHANGES_PATCH || this == CHANGES_MD || this == CHANGES_HTML;
    }
}

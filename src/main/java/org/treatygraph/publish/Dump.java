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
    CONTEXT("context.jsonld", "application/ld+json", "the JSON-LD context of the treaty graph"),
    VOID("void.ttl", "text/turtle", "VoID and DCAT description of the dataset");

    public static final String SUMS = "SHA256SUMS";

    private final String fileName;
    private final String mediaType;
    private final String description;

    Dump(String fileName, String mediaType, String description) {
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.description = description;
    }

    public String fileName() { return fileName; }
    public String mediaType() { return mediaType; }
    public String description() { return description; }
    /** Whether the file is RDF (the QuickStatements batch is not). */
    public boolean isRdf() { return this != QUICKSTATEMENTS; }
}

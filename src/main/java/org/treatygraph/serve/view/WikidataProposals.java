package org.treatygraph.serve.view;

import java.util.List;

/**
 * What /wikidata/proposals shows: each proposed statement in words with its evidence and its QuickStatements
 * lines, the facts not proposed with their reasons, and the properties used with where each was checked.
 */
public record WikidataProposals(List<Proposal> proposals, List<Skipped> skipped, List<Property> properties, int lines) {
    /** A statement: the entity (its page), in words, the passages as references, the lines of the batch. */
    public record Proposal(String href, String label, String qid, String words, List<Reference> references, List<String> lines) {}

    /** A cited passage: its page on this site, the source's code, its words. */
    public record Reference(String href, String source, String quote) {}

    /** A fact not proposed. */
    public record Skipped(String href, String label, String fact, String reason) {}

    /** A property the proposals may use: role, id, label, and the stored pages it was checked against. */
    public record Property(String role, String id, String label, String usedFor, List<String> pages, String checked) {}
}

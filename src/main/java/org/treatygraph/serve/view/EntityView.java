package org.treatygraph.serve.view;

import java.util.List;

/**
 * What an entity's page shows, as a historian reads it: a header (label, kind in words, key dates in words,
 * names, Wikidata), the facts in sections, the links to it in words, the numbered source references every
 * fact points to, and every statement, raw, for those who want them.
 */
public record EntityView(String label, String kind, String iri, String href, List<Fact> dates, List<String> names,
        List<Wikidata> wikidata, List<Section> sections, List<Fact> incoming, List<Reference> references,
        List<StatementGroup> statements) {

    /** A checked Wikidata link: the item, how and when it was checked, and the stored page it was checked against. */
    /** A Wikidata link; close for a looser one (skos:closeMatch), with the QID of the Wikidata item that uses it. */
    public record Wikidata(String qid, String href, String how, String on, String checkedAgainst, boolean close, String usedBy) {}

    /** A group of facts under a heading ("Parties and mediators"); {@code id} is its anchor. */
    public record Section(String id, String title, List<Fact> facts) {}

    /**
     * One property in words ("party", "signing date") and its values; {@code contested} when the sources give
     * different values where one is expected (a date): they are shown side by side, each with its source.
     */
    public record Fact(String label, List<Item> items, boolean contested) {
        public Fact(String label, List<Item> items) {
            this(label, items, false);
        }
    }

    /**
     * One value with what supports it: the numbers of its references, whether it was inferred (and where
     * to see why), the editors' reason where it is their reading, and what it is made of (a participation's
     * agent, role and principal; an article's text).
     */
    public record Item(Value value, List<Integer> refs, String explainHref, String editorial, String reading,
            List<Detail> details) {}

    /** A value in words: a link where it is an entity, with a note (the source's own words for a date, a datatype). */
    public record Value(String text, String href, String note) {}

    /** A part of a value ("role: leader of the Turkish delegation"), with its own references. */
    public record Detail(String label, Value value, List<Integer> refs) {}

    /** A source passage, numbered once on the page however many facts cite it. */
    public record Reference(int number, String source, String exact, String href, String place) {}

    /** The raw statements about one node of the entity (collapsed on the page). */
    public record StatementGroup(String heading, List<Statement> rows) {}

    /** One triple: predicate and object as short names or labels, and the explanation link where inferred. */
    public record Statement(Value predicate, Value object, String explainHref) {}
}

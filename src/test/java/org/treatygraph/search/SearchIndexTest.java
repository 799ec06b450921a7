package org.treatygraph.search;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.treatygraph.TestProjects;
import org.treatygraph.convert.NameVariants;
import org.treatygraph.ontology.IriScheme;

import static org.junit.jupiter.api.Assertions.*;

/** The search index over the repository's own graph, and over a few entities made up to pin the ranking down. */
class SearchIndexTest {
    static SearchIndex index;

    @BeforeAll
    static void load() throws Exception {
        index = SearchIndex.load(TestProjects.repoGraph().queryDataset(), NameVariants.groups(TestProjects.repo()));
    }

    static List<String> ids(List<SearchIndex.Hit> hits) {
        return hits.stream().map(h -> IriScheme.show(h.entity().iri())).toList();
    }

    @Test
    void holdsEveryEntityButNotTheirNodes() {
        assertTrue(index.size() > 400, "entities: " + index.size());
        // A renunciation that belongs to the Treaty of Kars is found through the treaty, not on its own.
        assertFalse(ids(index.search("renunciation of claim to Batumi", 50)).contains("agreement/treaty-of-kars-1921/renunciation-of-claim-to-batumi"));
    }

    @Test
    void karsFindsTheTreatyOfKarsNearTheTop() {
        List<SearchIndex.Hit> hits = index.search("Kars", 10);
        assertEquals("territory/kars", ids(hits).get(0), "the exact label first: " + ids(hits));
        assertTrue(ids(hits).subList(0, 5).contains("agreement/treaty-of-kars-1921"), ids(hits).toString());
        SearchIndex.Hit kars = hits.get(ids(hits).indexOf("agreement/treaty-of-kars-1921"));
        assertEquals("Treaty of Kars", kars.entity().label());
        assertEquals("agreement", kars.entity().kind());
        assertEquals("treaty of friendship", kars.entity().kindLabel());
        // The records date it twice as 13 October 1921 and once as "six months later": the precise date shows.
        assertEquals("13 October 1921", kars.entity().date());
        assertNull(kars.matchedName(), "the label matched");
        for (int i = 1; i < hits.size(); i++) assertTrue(hits.get(i - 1).score() >= hits.get(i).score(), "best first");
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        for (String q : List.of("Kâzım", "kazim", "KAZIM KARABEKIR", "Kazım Karabekir", "kâzim karab"))
            assertEquals("person/kazim-karabekir", ids(index.search(q, 5)).get(0), q + ": " + ids(index.search(q, 5)));
    }

    @Test
    void karabekirFindsThePersonFirstThenWhatNamesHim() {
        List<SearchIndex.Hit> hits = index.search("Karabekir", 10);
        assertEquals("person/kazim-karabekir", ids(hits).get(0), ids(hits).toString());
        assertEquals("Kazım Karabekir", hits.get(0).entity().label());
        assertEquals("person", hits.get(0).entity().kind());
        assertTrue(ids(hits).contains("agreement/orzhonikidze-ultimatum-to-karabekir-1921"), ids(hits).toString());
    }

    @Test
    void aNameGivenInFullComesBeforeLabelsThatBeginWithIt() {
        // Vladimir Lenin's alternative name is "Lenin"; "Lenin's telegram to the emir of Afghanistan" begins with it.
        List<SearchIndex.Hit> hits = index.search("Lenin", 5);
        assertEquals("person/lenin", ids(hits).get(0), ids(hits).toString());
        assertEquals("Vladimir Lenin", hits.get(0).entity().label());
        assertEquals("Lenin", hits.get(0).matchedName(), "the name given in full is shown");
        assertTrue(ids(hits).contains("agreement/lenin-telegram-to-the-emir-of-afghanistan"), ids(hits).toString());
    }

    @Test
    void anUnfinishedWordFindsTheWholeOne() {
        List<SearchIndex.Hit> hits = index.search("Batum", 10);
        assertEquals("territory/batumi", ids(hits).get(0), ids(hits).toString());
        assertTrue(ids(hits).contains("agreement/treaty-of-batumi-1918"), ids(hits).toString());
        assertEquals("Batum", hits.get(0).matchedName(), "Batumi is also called Batum");
        assertNull(hits.get(1).matchedName(), "Batumi region: its label has the word");
        assertEquals(List.of("territory/batumi"), ids(index.search("batu", 1)));
    }

    @Test
    void theRecordedSpellingVariantsFindEachOther() {
        // data/name-variants.yaml: Karakhan and Karahan are one person's name in two transliterations.
        String karakhan = ids(index.search("Karakhan", 1)).get(0);
        assertTrue(karakhan.startsWith("person/"), karakhan);
        assertEquals(karakhan, ids(index.search("Karahan", 1)).get(0));
        assertEquals(karakhan, ids(index.search("karaha", 1)).get(0), "a variant's prefix too");
    }

    @Test
    void nothingForNoWords() {
        assertEquals(List.of(), index.search("", 10));
        assertEquals(List.of(), index.search("  ’ - ", 10));
        assertEquals(List.of(), index.search("xyzzy", 10));
        assertEquals(3, index.search("treaty", 3).size(), "at most the limit");
    }

    /** Made-up entities, so that each tier of the ranking is tested against the next. */
    @Test
    void rankingExactNamesThenPrefixesThenWordsThenKindThenLabel() {
        SearchIndex small = SearchIndex.of(List.of(
                entity("territory/a", "territory", "Ardahan district", List.of()),
                entity("agreement/b", "agreement", "Ardahan", List.of()),
                entity("territory/c", "territory", "Ardahan", List.of()),
                entity("agreement/d", "agreement", "Treaty on Ardahan", List.of()),
                entity("person/e", "person", "Somebody", List.of("Ardahan")),
                entity("person/f", "person", "Somebody else", List.of("Ardahan pasha")),
                entity("polity/g", "polity", "Ottoman Empire", List.of("the Porte, at Ardahan")),
                entity("polity/h", "polity", "Another treaty on Ardahan", List.of()),
                entity("polity/i", "polity", "Unrelated", List.of())), List.of(List.of("ardahan", "artaan")));
        // The label exactly (an agreement before a territory), an alternative name exactly, a label that begins
        // with the query, labels with its words (by label), an alternative name that begins with it, one with its words.
        assertEquals(List.of("agreement/b", "territory/c", "person/e", "territory/a", "agreement/d", "polity/h", "person/f", "polity/g"),
                ids(small.search("ardahan", 20)));
        List<SearchIndex.Hit> hits = small.search("Ardahan", 20);
        assertEquals("Ardahan", hits.get(2).matchedName(), "the alternative name that matched is shown");
        assertEquals("Ardahan pasha", hits.get(6).matchedName());
        assertEquals("the Porte, at Ardahan", hits.get(7).matchedName());
        assertNull(hits.get(0).matchedName());
        // A variant spelling finds them too.
        assertEquals(8, small.search("artaan", 20).size());
    }

    private static SearchIndex.Entity entity(String id, String kind, String label, List<String> alts) {
        return new SearchIndex.Entity(IriScheme.ID + id, kind, label, alts, kind, null);
    }
}

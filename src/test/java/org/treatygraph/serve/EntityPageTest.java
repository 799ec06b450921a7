package org.treatygraph.serve;

import org.treatygraph.core.DatesInWords;
import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Entity pages read as documents (issue 14): the header with the kind and dates in words, facts in their
 * sections each with numbered references that resolve to a source passage, contested values side by side,
 * editorial and inferred values marked, links to the entity in words. Expected values come from the SPARQL
 * endpoint of the same server, or from what the sources state.
 */
class EntityPageTest {
    static Document page(String path) throws Exception {
        return SiteServer.page(path);
    }

    static Set<String> labels(String select) throws Exception {
        return SiteServer.select(select);
    }

    static Element fact(Element scope, String label) {
        for (Element dt : scope.select("dt")) if (dt.text().equals(label)) return dt.nextElementSibling();
        fail("no fact '" + label + "' in " + scope.select("dt").eachText());
        return null;
    }

    @Test
    void theTreatyOfKarsReadsAsADocument() throws Exception {
        Document d = page("/id/agreement/treaty-of-kars-1921");
        Element header = d.selectFirst("header.entity-head");
        assertEquals("Treaty of Kars", header.selectFirst("h1").text());
        assertEquals("treaty of friendship", header.selectFirst(".kind").text(), "the most specific kind, in words");
        Element signed = fact(header, "Signing date");
        assertTrue(signed.text().contains("13 October 1921"), signed.text());
        // 002 dates it only "six months later": the editors' September 1921, beside 000's and 001's day, each with its source.
        assertTrue(signed.text().contains("the sources differ"), signed.text());
        List<String> values = signed.select("ul.values > li").eachText();
        assertEquals(2, values.size(), values.toString());
        assertTrue(values.get(1).contains("September 1921 (month)") && values.get(1).contains("six months later")
                && values.get(1).contains("editors' reading"), values.get(1));
        for (Element li : signed.select("ul.values > li")) assertFalse(li.select("sup.ref a").isEmpty(), "each date has its source: " + li.text());

        // Each party, as the endpoint lists them, in "Parties and mediators" with a reference that resolves.
        Set<String> parties = labels("SELECT ?l { <https://w3id.org/treaty-graph/id/agreement/treaty-of-kars-1921>"
                + " <https://w3id.org/treaty-graph/ontology#hasParty>/<http://www.w3.org/2000/01/rdf-schema#label> ?l }");
        assertEquals(4, parties.size(), parties.toString());
        Element section = d.getElementById("parties");
        assertEquals("Parties and mediators", section.selectFirst("h2").text());
        Set<String> shown = new TreeSet<>();
        for (Element li : fact(section, "Has party").select("ul.values > li")) {
            shown.add(li.selectFirst("a").text());
            Element ref = li.selectFirst("sup.ref a");
            assertNotNull(ref, "party " + li.text() + " has a source reference");
            Element source = d.getElementById(ref.attr("href").substring(1));
            assertNotNull(source, ref.attr("href") + " is in the list of sources");
            assertTrue(source.selectFirst("cite").text().length() > 10, "a reference names its source: " + source.text());
            assertTrue(source.selectFirst("a[href^=/sources/]").attr("href").contains("start="), "and links to the passage");
        }
        assertEquals(parties, shown);
        // A passage is one reference however many facts cite it.
        List<String> passages = d.select("ol.references a[href^=/sources/]").eachAttr("href");
        assertEquals(passages.size(), new TreeSet<>(passages).size(), "no passage is listed twice");
        // Technical types stay in the collapsed statements, not among the facts.
        assertFalse(d.select("article > section").text().contains("prov:Entity"));
        assertTrue(d.selectFirst("details.all-statements").text().contains("prov:Entity"));
    }

    @Test
    void inferredAndEditorialValuesAreMarked() throws Exception {
        Document d = page("/id/agreement/treaty-of-kars-1921");
        Element status = fact(d.getElementById("lifecycle"), "Status");
        Element why = status.selectFirst("a.inferred");
        assertNotNull(why, "the status is inferred from the signing: " + status.text());
        HttpResponse<String> explain = SiteServer.get(why.attr("href"), "Accept", "text/html");
        assertEquals(200, explain.statusCode(), "the inferred mark links to its explanation");
        Element relations = d.getElementById("relations");
        assertTrue(fact(relations, "Based on").selectFirst("details.reading").text().contains("additional agreement"),
                "a reading of the source is shown with the fact it supports");
    }

    @Test
    void aDateInAnotherCalendarShowsTheSourcesReckoning() throws Exception {
        Element signed = fact(page("/id/agreement/soviet-mongolian-treaty-1921").selectFirst("header.entity-head"), "Signing date");
        assertTrue(signed.text().contains("5 November 1921"), signed.text());
        assertTrue(signed.text().contains("Bogdo Khan"), "the calendar and the source's own words: " + signed.text());
    }

    @Test
    void aPolityListsItsInstrumentsInDateOrderInWords() throws Exception {
        Document d = page("/id/polity/persia");
        Element linked = d.getElementById("linked");
        Element party = fact(linked, "Instruments it is a party to");
        Set<String> expected = labels("SELECT ?l { ?a <https://w3id.org/treaty-graph/ontology#hasParty> <https://w3id.org/treaty-graph/id/polity/persia> ;"
                + " <http://www.w3.org/2000/01/rdf-schema#label> ?l }");
        Set<String> shown = new TreeSet<>(party.select("ul.values > li > a").eachText());
        assertEquals(expected, shown);
        assertFalse(linked.html().contains("https://w3id.org/"), "links to the polity are in words, never a bare IRI");
        List<String> dates = new ArrayList<>();
        for (Element li : linked.select("dd > ul.values > li")) {
            Element note = li.selectFirst("span.note");
            if (note != null && note.text().matches(".*\\d{4}.*")) dates.add(note.text());
        }
        assertFalse(dates.isEmpty(), "the instruments carry their dates");
    }

    @Test
    void aPersonPageSaysWhatTheyDidAndForWhom() throws Exception {
        Element section = page("/id/person/yusuf-kemal-bey").getElementById("positions");
        String participation = fact(section, "Participation").text();
        assertTrue(participation.contains("leader of the Turkish delegation"), participation);
        assertTrue(participation.contains("on behalf of: Grand National Assembly of Turkey"), participation);
        assertTrue(participation.contains("part of: Resumed Soviet-Turkish negotiations in Moscow (1921)"), participation);
    }

    @Test
    void datesInWordsKeepTheirPrecision() {
        assertEquals("13 October 1921", DatesInWords.words("1921-10-13", null, null));
        assertEquals("February 1921 (month)", DatesInWords.words("1921-02", null, null));
        assertEquals("1918 (year)", DatesInWords.words("1918", null, null));
        assertEquals("between September and December 1918", DatesInWords.words(null, "1918-09-01", "1918-12-31"));
        assertEquals("between 3 March 1918 and 1 April 1919", DatesInWords.words(null, "1918-03-03", "1919-04-01"));
        assertEquals("not before 3 March 1918", DatesInWords.words(null, "1918-03-03", null));
        assertTrue(DatesInWords.sameWords("On 13 October, 1921", "13 October 1921"));
        assertFalse(DatesInWords.sameWords("six months later", "September 1921 (month)"));
    }
}

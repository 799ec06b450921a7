package org.treatygraph.serve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.TG;

import static org.junit.jupiter.api.Assertions.*;

class OntologyDocumentationTest {
    private static final String ONTOLOGY_FILE = "ontology/treaty-graph.ttl";
    private static final String LOCAL = "http://localhost:3030/";
    private static final Function<String, String> LINK = iri -> LOCAL + iri.substring(IriScheme.ID.length());

    private static final Node TREATY = NodeFactory.createURI(IriScheme.ID + "agreement/treaty-of-test-1921");
    private static final Node PARTY = NodeFactory.createURI(IriScheme.ID + "polity/testland");

    private final Graph ontology = RDFDataMgr.loadGraph(ONTOLOGY_FILE);

    /** A tg:Treaty with a label (with markup in it) and a tg:hasParty triple to a labelled polity. */
    private static Graph data() {
        Graph g = GraphFactory.createDefaultGraph();
        g.add(Triple.create(TREATY, RDF.type.asNode(), TG.Treaty));
        g.add(Triple.create(TREATY, RDFS.label.asNode(), NodeFactory.createLiteralLang("Treaty of <script>alert('x')</script> & Test", "en")));
        g.add(Triple.create(TREATY, TG.hasParty, PARTY));
        g.add(Triple.create(PARTY, RDF.type.asNode(), TG.State));
        g.add(Triple.create(PARTY, RDFS.label.asNode(), NodeFactory.createLiteralLang("Testland", "en")));
        g.add(Triple.create(TREATY, TG.status, TG.Signed));
        return g;
    }

    private String render(Graph data) {
        return OntologyDocumentation.render(ontology, null, data, LINK);
    }

    /** The HTML of the term section with the given anchor (term sections do not nest). */
    private static String section(String page, String id) {
        int start = page.indexOf("<section class=\"term\" id=\"" + id + "\">");
        assertTrue(start >= 0, "no section for " + id);
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    /** The text of some HTML, without tags, with the few entities the renderer writes decoded. */
    private static String text(String html) {
        return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    private static List<String> attributeValues(String page, String attribute) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("\\s" + attribute + "=\"([^\"]*)\"").matcher(page);
        while (m.find()) values.add(m.group(1));
        return values;
    }

    private Set<Node> declared(Node... types) {
        Set<Node> terms = new HashSet<>();
        for (Node type : types) {
            ontology.find(Node.ANY, RDF.type.asNode(), type).forEach(t -> {
                if (t.getSubject().isURI()) terms.add(t.getSubject());
            });
        }
        return terms;
    }

    private String expectedAnchor(Node term) {
        String iri = term.getURI();
        return iri.startsWith(TG.NS) ? iri.substring(TG.NS.length()) : ontology.getPrefixMapping().shortForm(iri);
    }

    @Test
    void headerHasTitleIriVersionContentsAndTheFormats() {
        String page = render(GraphFactory.createDefaultGraph());
        assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"), page.substring(0, 120));
        assertTrue(page.contains("<title>The treaty-graph ontology</title>"));
        assertTrue(page.contains("<h1>The treaty-graph ontology</h1>"));
        String header = page.substring(page.indexOf("<header>"), page.indexOf("</header>"));
        String text = text(header);
        assertTrue(text.contains("IRIhttps://w3id.org/treaty-graph/ontology"), text);
        assertTrue(text.contains("Version IRIhttps://w3id.org/treaty-graph/ontology/0.1.0"), text);
        assertTrue(text.contains("Version0.1.0"), text);
        assertTrue(text.contains("Agreements, their provisions, parties and signatories"), text);
        assertTrue(text.contains("Licensehttps://creativecommons.org/licenses/by/4.0/"), text);
        // Content negotiation instead of links to files.
        assertTrue(text.contains("Turtle") && text.contains("RDF/XML") && text.contains("JSON-LD") && text.contains("Accept"), text);
        assertFalse(header.contains("ontology.ttl") || header.contains("ontology.rdf") || header.contains("ontology.jsonld"));
        // Table of contents: the five groups, each with a section to go to and the number of terms in it.
        int classes = declared(OWL2.Class.asNode()).size();
        for (String[] entry : new String[][] {{"section-classes", "Classes (" + classes + ")"}, {"section-object-properties", "Object properties"},
                {"section-datatype-properties", "Datatype properties"}, {"section-annotation-properties", "Annotation properties"},
                {"section-individuals", "Individuals"}}) {
            assertTrue(header.contains("<a href=\"#" + entry[0] + "\">"), entry[0]);
            assertTrue(text.contains(entry[1]), entry[1]);
            assertTrue(page.contains("<section id=\"" + entry[0] + "\""), entry[0]);
        }
    }

    @Test
    void treatySectionShowsLabelDefinitionSuperclassAndSubclasses() {
        String treaty = section(render(GraphFactory.createDefaultGraph()), "Treaty");
        String text = text(treaty);
        assertTrue(treaty.contains("<h3>Treaty "), treaty);
        assertTrue(text.contains("Labeltreaty"), text);
        assertTrue(text.contains("https://w3id.org/treaty-graph/ontology#Treaty"), text);
        assertTrue(text.contains("A formal written agreement between polities under international law."), text);
        assertTrue(treaty.contains("<dt>Superclasses</dt><dd><a href=\"#Agreement\" title=\"agreement\"><code>tg:Agreement</code></a></dd>"), treaty);
        assertTrue(treaty.contains("href=\"#PeaceTreaty\"") && treaty.contains("href=\"#FriendshipTreaty\""), treaty);
        assertFalse(text.contains("Example"), "no example without data");
    }

    @Test
    void borrowedSuperclassesAreShownAsPrefixedNamesAndDisjointnessBothWays() {
        String page = render(GraphFactory.createDefaultGraph());
        String actor = section(page, "CollectiveActor");
        assertTrue(actor.contains("<code>prov:Organization</code>"), actor);
        assertFalse(actor.contains("href=\"#prov:Organization\""));
        assertTrue(text(actor).contains("Superclassesprov:Organization, tg:Agent"), text(actor));
        assertTrue(actor.contains("<dt>Disjoint with</dt><dd><a href=\"#Person\""), actor);
        assertTrue(section(page, "Person").contains("<dt>Disjoint with</dt><dd><a href=\"#CollectiveActor\""));
        assertTrue(text(section(page, "Instrument")).contains("Identifier kindagreement"), text(section(page, "Instrument")));
        assertTrue(text(section(page, "Person")).contains("Wikidata classwd:Q5"));
    }

    @Test
    void propertiesShowChainsUnionRangesInversesCharacteristicsAndAnnotations() {
        String page = render(GraphFactory.createDefaultGraph());
        String signingParty = section(page, "signingParty");
        assertTrue(text(signingParty).contains("Property chaintg:hasSignatory ∘ tg:onBehalfOf"), text(signingParty));
        assertTrue(signingParty.contains("href=\"#hasSignatory\"") && signingParty.contains("href=\"#onBehalfOf\""));
        assertTrue(text(signingParty).contains("Super-propertiestg:hasParty"));

        assertTrue(text(section(page, "dateValue")).contains("Rangexsd:date or xsd:gYearMonth or xsd:gYear"), section(page, "dateValue"));
        assertTrue(text(section(page, "dateValue")).contains("Domaintg:DateSpecification"));
        // signingDate declares no range: the page shows tg:date's, and says where it comes from.
        assertTrue(text(section(page, "signingDate")).contains("Rangetg:DateSpecification (from tg:date)"), text(section(page, "signingDate")));
        assertTrue(text(section(page, "date")).contains("Sub-properties"), text(section(page, "date")));

        assertTrue(text(section(page, "agent")).contains("Inverse oftg:participation"));
        assertTrue(text(section(page, "participation")).contains("Inverse oftg:agent"));
        assertTrue(text(section(page, "partOf")).contains("Characteristicstransitive"));
        assertTrue(text(section(page, "partOfPolity")).contains("Characteristicstransitive"));
        assertTrue(text(section(page, "fromPolity")).contains("Disjoint withtg:toPolity"));
        assertTrue(text(section(page, "toPolity")).contains("Disjoint withtg:fromPolity"));
        assertTrue(text(section(page, "hasParty")).contains("Wikidata propertywd:P1891"), text(section(page, "hasParty")));
        assertTrue(text(section(page, "note")).contains("Record keynote"));
        // Borrowed terms the ontology declares are documented too, with their record keys.
        assertTrue(text(section(page, "rdfs:label")).contains("Record keylabel"), text(section(page, "rdfs:label")));
        assertTrue(page.contains("<section class=\"term\" id=\"skos:exactMatch\">"));
    }

    @Test
    void individualsAreListedUnderTheirClassAndDocumented() {
        String page = render(GraphFactory.createDefaultGraph());
        String status = section(page, "AgreementStatus");
        for (String s : List.of("Drafted", "Signed", "Ratified", "InForce", "Annulled")) assertTrue(status.contains("href=\"#" + s + "\""), s);
        String signed = section(page, "Signed");
        assertTrue(text(signed).contains("Typestg:AgreementStatus"), text(signed));
        assertTrue(text(signed).contains("Signed by its parties, or issued by its author"), text(signed));
        assertTrue(text(section(page, "JulianCalendar")).contains("Typestg:Calendar"));
    }

    @Test
    void everyClassPropertyAndIndividualHasOneAnchorAndEveryInternalLinkATarget() {
        String page = render(data());
        Set<Node> terms = declared(OWL2.Class.asNode(), OWL2.ObjectProperty.asNode(), OWL2.DatatypeProperty.asNode(), OWL2.AnnotationProperty.asNode());
        assertTrue(terms.size() > 100, "terms: " + terms.size());
        List<String> ids = attributeValues(page, "id");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "ids are unique");
        Set<String> idSet = new HashSet<>(ids);
        for (Node term : terms) assertTrue(idSet.contains(expectedAnchor(term)), "no anchor for " + term);
        // Plus the individuals (statuses, calendars, recognition kinds), one term section each.
        Set<Node> individuals = new HashSet<>();
        for (Node c : declared(OWL2.Class.asNode())) ontology.find(Node.ANY, RDF.type.asNode(), c).forEach(t -> individuals.add(t.getSubject()));
        assertTrue(individuals.size() >= 18, "individuals: " + individuals.size());
        int sections = page.split("<section class=\"term\"", -1).length - 1;
        assertEquals(terms.size() + individuals.size(), sections);
        for (String href : attributeValues(page, "href")) {
            if (href.startsWith("#")) assertTrue(idSet.contains(href.substring(1)), "broken link " + href);
        }
    }

    @Test
    void termsAreInAlphabeticalOrderWithinEachGroup() {
        String page = render(GraphFactory.createDefaultGraph());
        String classes = page.substring(page.indexOf("<section id=\"section-classes\""), page.indexOf("<section id=\"section-object-properties\""));
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<section class=\"term\" id=\"([^\"]*)\"").matcher(classes);
        while (m.find()) ids.add(m.group(1));
        List<String> expected = new ArrayList<>(ids);
        expected.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(expected, ids);
        assertEquals(List.of("Agent", "Agreement", "AgreementStatus", "Annulment"), ids.subList(0, 4));
        assertEquals(declared(OWL2.Class.asNode()).size(), ids.size());
    }

    @Test
    void examplesComeFromTheDataWithEntityLinksAndLabelsEscaped() {
        String page = render(data());
        String link = "<a href=\"" + LOCAL + "agreement/treaty-of-test-1921\">";
        String escapedLabel = "Treaty of &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Test";

        String hasParty = section(page, "hasParty");
        assertTrue(hasParty.contains("<dt>Example</dt>"), hasParty);
        assertTrue(hasParty.contains(link), hasParty);
        assertTrue(hasParty.contains(escapedLabel), hasParty);
        assertTrue(hasParty.contains("<a href=\"" + LOCAL + "polity/testland\">"), hasParty);
        assertTrue(text(hasParty).contains("(“Testland”)"), text(hasParty));
        assertTrue(text(hasParty).contains("Example" + TREATY.getURI() + " (“Treaty of <script>alert('x')</script> & Test”) tg:hasParty " + PARTY.getURI()), text(hasParty));

        String treaty = section(page, "Treaty");
        assertTrue(treaty.contains(link) && treaty.contains(escapedLabel), treaty);
        assertTrue(text(treaty).contains("rdf:type tg:Treaty"), text(treaty));
        // A class without instances of its own shows an instance of a subclass.
        assertTrue(section(page, "Instrument").contains(link));
        assertTrue(section(page, "Polity").contains("<a href=\"" + LOCAL + "polity/testland\">"));
        // A property used only through a sub-property (none here) shows no example; a used individual does.
        assertFalse(section(page, "hasSignatory").contains("<dt>Example</dt>"));
        assertTrue(section(page, "Signed").contains(link));

        assertFalse(page.contains("<script"), "markup from the data is escaped");
        assertFalse(page.contains("alert('x')"));
    }

    @Test
    void theSchemaClosureLeavesDirectTermsAndAddsTheAncestors() {
        Graph closure = GraphFactory.createDefaultGraph();
        Node sub = RDFS.subClassOf.asNode();
        Node treaty = TG.Treaty;
        for (Node sup : List.of(treaty, TG.Agreement, TG.Instrument, NodeFactory.createURI("http://www.w3.org/ns/prov#Entity"),
                NodeFactory.createURI("https://schema.org/CreativeWork"), OWL2.Thing.asNode())) {
            closure.add(Triple.create(treaty, sub, sup));
        }
        closure.add(Triple.create(TG.PeaceTreaty, sub, TG.Instrument));
        closure.add(Triple.create(TG.signingDate, RDFS.subPropertyOf.asNode(), TG.signingDate));
        String page = OntologyDocumentation.render(ontology, closure, GraphFactory.createDefaultGraph(), LINK);
        String section = section(page, "Treaty");
        String text = text(section);
        assertTrue(section.contains("<dt>Superclasses</dt><dd><a href=\"#Agreement\" title=\"agreement\"><code>tg:Agreement</code></a></dd>"), section);
        assertTrue(text.contains("All superclasses"), text);
        assertTrue(text.contains("prov:Entity") && text.contains("schema:CreativeWork") && text.contains("tg:Instrument"), text);
        assertFalse(text.contains("owl:Thing"), text);
        assertTrue(text.contains("Subclassestg:FriendshipTreaty, tg:PeaceTreaty"), text);
        assertTrue(text(section(page, "Instrument")).contains("Subclasses"), "closure edges are not direct");
        assertFalse(text(section(page, "Instrument")).contains("tg:PeaceTreaty"));
        assertFalse(text(section(page, "signingDate")).contains("Sub-propertiestg:signingDate"));
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        String first = render(data());
        assertEquals(first, render(data()));
        // A fresh load of the same file (other hash order, other blank node labels) gives the same page too.
        Graph again = RDFDataMgr.loadGraph(ONTOLOGY_FILE);
        assertEquals(first, OntologyDocumentation.render(again, null, data(), LINK));
        assertNotEquals(first, render(GraphFactory.createDefaultGraph()), "the data shows");
    }

    @Test
    void thePageLoadsNothingFromElsewhereAndLinksOnlyToItselfOrThroughEntityLink() {
        String page = render(data());
        for (String href : attributeValues(page, "href")) {
            assertTrue(href.startsWith("#") || href.startsWith(LOCAL) || href.equals("/assets/ontology.css"), "external link " + href);
        }
        assertEquals(List.of(), attributeValues(page, "src"));
        assertFalse(page.contains("<script"));
        assertFalse(page.contains("<img"));
        assertFalse(page.contains("<iframe"));
        assertFalse(page.contains("<style") || page.contains("style="), "no inline style: the server's content security policy allows none");
        // Its one stylesheet is the server's own, and loads nothing further.
        assertEquals(List.of("<link rel=\"stylesheet\" href=\"/assets/ontology.css\">"), Pattern.compile("<link[^>]*>").matcher(page).results().map(MatchResult::group).toList());
        String style = org.treatygraph.core.Resources.text(OntologyDocumentation.class, "assets/ontology.css");
        assertFalse(style.contains("url(") || style.contains("@import"), style);
        // IRIs of terms are printed as text only.
        assertTrue(page.contains("<code>https://w3id.org/treaty-graph/ontology#Treaty</code>"));
    }

    @Test
    void thePageIsWellFormed() {
        String page = render(data());
        Set<String> voids = new TreeSet<>(List.of("meta", "br", "link", "img", "hr", "input"));
        Deque<String> open = new ArrayDeque<>();
        Matcher m = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>").matcher(page);
        while (m.find()) {
            String name = m.group(2).toLowerCase();
            if (voids.contains(name)) continue;
            if (m.group(1).isEmpty()) open.push(name);
            else assertEquals(open.isEmpty() ? "(nothing)" : open.pop(), name, "closing tag at " + m.start());
        }
        assertTrue(open.isEmpty(), "unclosed " + open);
        // No stray markup characters outside tags: every '<' starts a tag, every '&' an entity.
        String withoutTags = page.replaceAll("<!DOCTYPE html>", "").replaceAll("</?[a-zA-Z][^<>]*>", "");
        assertFalse(withoutTags.contains("<") || withoutTags.contains(">"), "unescaped angle bracket");
        assertFalse(Pattern.compile("&(?!(amp|lt|gt|quot|#39);)").matcher(page).find(), "unescaped ampersand");
    }
}

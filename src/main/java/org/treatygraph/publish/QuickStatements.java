package org.treatygraph.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.TG;

/**
 * A QuickStatements (v1) batch proposing to Wikidata what our sources state about linked entities and
 * Wikidata may lack, for a person to review before running it. Driven by the ontology: a property with
 * tg:wikidataProperty whose subject is linked gives a statement when its value is a linked entity (an
 * item), a signatory's linked person (P1891), or a day-precise date (a time). Every statement carries
 * its references: S854, the URL of the source passage on our server, and S1683, the passage's words.
 * Statements the locally cached wbgetentities answers (data/wikidata/cache) show on the item already
 * are left out; items the cache does not hold are proposed in full.
 */
public final class QuickStatements {
    private static final Node WIKIDATA_ID = TG.wikidataId;
    private static final Node WIKIDATA_PROPERTY = TG.wikidataProperty;
    private static final Node DATE = TG.date;
    private static final Node SIGNING = TG.signing;
    private static final Node SIGNING_DATE = TG.signingDate;
    private static final Node HAS_SIGNATORY = TG.hasSignatory;
    private static final Node AGENT = TG.agent;
    private static final Node DATE_VALUE = TG.dateValue;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TreatyGraph graph;
    private final String siteBase;
    private final Map<String, Set<String>> known;

    /**
     * @param siteBase where our server publishes /sources/ (e.g. https://w3id.org/treaty-graph/)
     * @param cache the link command's response cache, or null
     */
    public QuickStatements(TreatyGraph graph, String siteBase, Path cache) throws IOException {
        this.graph = graph;
        this.siteBase = siteBase.endsWith("/") ? siteBase : siteBase + "/";
        this.known = cache == null ? Map.of() : knownClaims(cache);
    }

    /** The batch: one line per statement, sorted, tab-separated as QuickStatements v1 reads it. */
    public List<String> lines() {
        Graph asserted = graph.asserted(), ontology = graph.ontology(), provenance = graph.provenance();
        Map<Node, String> qids = new HashMap<>();
        asserted.find(Node.ANY, WIKIDATA_ID, Node.ANY).forEach(t -> qids.put(t.getSubject(), t.getObject().getLiteralLexicalForm()));
        Set<String> out = new TreeSet<>();
        for (Map.Entry<Node, String> e : qids.entrySet()) {
            for (Triple fact : asserted.find(e.getKey(), Node.ANY, Node.ANY).toList()) {
                // What is proposed (the instrument's signing date) and the fact whose passages are its references
                // (the signing event's date): the signing is an event with its own date and evidence.
                Triple t = fact, sourced = fact;
                if (fact.getPredicate().equals(SIGNING)) {
                    Node date = first(asserted, fact.getObject(), DATE);
                    if (date == null) continue;
                    t = Triple.create(fact.getSubject(), SIGNING_DATE, date);
                    sourced = Triple.create(fact.getObject(), DATE, date);
                }
                String property = wikidataProperty(ontology, t.getPredicate());
                if (property == null) continue;
                String value = null;
                if (t.getPredicate().equals(HAS_SIGNATORY)) {
                    Node person = first(asserted, t.getObject(), AGENT);
                    if (person != null && qids.containsKey(person)) value = qids.get(person);
                } else if (qids.containsKey(t.getObject())) {
                    value = qids.get(t.getObject());
                } else if (isDate(ontology, t.getPredicate())) {
                    Node day = first(asserted, t.getObject(), DATE_VALUE);
                    if (day != null && day.isLiteral() && day.getLiteralDatatypeURI().endsWith("#date"))
                        value = "+" + day.getLiteralLexicalForm() + "T00:00:00Z/11";
                }
                if (value == null || known.getOrDefault(e.getValue(), Set.of()).contains(property + "=" + value.replaceFirst("/11$", ""))) continue;
                List<String> references = references(provenance, sourced);
                if (references.isEmpty()) continue;   // nothing to cite, nothing to propose
                out.add(e.getValue() + "\t" + property + "\t" + value + "\t" + String.join("\t", references));
            }
        }
        return new ArrayList<>(out);
    }

    /** S854 (reference URL) and S1683 (quotation) of the first source passage the fact cites. */
    private List<String> references(Graph provenance, Triple fact) {
        for (Triple st : provenance.find(Node.ANY, RDF.object.asNode(), fact.getObject()).toList()) {
            Node s = st.getSubject();
            if (!provenance.contains(s, RDF.subject.asNode(), fact.getSubject()) || !provenance.contains(s, RDF.predicate.asNode(), fact.getPredicate())) continue;
            for (Triple c : provenance.find(s, TG.citation, Node.ANY).toList()) {
                Node citation = c.getObject();
                Node source = first(provenance, citation, OA.hasSource.asNode());
                Node file = source == null ? null : first(provenance, source, TG.sourceFile);
                Node position = NodeFactory.createURI(citation.getURI() + "/position");
                Node quote = NodeFactory.createURI(citation.getURI() + "/quote");
                Node start = first(provenance, position, OA.start.asNode()), end = first(provenance, position, OA.end.asNode());
                Node exact = first(provenance, quote, OA.exact.asNode());
                if (file == null || start == null || end == null || exact == null) continue;
                String url = siteBase + "sources/" + file.getLiteralLexicalForm() + "?start=" + start.getLiteralLexicalForm() + "&end=" + end.getLiteralLexicalForm();
                // QuickStatements has no escape for a double quote inside a string.
                String words = exact.getLiteralLexicalForm().replace('"', '\'').replaceAll("\\s+", " ").strip();
                return List.of("S854\t\"" + url + "\"", "S1683\ten:\"" + words + "\"");
            }
        }
        return List.of();
    }

    private String wikidataProperty(Graph ontology, Node p) {
        if (p.equals(RDF.type.asNode()) || p.equals(SKOS.exactMatch.asNode())) return null;
        // A sub-property inherits its nearest super-property's Wikidata property (signingDate → date → P585).
        List<Node> candidates = new ArrayList<>(List.of(p));
        candidates.addAll(graph.hierarchy().superProperties(p));
        for (Node q : candidates) {
            Node wd = first(ontology, q, WIKIDATA_PROPERTY);
            if (wd != null) return wd.isURI() && wd.getURI().startsWith(IriScheme.WIKIDATA_ITEM) ? wd.getURI().substring(IriScheme.WIKIDATA_ITEM.length()) : null;
        }
        return null;
    }

    private boolean isDate(Graph ontology, Node p) {
        return graph.hierarchy().isSubPropertyOf(p, DATE);
    }

    private static Node first(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    /** Claims already on items, as "P=value" per QID, from every cached wbgetentities answer. */
    static Map<String, Set<String>> knownClaims(Path cache) throws IOException {
        Map<String, Set<String>> known = new HashMap<>();
        if (!Files.isDirectory(cache)) return known;
        try (Stream<Path> s = Files.list(cache)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode entities = JSON.readTree(f.toFile()).path("entities");
                entities.fields().forEachRemaining(e -> {
                    Set<String> claims = known.computeIfAbsent(e.getKey(), k -> new HashSet<>());
                    e.getValue().path("claims").fields().forEachRemaining(c -> {
                        for (JsonNode statement : c.getValue()) {
                            JsonNode v = statement.path("mainsnak").path("datavalue").path("value");
                            if (v.has("id")) claims.add(c.getKey() + "=" + v.path("id").asText());
                            else if (v.has("time")) claims.add(c.getKey() + "=" + v.path("time").asText());
                        }
                    });
                });
            }
        }
        return known;
    }
}

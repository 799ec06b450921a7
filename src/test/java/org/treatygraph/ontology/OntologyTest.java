package org.treatygraph.ontology;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.treatygraph.TestProjects;

import static org.junit.jupiter.api.Assertions.*;

class OntologyTest {
    private final OntologyIndex index = OntologyIndex.load(TestProjects.repo().ontologyFile());
    private final Graph g = index.graph();

    @Test
    void theGeneratedVocabularyHasEveryDeclaredTermAndNoOther() throws IllegalAccessException {
        // TG is generated from the ontology at build time; a term the ontology declares is a constant, and
        // a constant is a term the ontology declares (with its IRI).
        java.util.Set<String> declared = new java.util.TreeSet<>();
        g.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEach(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(TG.NS)) declared.add(t.getSubject().getURI());
        });
        java.util.Set<String> generated = new java.util.TreeSet<>();
        for (java.lang.reflect.Field f : TG.class.getFields()) {
            if (f.getType() == Node.class) {
                Node n = (Node) f.get(null);
                assertEquals(TG.NS + f.getName(), n.getURI());
                generated.add(n.getURI());
            }
        }
        assertTrue(declared.size() > 200, "declared: " + declared.size());
        assertEquals(declared, generated);
        assertEquals(g.getPrefixMapping().getNsPrefixURI("prov"), Prefixes.MAPPING.getNsPrefixURI("prov"));
        assertEquals(IriScheme.ID, Prefixes.MAPPING.getNsPrefixURI("id"));
    }

    @Test
    void hasAVersionIri() {
        Node ont = NodeFactory.createURI(IriScheme.ONTOLOGY);
        assertTrue(g.contains(ont, RDF.type.asNode(), OWL2.Ontology.asNode()));
        assertTrue(g.find(ont, OWL2.versionIRI.asNode(), Node.ANY).hasNext());
    }

    @Test
    void everyClassAndPropertyHasAnEnglishLabelAndADefinition() {
        List<String> missing = new ArrayList<>();
        for (Node type : List.of(OWL2.Class.asNode(), OWL2.ObjectProperty.asNode(), OWL2.DatatypeProperty.asNode(), OWL2.AnnotationProperty.asNode())) {
            g.find(Node.ANY, RDF.type.asNode(), type).forEach(t -> {
                Node term = t.getSubject();
                if (!term.isURI() || !term.getURI().startsWith(TG.NS)) return;
                boolean label = g.find(term, RDFS.label.asNode(), Node.ANY).toList().stream().anyMatch(x -> "en".equals(x.getObject().getLiteralLanguage()));
                boolean definition = g.find(term, SKOS.definition.asNode(), Node.ANY).hasNext();
                if (!label || !definition) missing.add(term.getURI());
            });
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void recordKeysAndKindsComeFromTheOntologyFile() {
        assertEquals(TG.hasParty, index.term("hasParty").orElseThrow().property());
        assertEquals(RDFS.label.asNode(), index.term("label").orElseThrow().property());
        assertEquals(TG.Instrument, index.classForKind("agreement").orElseThrow());
        assertEquals(List.of("http://www.w3.org/2001/XMLSchema#date", "http://www.w3.org/2001/XMLSchema#gYearMonth",
                "http://www.w3.org/2001/XMLSchema#gYear"), index.term("dateValue").orElseThrow().datatypes());
        // signingDate declares no range of its own: it inherits tg:date's.
        assertEquals(TG.DateSpecification, index.term("signingDate").orElseThrow().range());
        assertTrue(index.isSubClassOf(TG.Ultimatum, TG.Instrument));
    }
}

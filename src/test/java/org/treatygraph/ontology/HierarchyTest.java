package org.treatygraph.ontology;

import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.treatygraph.TestProjects;
import org.treatygraph.convert.TreatyGraph;

import static org.junit.jupiter.api.Assertions.*;

class HierarchyTest {
    private static final Node PROV_ENTITY = NodeFactory.createURI("http://www.w3.org/ns/prov#Entity");
    private static final Node CREATIVE_WORK = NodeFactory.createURI("https://schema.org/CreativeWork");

    private final Hierarchy asserted = OntologyIndex.load(TestProjects.repo().ontologyFile()).hierarchy();

    @Test
    void superClassesAreNearestFirstThenByIri() {
        assertEquals(List.of(TG.Treaty, TG.Agreement, TG.Instrument, PROV_ENTITY, CREATIVE_WORK), List.copyOf(asserted.superClasses(TG.PeaceTreaty)));
        assertEquals(List.of(TG.date), List.copyOf(asserted.superProperties(TG.signingDate)));
        assertTrue(asserted.isSubClassOf(TG.PeaceTreaty, TG.Instrument));
        assertFalse(asserted.isSubClassOf(TG.Instrument, TG.PeaceTreaty));
    }

    @Test
    void directTermsAboveAndBelow() {
        Hierarchy.Order classes = asserted.classes();
        assertEquals(Set.of(TG.Agreement), classes.directlyAbove(TG.Treaty));
        assertEquals(List.of(PROV_ENTITY, CREATIVE_WORK), List.copyOf(classes.directlyAbove(TG.Instrument)));
        assertEquals(List.of(TG.FriendshipTreaty, TG.PeaceTreaty), List.copyOf(classes.directlyBelow(TG.Treaty)));
        assertTrue(asserted.properties().directlyBelow(TG.date).contains(TG.signingDate));
        assertEquals(Set.of(), classes.directlyBelow(TG.PeaceTreaty));
    }

    @Test
    void belowIsEveryTermUnderNearestFirst() {
        Set<Node> below = asserted.classes().below(TG.Agreement);
        assertTrue(below.containsAll(Set.of(TG.Treaty, TG.PeaceTreaty, TG.FriendshipTreaty)), below.toString());
        assertFalse(below.contains(TG.Agreement) || below.contains(TG.Ultimatum), below.toString());
        List<Node> order = List.copyOf(below);
        assertTrue(order.indexOf(TG.Treaty) < order.indexOf(TG.PeaceTreaty), order.toString());
        assertTrue(asserted.classes().below(TG.Instrument).contains(TG.Ultimatum));
    }

    /** The reasoner's closure states every ancestor directly; the direct terms are still the asserted ones. */
    @Test
    void theReasonersClosureGivesTheSameAnswers() {
        TreatyGraph built = TestProjects.repoGraph();
        assertTrue(built.inferred().contains(TG.PeaceTreaty, RDFS.subClassOf.asNode(), TG.Instrument));
        Hierarchy closed = new Hierarchy(new Union(built.ontology(), built.inferred()));
        for (Node c : List.of(TG.PeaceTreaty, TG.Treaty, TG.Instrument, TG.State, TG.Person)) {
            assertEquals(asserted.classes().directlyAbove(c), closed.classes().directlyAbove(c), c.toString());
            assertEquals(asserted.classes().directlyBelow(c), closed.classes().directlyBelow(c), c.toString());
            assertEquals(asserted.superClasses(c), closed.superClasses(c), c.toString());
            assertEquals(asserted.classes().below(c), closed.classes().below(c), c.toString());
        }
        assertEquals(asserted.superProperties(TG.signingDate), closed.superProperties(TG.signingDate));
        assertFalse(closed.superClasses(TG.PeaceTreaty).contains(OWL2.Thing.asNode()));
        assertTrue(Hierarchy.isTrivial(OWL2.Thing.asNode()));
    }
}

package org.treatygraph.convert;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.treatygraph.TestProjects;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.TG;

/** What belongs to an entity is data (tg:ofEntity), written for every nested node and every statement. */
class OwnershipTest {
    @Test
    void everyNestedNodeAndEveryStatementNamesItsEntity() {
        TreatyGraph g = TestProjects.repoGraph();
        Graph prov = g.provenance();
        int nested = 0;
        for (Node s : g.asserted().find().mapWith(Triple::getSubject).toSet()) {
            Node owner = IriScheme.owner(s);
            if (owner == null || owner.equals(s)) continue;
            nested++;
            assertEquals(List.of(owner), prov.find(s, TG.ofEntity, Node.ANY).mapWith(Triple::getObject).toList(), s::toString);
        }
        assertTrue(nested > 500, "nested nodes: " + nested);
        for (Triple st : prov.find(Node.ANY, RDF.type.asNode(), RDF.Statement.asNode()).toList()) {
            Node subject = prov.find(st.getSubject(), RDF.subject.asNode(), Node.ANY).next().getObject();
            Node owner = IriScheme.owner(subject);
            if (owner != null) assertTrue(prov.contains(st.getSubject(), TG.ofEntity, owner), st::toString);
        }
        assertEquals(IriScheme.iri("agreement/treaty-of-kars-1921"), IriScheme.owner(IriScheme.iri("agreement/treaty-of-kars-1921/signing-1/signing-date-000")));
        assertNull(IriScheme.owner(IriScheme.iri("statement/0123456789abcdef0123")));
    }
}

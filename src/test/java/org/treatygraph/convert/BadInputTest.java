package org.treatygraph.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.core.InputException;
import org.treatygraph.core.Problem;
import org.treatygraph.core.Progress;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.TG;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Valid input builds what it says, and a changed source fails its checksum. The other kinds of bad input
 * are cases of src/test/resources/bad-input (BadInputSuiteTest).
 */
class BadInputTest {
    @TempDir Path dir;

    private static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        return problems.get(0);
    }

    @Test
    void validInputBuilds() throws IOException {
        Project p = TestProjects.scratch(dir, TestProjects.VALID);
        GraphBuilder builder = new GraphBuilder(p, Progress.SILENT);
        TreatyGraph g = builder.build();
        Node treaty = IriScheme.iri("agreement/soviet-persian-treaty-1921");
        Node date = IriScheme.iri("agreement/soviet-persian-treaty-1921/signing-1/date-1");
        // What the records say, as triples: the type, both parties, the signing and its date at day precision.
        assertTrue(g.asserted().contains(treaty, RDF.type.asNode(), TG.FriendshipTreaty));
        assertTrue(g.asserted().contains(treaty, TG.hasParty, IriScheme.iri("polity/rsfsr")));
        assertTrue(g.asserted().contains(treaty, TG.hasParty, IriScheme.iri("polity/persia")));
        assertTrue(g.asserted().contains(date, TG.earliest, NodeFactory.createLiteralDT("1921-02-26", XSDDatatype.XSDdate)));
        // What the reasoner adds: the signing date and the status from the signing, the superclass.
        assertTrue(g.inferred().contains(treaty, TG.signingDate, date));
        assertTrue(g.inferred().contains(treaty, TG.status, TG.Signed));
        assertTrue(g.inferred().contains(treaty, RDF.type.asNode(), TG.Treaty));
        // Every asserted fact has its statement, with its basis, in the provenance graph; nothing to warn about.
        for (Triple t : g.asserted().find().toList()) assertTrue(g.provenance().contains(TreatyGraph.statementOf(t), TG.basis, Node.ANY), t::toString);
        assertTrue(builder.report().conforms());
        assertEquals(List.of(), builder.report().entries());
    }

    @Test
    void changedSourceTextFailsItsChecksum() throws IOException {
        Project p = TestProjects.scratch(dir, TestProjects.VALID);
        Path src = dir.resolve("data/sources/000_d65a8bda9b5a5c10.txt");
        Files.writeString(src, Files.readString(src, StandardCharsets.UTF_8).replace("Batumi", "Batum"), StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> new GraphBuilder(p, Progress.SILENT).build());
        Problem problem = only(e.problems());
        assertEquals("data/sources.yaml", problem.location().file());
        assertTrue(problem.message().startsWith("source 000_d65a8bda9b5a5c10.txt has changed: sha256 is "), problem.message());
    }
}

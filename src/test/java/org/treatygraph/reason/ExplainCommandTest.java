package org.treatygraph.reason;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.treatygraph.TestProjects;
import org.treatygraph.cli.Main;
import picocli.CommandLine;

/** `explain` on the treaty graph: the derivation of an inferred fact down to the records it rests on. */
class ExplainCommandTest {
    private record Run(int exit, String out, String err) {}

    private static Run explain(String... spo) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        String[] args = new String[spo.length + 3];
        args[0] = "explain";
        args[1] = "--project";
        args[2] = TestProjects.repo().root().toString();
        System.arraycopy(spo, 0, args, 3, spo.length);
        return new Run(cmd.execute(args), out.toString(), err.toString());
    }

    @Test
    void propertyChainDownToTheRecordsAndTheOntology() {
        // 001: Yusuf Kemal Bey was in the official delegation sent by Ankara to Moscow in 1920.
        Run r = explain("id:person/yusuf-kemal-bey", "tg:actedOnBehalfOf", "id:polity/grand-national-assembly");
        assertEquals(0, r.exit, r.err);
        String[] lines = r.out.split("\n");
        assertEquals("id:person/yusuf-kemal-bey tg:actedOnBehalfOf id:polity/grand-national-assembly   [inferred by rule prp-spo2-2]", lines[0]);
        assertTrue(r.out.contains("  axiom tg:actedOnBehalfOf owl:propertyChainAxiom ( tg:participation tg:onBehalfOf )   [ontology axiom]"), r.out);
        assertTrue(r.out.contains("[inferred by rule prp-inv1]"), "the participation comes from the inverse of tg:agent:\n" + r.out);
        assertTrue(r.out.contains("    axiom tg:agent owl:inverseOf tg:participation   [ontology axiom]"), r.out);
        assertTrue(r.out.matches("(?s).*tg:onBehalfOf id:polity/grand-national-assembly   \\[asserted, data/records/[a-z0-9-]+\\.yaml:\\d+:\\d+\\].*"), r.out);
    }

    @Test
    void subclassWithFullIrisAndA() {
        Run r = explain("<https://w3id.org/treaty-graph/id/agreement/treaty-of-kars-1921>", "a", "tg:Agreement");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.startsWith("id:agreement/treaty-of-kars-1921 rdf:type tg:Agreement   [inferred by rule "), r.out);
    }

    @Test
    void assertedFactSaysWhereItWasWritten() {
        Run r = explain("id:agreement/treaty-of-kars-1921", "tg:confirms", "id:agreement/treaty-of-moscow-1921");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.matches("id:agreement/treaty-of-kars-1921 tg:confirms id:agreement/treaty-of-moscow-1921   \\[asserted, data/records/.*\\.yaml:\\d+:\\d+\\]\\n"), r.out);
    }

    @Test
    void aTripleThatDoesNotHoldExitsOne() {
        Run r = explain("id:agreement/treaty-of-kars-1921", "tg:annuls", "id:agreement/treaty-of-moscow-1921");
        assertEquals(1, r.exit);
        assertEquals("does not hold: id:agreement/treaty-of-kars-1921 tg:annuls id:agreement/treaty-of-moscow-1921 is neither asserted nor inferred.\n", r.err);
        assertEquals("", r.out);
    }

    @Test
    void anUnknownPrefixIsAUsageError() {
        Run r = explain("nope:kars", "a", "tg:Agreement");
        assertEquals(2, r.exit);
        assertTrue(r.err.startsWith("error: subject nope:kars: unknown prefix nope:; known: "), r.err);
    }
}

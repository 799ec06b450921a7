package org.treatygraph.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.convert.Project;

/** `validate`: what it counts on the bundled data, and a broken links file named at its line. */
class ValidateCommandTest {
    @TempDir Path dir;

    private static String[] run(Project p) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute("validate", "--project", p.root().toString());
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void countsFactsProvenanceAndCheckedLinks() throws Exception {
        String[] r = run(TestProjects.repo());
        assertEquals("0", r[0], r[2]);
        long links = Files.readString(TestProjects.repo().wikidataLinksFile(), StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("  - entity: ")).count();
        var g = TestProjects.repoGraph();
        assertEquals("valid: " + g.asserted().size() + " facts, " + g.provenance().size() + " provenance triples, " + links
                + " checked Wikidata links, 0 warning(s)", r[1].strip());
    }

    @Test
    void aLinkWithoutItsCheckStopsValidationAtItsLine() throws Exception {
        Project p = TestProjects.scratch(dir, TestProjects.VALID);
        Files.createDirectories(p.wikidataLinksFile().getParent());
        Files.writeString(p.wikidataLinksFile(), "links:\n  - entity: polity/persia\n    qid: Q900005\n    how: stored-page\n    checked: 2026-11-22\n");
        String[] r = run(p);
        assertNotEquals("0", r[0]);
        assertTrue(r[2].contains("data/wikidata/links.yaml:2:") && r[2].contains("a link needs 'page'"), r[2]);
        assertEquals("", r[1].strip(), "nothing reported as valid");
    }
}

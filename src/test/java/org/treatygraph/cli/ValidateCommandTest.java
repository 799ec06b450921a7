package org.treatygraph.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.convert.Project;
import org.treatygraph.ontology.TG;

import static org.junit.jupiter.api.Assertions.*;

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
        List<String> lines = r[1].strip().lines().toList();
        assertEquals(3, lines.size(), r[1]);
        assertEquals("valid: " + g.asserted().size() + " facts, " + g.provenance().size() + " provenance triples, " + links
                + " checked Wikidata links, " + g.geometries().size() + " territories with checked coordinates (" + g.noCoordinates().size()
                + " with a reason for none), 0 warning(s)", lines.get(0));
        assertTrue(g.geometries().size() >= 20 && !g.noCoordinates().isEmpty(), lines.get(0));
        // The support figures count the facts' statements by basis in the provenance graph; none is unsupported.
        long stated = basis(g, TG.Stated), reading = basis(g, TG.Reading), editorial = basis(g, TG.Editorial);
        long titles = g.provenance().find(Node.ANY, TG.onlyLiteratureTitle, Node.ANY).toList().size();
        assertEquals("support: " + stated + " facts stated by their passages (checked mechanically), " + reading
                + " resting on an editor's reading, " + editorial + " editorial, 0 unsupported; " + titles + " cite only literature titles", lines.get(1));
        assertTrue(stated > reading && reading > 0 && editorial > 0 && titles > 0, lines.get(1));
        long properties = Files.readString(TestProjects.repo().root().resolve("data/wikidata/properties.yaml"), StandardCharsets.UTF_8)
                .lines().filter(l -> l.startsWith("  - role: ")).count();
        assertEquals("wikidata properties: " + properties + " checked", lines.get(2));
        assertTrue(properties >= 10, lines.get(2));
    }

    @Test
    void aWikidataPropertyWithoutItsCheckStopsValidationAtItsLine() throws Exception {
        Project p = TestProjects.scratch(dir, TestProjects.VALID);
        Files.createDirectories(p.wikidataLinksFile().getParent());
        Files.writeString(p.wikidataLinksFile().resolveSibling("properties.yaml"),
                "properties:\n  - role: location\n    id: P276\n    label: location\n    checked: 2026-12-03\n");
        String[] r = run(p);
        assertNotEquals("0", r[0]);
        assertTrue(r[2].contains("data/wikidata/properties.yaml:2:") && r[2].contains("P276 has no check"), r[2]);
    }

    private static long basis(org.treatygraph.convert.TreatyGraph g, Node basis) {
        return g.provenance().find(Node.ANY, TG.basis, basis).toList().size();
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

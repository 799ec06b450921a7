package org.treatygraph.publish;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.convert.GraphBuilder;
import org.treatygraph.convert.Project;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Progress;

/** The QuickStatements export: statements for linked items, each with its source passage, minus what the items already say. */
class QuickStatementsTest {
    @TempDir Path dir;

    static final String LINKS = """
        links:
          - {entity: polity/rsfsr, qid: Q900010, how: stored-page, page: "https://example.org/a", excerpt: "RSFSR,900010", itemLabel: RSFSR, checked: 2026-11-22}
          - {entity: polity/persia, qid: Q900011, how: stored-page, page: "https://example.org/a", excerpt: "Persia,900011", itemLabel: Persia, checked: 2026-11-22}
          - {entity: agreement/soviet-persian-treaty-1921, qid: Q900012, how: accepted-candidate, acceptedBy: a reviewer, score: 97, checked: 2026-11-22}
        """;

    private TreatyGraph build() throws Exception {
        Project p = TestProjects.scratch(dir, TestProjects.VALID);
        Files.createDirectories(p.wikidataLinksFile().getParent());
        Files.writeString(p.wikidataLinksFile(), LINKS, StandardCharsets.UTF_8);
        return new GraphBuilder(p, Progress.SILENT).build();
    }

    @Test
    void partiesAndTheSigningDateAreProposedWithTheirPassages() throws Exception {
        List<String> lines = new QuickStatements(build(), "https://w3id.org/treaty-graph/", dir.resolve("no-cache")).lines();
        assertEquals(3, lines.size(), lines.toString());
        String passage = "\tS854\t\"https://w3id\\.org/treaty-graph/sources/000_[0-9a-f]+\\.txt\\?start=\\d+&end=\\d+\"\tS1683\ten:\"[^\"]+\"";
        assertTrue(lines.get(0).matches("Q900012\tP1891\tQ900010" + passage), lines.get(0));
        assertTrue(lines.get(1).matches("Q900012\tP1891\tQ900011" + passage), lines.get(1));
        assertTrue(lines.get(2).matches("Q900012\tP585\t\\+1921-02-26T00:00:00Z/11" + passage), lines.get(2));
        assertTrue(lines.get(2).contains("en:\"SOVIET–PERSIAN TREATY OF FRIENDSHIP (26 February 1921)\""), lines.get(2));
    }

    @Test
    void aPolitysEstablishmentIsProposedAsItsInceptionNotAsAPointInTime() throws Exception {
        // The bundled data: the Armenian SSR (linked) was proclaimed on 2 December 1920. tg:established has its
        // own Wikidata property (P571); without it the sub-property would inherit tg:date's P585.
        List<String> lines = new QuickStatements(TestProjects.repoGraph(), "https://w3id.org/treaty-graph/", dir.resolve("no-cache")).lines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Q132856\tP571\t+1920-12-02T00:00:00Z/11\tS854\t")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("Q132856\tP585\t")), lines.toString());
    }

    @Test
    void whatTheCachedItemAlreadySaysIsLeftOut() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Files.writeString(cache.resolve("0123.json"), """
            {"entities":{"Q900012":{"type":"item","id":"Q900012","claims":{
              "P585":[{"mainsnak":{"snaktype":"value","property":"P585","datavalue":{"value":{"time":"+1921-02-26T00:00:00Z","precision":11},"type":"time"}}}],
              "P1891":[{"mainsnak":{"snaktype":"value","property":"P1891","datavalue":{"value":{"id":"Q900010"},"type":"wikibase-entityid"}}}]}}},"success":1}""");
        List<String> lines = new QuickStatements(build(), "https://w3id.org/treaty-graph/", cache).lines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("Q900012\tP1891\tQ900011\t"), lines.get(0));
    }
}

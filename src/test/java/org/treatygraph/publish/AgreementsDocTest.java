package org.treatygraph.publish;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.treatygraph.TestProjects;

class AgreementsDocTest {
    @Test
    void docsAgreementsIsCurrent() throws IOException {
        String generated = AgreementsReport.markdown(TestProjects.repoGraph());
        Path doc = TestProjects.repo().root().resolve("docs/agreements.md");
        assertTrue(Files.exists(doc), "docs/agreements.md is missing: java -jar target/treaty-graph.jar agreements --out docs/agreements.md");
        assertEquals(generated, Files.readString(doc, StandardCharsets.UTF_8),
                "docs/agreements.md is out of date: run java -jar target/treaty-graph.jar agreements --out docs/agreements.md");
    }

    @Test
    void listsTheTreatyOfKarsWithItsPartiesAndCitations() {
        String md = AgreementsReport.markdown(TestProjects.repoGraph());
        String kars = md.lines().filter(l -> l.contains("(`agreement/treaty-of-kars-1921`)")).findFirst().orElseThrow();
        assertTrue(kars.contains("13 October"), kars);
        assertTrue(kars.contains("Georgian") && kars.contains("Armenian") && kars.contains("Azerbaijan"), kars);
        int citations = Integer.parseInt(kars.substring(kars.lastIndexOf('|', kars.length() - 2) + 1, kars.length() - 1).strip());
        assertTrue(citations >= 4, kars);
    }
}

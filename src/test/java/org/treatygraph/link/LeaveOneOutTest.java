package org.treatygraph.link;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import org.treatygraph.cli.Main;

/**
 * `link --evaluate`: every recorded link searched for as if it were not there, against the stand-in for
 * Wikidata built from stored pages (the recorded items and the items they are confused with). The report
 * goes to target/link-evaluation.md; docs/wikidata.md quotes it.
 */
class LeaveOneOutTest {
    @TempDir Path tmp;

    @Test
    void theRecordedItemsAreFoundAndRankedFirst() throws Exception {
        try (WikidataFixture wd = new WikidataFixture(true)) {
            StringWriter out = new StringWriter(), err = new StringWriter();
            var cmd = Main.commandLine();
            cmd.setOut(new PrintWriter(out));
            cmd.setErr(new PrintWriter(err));
            Path report = Path.of("target/link-evaluation.md").toAbsolutePath();
            int exit = cmd.execute("link", "--project", TestProjects.repo().root().toString(), "--api", wd.api(),
                    "--cache", tmp.resolve("cache").toString(), "--evaluate", "--report", report.toString());
            assertEquals(0, exit, err.toString());
            String md = out.toString();
            System.out.println(md);
            assertEquals(md, Files.readString(report));
            Matcher m = Pattern.compile("over (\\d+) recorded links").matcher(md);
            assertTrue(m.find(), md);
            assertEquals(Integer.parseInt(m.group(1)), WikidataLinksTestAccess.linkCount());
        }
    }
}

package org.treatygraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.ExternalTools;

/**
 * The README's Python examples, run as a reader runs them after the README's two commands: each ```python block
 * against a running server, its output compared line for line with the block the README shows after it. A
 * README whose example drifted from the data (an output it no longer gives, a path only another command
 * writes) fails here.
 */
class ReadmeExamplesTest {
    @TempDir Path tmp;

    record Example(int line, String code, List<String> output) {}

    static List<Example> examples() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("```python")) continue;
            int start = i + 1, end = start;
            while (!lines.get(end).equals("```")) end++;
            // The output block follows at once: ``` on the next line, up to its closing fence.
            assertEquals("```", lines.get(end + 1), "README.md:" + (end + 2) + ": a python example is followed by its output");
            int outEnd = end + 2;
            while (!lines.get(outEnd).equals("```")) outEnd++;
            out.add(new Example(start, String.join("\n", lines.subList(start, end)), lines.subList(end + 2, outEnd)));
            i = outEnd;
        }
        return out;
    }

    @Test
    void everyPythonExampleGivesTheOutputTheReadmeShows() throws Exception {
        ExternalTools.require(Files.isExecutable(Path.of("/usr/bin/python3")) && new ProcessBuilder("/usr/bin/python3", "-c", "import rdflib, SPARQLWrapper")
                .start().waitFor() == 0, "Python rdflib and SPARQLWrapper (Debian python3-rdflib python3-sparqlwrapper)");
        List<Example> examples = examples();
        assertTrue(examples.size() >= 2, "the README has its rdflib and SPARQLWrapper examples: " + examples.size());
        String base = SiteServer.base();
        for (Example e : examples) {
            Path script = tmp.resolve("example-" + e.line() + ".py");
            Files.writeString(script, e.code().replace("http://localhost:3030", base));
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString()).directory(Path.of("").toAbsolutePath().toFile())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), "README.md:" + e.line() + ": the example failed:\n" + output);
            assertEquals(e.output(), output.lines().toList(), "README.md:" + e.line() + ": the example's output");
        }
    }
}

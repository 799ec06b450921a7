package org.treatygraph.publish;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.TestProjects;
import static org.treatygraph.ExternalTools.*;
import org.treatygraph.ExternalTools.Result;
import org.treatygraph.cli.Main;
import org.treatygraph.convert.TreatyGraph;

/**
 * The dumps read in RDF tools the project did not write: Raptor's rapper (Debian raptor2-utils) and
 * Python rdflib (Debian python3-rdflib, through Debian's own python3), with the triple counts of the
 * build. Where the tools are missing the test is skipped on a developer's machine, and fails under CI
 * (CI=true), whose script installs them.
 */
class IndependentToolsTest {
    @TempDir static Path out;
    static int facts, quads, inferred;

    @BeforeAll
    static void build() {
        assertEquals(0, Main.run("build", "-q", "--project", TestProjects.repo().root().toString(), "--out", out.toString()));
        TreatyGraph g = TestProjects.repoGraph();
        facts = g.factsAndProvenance().size();
        quads = g.asserted().size() + g.provenance().size() + g.ontology().size() + g.inferred().size();
        inferred = g.inferred().size();
    }


    @Test
    void rapperParsesTurtleNTriplesAndTrigWithTheBuildsCounts() throws Exception {
        require(Files.isExecutable(Path.of("/usr/bin/rapper")), "rapper (raptor2-utils)");
        Path nt = out.resolve("unzipped.nt");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out.resolve("treaty-graph.nt.gz")));
             OutputStream o = Files.newOutputStream(nt)) {
            in.transferTo(o);
        }
        assertEquals(facts, rapperCount("turtle", out.resolve("treaty-graph.ttl")));
        assertEquals(facts, rapperCount("ntriples", nt));
        Path inf = out.resolve("unzipped-inferred.nt");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out.resolve("treaty-graph-inferred.nt.gz")));
             OutputStream o = Files.newOutputStream(inf)) {
            in.transferTo(o);
        }
        assertEquals(inferred, rapperCount("ntriples", inf));
        assertEquals(quads, rapperCount("trig", out.resolve("treaty-graph.trig")));
        assertTrue(rapperCount("turtle", out.resolve("void.ttl")) > 50);
    }

    @Test
    void rdflibParsesEveryDumpWithTheBuildsCounts() throws Exception {
        requirePython("rdflib");
        String script = """
            import gzip, sys, rdflib
            d = sys.argv[1]
            g = rdflib.Graph(); g.parse(d + '/treaty-graph.ttl', format='turtle'); print('ttl', len(g))
            g = rdflib.Graph(); g.parse(data=gzip.open(d + '/treaty-graph.nt.gz').read().decode('utf-8'), format='nt'); print('nt', len(g))
            g = rdflib.Graph(); g.parse(d + '/treaty-graph.jsonld', format='json-ld'); print('jsonld', len(g))
            ds = rdflib.Dataset(); ds.parse(d + '/treaty-graph.trig', format='trig'); print('trig', sum(1 for _ in ds.quads((None, None, None, None))))
            g = rdflib.Graph(); g.parse(data=gzip.open(d + '/treaty-graph-inferred.nt.gz').read().decode('utf-8'), format='nt'); print('inferred', len(g))
            """;
        Result r = run(List.of(PYTHON, "-c", script, out.toString()));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("ttl " + facts + "\n"), r.output());
        assertTrue(r.output().contains("nt " + facts + "\n"), r.output());
        assertTrue(r.output().contains("jsonld " + facts + "\n"), r.output());
        assertTrue(r.output().contains("trig " + quads + "\n"), r.output());
        assertTrue(r.output().contains("inferred " + inferred + "\n"), r.output());
    }

    private static int rapperCount(String syntax, Path file) throws Exception {
        Result r = run(List.of("/usr/bin/rapper", "-i", syntax, "-c", file.toString()));
        assertEquals(0, r.exit(), r.output());
        assertFalse(r.output().contains("rapper: Error"), r.output());
        Matcher m = Pattern.compile("returned (\\d+) (triples|statements)").matcher(r.output());
        assertTrue(m.find(), r.output());
        return Integer.parseInt(m.group(1));
    }

}

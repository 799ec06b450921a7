package org.treatygraph.reason;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatygraph.cli.Main;

/**
 * The outside yardstick: LUBM(1,0) with its univ-bench ontology, closed by the project's profile, must
 * give each of the 14 LUBM queries exactly its published reference answers.
 */
class LubmTest {
    static final Path LUBM = Path.of("src/test/resources/lubm");
    static final int[] REFERENCE_COUNTS = {4, 0, 6, 34, 719, 7790, 67, 7790, 208, 4, 224, 15, 1, 5916};
    static Graph ontology, data, closure;
    static Closure result;

    @BeforeAll
    static void materialise() {
        ontology = RDFDataMgr.loadGraph(LUBM.resolve("univ-bench.owl").toString());
        data = RDFDataMgr.loadGraph(LUBM.resolve("lubm1.nt.gz").toString());
        result = Turtle.profile().run(ontology, data, false, s -> {});
        closure = GraphFactory.createDefaultGraph();
        for (Graph g : List.of(ontology, data, result.inferred())) g.find().forEach(closure::add);
    }

    @ParameterizedTest(name = "LUBM query {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14})
    void queryReturnsThePublishedAnswers(int n) throws IOException {
        String query = Files.readString(LUBM.resolve("queries/q" + n + ".rq"));
        List<String> expected = referenceAnswers(n);
        List<String> actual = new ArrayList<>();
        List<String> vars = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(org.apache.jena.sparql.core.DatasetGraphFactory.wrap(closure))).query(query).build()) {
            var rs = qe.execSelect();
            vars.addAll(rs.getResultVars());
            rs.forEachRemaining((QuerySolution s) -> actual.add(row(s, vars)));
        }
        assertEquals(REFERENCE_COUNTS[n - 1], expected.size(), "the reference file's own count");
        assertEquals(expected.size(), actual.size(), "answer count of query " + n);
        assertEquals(new TreeSet<>(expected), new TreeSet<>(actual), "answers of query " + n);
    }

    @Test
    void closureIsTheSizeOthersReport() {
        // Field notes: the OWL 2 RL closure of LUBM(1) is about 149 k triples (data, ontology and inferences).
        assertTrue(closure.size() > 145_000 && closure.size() < 155_000, "closure: " + closure.size());
        assertEquals(List.of(), result.inconsistencies());
    }

    @Test
    void inferCommandWritesTheClosureAndAClosingLine(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("closure.nt.gz");
        var err = new java.io.StringWriter();
        var cmd = Main.commandLine();
        cmd.setErr(new java.io.PrintWriter(err));
        int exit = cmd.execute("infer", "--ontology", LUBM.resolve("univ-bench.owl").toString(), "--data", LUBM.resolve("lubm1.nt.gz").toString(),
                "--out", out.toString());
        assertEquals(0, exit, err.toString());
        Matcher m = Pattern.compile("input ([\\d,]+) triples; inferred ([\\d,]+) triples; [\\d.]+ s; peak heap [\\d,]+ MiB").matcher(err.toString());
        assertTrue(m.find(), err.toString());
        assertEquals(ontology.size() + data.size(), Long.parseLong(m.group(1).replace(",", "")));
        assertEquals(result.inferred().size(), Long.parseLong(m.group(2).replace(",", "")));
        Graph written = RDFDataMgr.loadGraph(out.toString());
        assertEquals(closure.size(), written.size());
        assertTrue(err.toString().contains("rules specialised for the data"), "progress is shown");
    }

    @Test
    void inferReportsBadInputWithFileLineAndColumnAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("bad.nt");
        java.nio.file.Files.writeString(bad, "<http://e/a> <http://e/b> <http://e/c> .\n<http://e/a> <http://e/b> <http://e/c> <http://e/d> .\n");
        Path out = tmp.resolve("closure.nt");
        var err = new java.io.StringWriter();
        var cmd = Main.commandLine();
        cmd.setErr(new java.io.PrintWriter(err));
        assertEquals(1, cmd.execute("infer", "-q", "--ontology", LUBM.resolve("univ-bench.owl").toString(), "--data", bad.toString(), "--out", out.toString()));
        assertTrue(err.toString().startsWith(bad + ":2:"), err.toString());
        assertTrue(err.toString().contains("nothing was written"), err.toString());
        assertFalse(java.nio.file.Files.exists(out));

        err.getBuffer().setLength(0);
        assertEquals(1, cmd.execute("infer", "-q", "--ontology", LUBM.resolve("univ-bench.owl").toString(), "--data", tmp.resolve("missing.ttl").toString(), "--out", out.toString()));
        assertTrue(err.toString().startsWith("error: cannot read " + tmp.resolve("missing.ttl") + ": no such file"), err.toString());
    }

    /** A row as tab-separated values in the order of the reference file's header, literals as lexical forms. */
    private static String row(QuerySolution s, List<String> vars) {
        List<String> cells = new ArrayList<>();
        for (String v : vars) {
            RDFNode n = s.get(v);
            cells.add(n == null ? "" : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
        }
        return String.join("\t", cells);
    }

    private static List<String> referenceAnswers(int n) throws IOException {
        List<String> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(LUBM.resolve("answers-lubm1/answers_query" + n + ".csv.gz"))), StandardCharsets.UTF_8))) {
            String header = r.readLine();
            assertNotNull(header);
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isEmpty()) rows.add(line.replace(",", "\t"));
            }
        }
        return rows;
    }
}
